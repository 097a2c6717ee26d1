import {
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLAUSES, CONTRACT_BASES, END_OF_CONTRACT, MAX_CONTRACT_FILE_BYTES } from '../../../contracts/processors.js';
import { processorRoutes } from '../../../contracts/processors.routes.js';
import { download, upload } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { oneOf } from '../../app/forms.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FileUpload } from '../../components/FileUpload.js';
import { Section } from '../../components/Section.js';
import { type Detail, useProcessorParams, useSetDetail } from './processor-save.js';
import { SectionForm, useSectionDraft } from './ProcessorForm.js';

/** The contract clause by clause (Art. 28(3)(a)–(h)), its dates, the breach-alert delay, the signed file. */
export function ContractSection({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const c = p.contract;
  // Art. 28 binds a processor: for a separate or joint controller, the contract's dates only.
  const processor = p.role === 'processor';
  const init = () => ({
    signedOn: c.signedOn ?? '',
    expiresOn: c.expiresOn ?? '',
    basis: c.basis,
    clauses: c.clauses,
    references: c.references,
    breachNoticeHours: c.breachNoticeHours,
    auditRight: c.auditRight ?? false,
    endOfContract: c.endOfContract,
  });
  const [f, setF, clear] = useSectionDraft(p, 'contract', init);
  const [start] = useState(init);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const body = (x: typeof f) => ({
    contract: { ...x, signedOn: x.signedOn || null, expiresOn: x.expiresOn || null },
  });
  return (
    <Section
      id="contract"
      title={processor ? t('processors.contract.title') : t('processors.contract.titlePartner')}
      {...(processor ? { intro: t('processors.contract.intro') } : {})}
    >
      {p.role !== 'processor' ? (
        <Text data-testid="contract-state">{t('processors.contract.notProcessor')}</Text>
      ) : c.missingClauses.length === 0 ? (
        <Text data-testid="contract-state">{t('processors.contract.complete')}</Text>
      ) : (
        <Stack gap={4} data-testid="contract-state">
          <Text fw={600}>{t('processors.contract.missingList')}</Text>
          <List size="sm">
            {c.missingClauses.map((m) => (
              <List.Item key={m}>{t(`processorValues.clauses.${m}`)}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      <SectionForm p={p} value={body(f)} initial={body(start)} onSaved={clear}>
        {(err) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t('processors.contract.signedOn')}
                value={f.signedOn}
                onChange={(e) => set({ signedOn: e.currentTarget.value })}
                error={err('contract.signedOn')}
              />
              <TextInput
                type="date"
                label={t('processors.contract.expiresOn')}
                value={f.expiresOn}
                onChange={(e) => set({ expiresOn: e.currentTarget.value })}
                error={err('contract.expiresOn')}
              />
            </SimpleGrid>
            {processor && (
              <Select
                label={t('processors.contract.basis')}
                data={CONTRACT_BASES.map((b) => ({ value: b, label: t(`processorValues.bases.${b}`) }))}
                value={f.basis}
                allowDeselect={false}
                onChange={(v) => set({ basis: oneOf(CONTRACT_BASES, v) ?? f.basis })}
              />
            )}
            {processor && f.basis === 'own' && (
              <Table.ScrollContainer minWidth={560}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('processors.contract.clause')}</Table.Th>
                      <Table.Th scope="col">{t('processors.contract.state')}</Table.Th>
                      <Table.Th scope="col">{t('processors.contract.reference')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {CLAUSES.map((k) => (
                      <Table.Tr key={k} data-testid={`clause-${k}`}>
                        <Table.Td id={`clause-${k}-label`}>{t(`processorValues.clauses.${k}`)}</Table.Td>
                        <Table.Td>
                          <Radio.Group
                            aria-labelledby={`clause-${k}-label`}
                            value={f.clauses[k]}
                            onChange={(v) =>
                              set({ clauses: { ...f.clauses, [k]: v === 'present' ? 'present' : 'missing' } })
                            }
                          >
                            <Group gap="sm" wrap="nowrap">
                              <Radio value="present" label={t('processors.contract.present')} />
                              <Radio value="missing" label={t('processors.contract.missing')} />
                            </Group>
                          </Radio.Group>
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={`${t('processors.contract.reference')} — ${t(`processorValues.clauses.${k}`)}`}
                            value={f.references[k] ?? ''}
                            onChange={(e) => set({ references: { ...f.references, [k]: e.currentTarget.value } })}
                            size="xs"
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {processor && (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <NumberInput
                    label={t('processors.contract.breachNoticeHours')}
                    description={t('processors.contract.breachNoticeHelp')}
                    value={f.breachNoticeHours ?? ''}
                    allowDecimal={false}
                    clampBehavior="none"
                    onChange={(v) => set({ breachNoticeHours: typeof v === 'number' ? v : null })}
                    error={err('contract.breachNoticeHours')}
                  />
                  <Select
                    label={t('processors.contract.endOfContract')}
                    data={END_OF_CONTRACT.map((e) => ({ value: e, label: t(`processorValues.endOfContract.${e}`) }))}
                    value={f.endOfContract}
                    clearable
                    onChange={(v) => set({ endOfContract: oneOf(END_OF_CONTRACT, v) })}
                  />
                </SimpleGrid>
                <Checkbox
                  label={t('processors.contract.auditRight')}
                  checked={f.auditRight}
                  onChange={(e) => set({ auditRight: e.currentTarget.checked })}
                />
              </>
            )}
          </>
        )}
      </SectionForm>
      <ContractFile p={p} />
    </Section>
  );
}

/** The signed contract: stored encrypted on the server, uploaded with its progress, downloaded again. */
function ContractFile({ p }: { p: Detail }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const params = useProcessorParams(p.id);
  const setDetail = useSetDetail(p.id);
  const [percent, setPercent] = useState(0);
  const send = useMutation({
    mutationFn: (file: File) => {
      setPercent(0);
      const query = { name: file.name, ...(file.type ? { type: file.type } : {}) };
      return upload(processorRoutes.uploadContract, { params, query }, file, setPercent);
    },
    onSuccess: setDetail,
  });
  const get = useMutation({
    mutationFn: () => download(processorRoutes.contractFile, p.contract.file?.name ?? 'contrat.pdf', { params }),
  });
  const f = p.contract.file;
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('processors.contract.file')}</Text>
      {f ? (
        <Group>
          <Text size="sm" data-testid="contract-file">
            {t('processors.contract.fileStored', {
              name: f.name,
              size: Math.max(1, Math.round(f.size / 1024)),
              date: formatInstant(f.uploadedAt, i18n.language),
            })}
          </Text>
          <Button size="xs" variant="default" onClick={() => get.mutate()} loading={get.isPending}>
            {t('processors.contract.download')}
          </Button>
        </Group>
      ) : (
        <Text size="sm">{t('processors.contract.fileNone')}</Text>
      )}
      {s.can('processor.manage') && (
        <FileUpload
          words={{
            label: t('processors.contract.upload'),
            clear: t('processors.contract.clear'),
            tooLarge: t('processors.contract.tooLarge'),
            send: t('processors.contract.attach'),
            uploading: (n) => t('processors.contract.uploading', { percent: n }),
          }}
          maxBytes={MAX_CONTRACT_FILE_BYTES}
          send={send}
          percent={percent}
        />
      )}
      <ErrorAlert error={send.error ?? get.error} />
    </Stack>
  );
}
