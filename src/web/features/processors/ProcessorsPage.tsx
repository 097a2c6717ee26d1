import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { countryName } from '../../../contracts/processor-labels.js';
import { confidentialityCovered, type Processor } from '../../../contracts/processors.js';
import { processorRoutes } from '../../../contracts/processors.routes.js';
import { call, download, keyOf } from '../../app/api.js';
import { formatDate, todayInParis } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';

/** A state of the checklist: good, to look at, bad, not applicable; the colours keep a 4.5:1 contrast with white. */
export type Check = 'yes' | 'warn' | 'no' | 'na';
const COLOURS: Record<Check, string> = { yes: 'teal.9', warn: '#9c3b00', no: 'red.9', na: 'gray.8' };

export function CheckBadge({ state, label }: { state: Check; label: string }) {
  return (
    <Badge
      color={COLOURS[state]}
      variant="filled"
      style={{ textTransform: 'none' }}
      styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {label}
    </Badge>
  );
}

/** The seed's checklist for one processor: contract signed, HDS checked, data in the EU, confidentiality, security charter. */
export function checklist(p: Processor): Record<'contract' | 'hds' | 'eu' | 'confidentiality' | 'charter', Check> {
  const flag = (v: boolean | null): Check => (v === null ? 'warn' : v ? 'yes' : 'no');
  const contract = (): Check => {
    if (p.role !== 'processor') return 'na';
    if (!p.contract.signedOn) return 'no';
    return p.contract.missingClauses.length ? 'warn' : 'yes';
  };
  const hds = (): Check => {
    if (!p.hds.required) return 'na';
    if (p.hds.status === 'valid') return 'yes';
    return p.hds.status === 'expiring' ? 'warn' : 'no';
  };
  const eu = (): Check => {
    if (!p.storage) return 'warn';
    if (p.storage.inEea) return 'yes';
    return p.storage.adequacy ? 'warn' : 'no';
  };
  return {
    contract: contract(),
    hds: hds(),
    eu: eu(),
    confidentiality: flag(confidentialityCovered(p)),
    charter: flag(p.securityCharter),
  };
}

/** The processors and partners with the checklist at a glance, one status per line; the list to download. */
export function ProcessorsPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const navigate = useNavigate();
  const params = usePracticeParams();
  const list = useQuery({
    queryKey: keyOf(processorRoutes.list, { params }),
    queryFn: () => call(processorRoutes.list, { params }),
  });
  const file = useMutation({
    mutationFn: (format: 'pdf' | 'xlsx' | 'csv') =>
      download(processorRoutes.exportList, `sous-traitants.${format}`, {
        params,
        query: { format, lang: i18n.language === 'en' ? 'en' : 'fr' },
      }),
  });
  const today = todayInParis();
  const isEnded = (p: Processor) => p.endedOn !== null && p.endedOn <= today;
  const running = list.data?.items.filter((p) => !isEnded(p)) ?? [];
  const ended = list.data?.items.filter(isEnded) ?? [];
  const word = (c: Check, p: Processor, col: 'contract' | 'hds' | 'eu' | 'confidentiality' | 'charter') => {
    if (c === 'na') return t('processors.notApplicable');
    if (col === 'hds' && c !== 'yes') return t(`processorValues.hdsStatuses.${p.hds.status}`);
    if (col === 'contract' && c === 'warn') return t('processors.incomplete');
    if (col === 'eu' && p.storage && !p.storage.inEea)
      return countryName(p.storage.country, i18n.language === 'en' ? 'en' : 'fr');
    return c === 'yes' ? t('processors.yes') : c === 'no' ? t('processors.no') : t('processors.unknown');
  };
  return (
    <Page
      title={t('processors.title')}
      actions={
        s.can('processor.manage') && (
          <Button onClick={() => void navigate('/processors/new')}>{t('processors.add')}</Button>
        )
      }
    >
      <Text>{t('processors.intro')}</Text>
      {list.isPending && <Loading />}
      <ErrorAlert error={list.error ?? file.error} />
      {list.data && list.data.items.length === 0 && <Text>{t('processors.none')}</Text>}
      {list.data && running.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('processors.colName')}</Table.Th>
                <Table.Th scope="col">{t('processors.colContract')}</Table.Th>
                <Table.Th scope="col">{t('processors.colHds')}</Table.Th>
                <Table.Th scope="col">{t('processors.colEu')}</Table.Th>
                <Table.Th scope="col">{t('processors.colConfidentiality')}</Table.Th>
                <Table.Th scope="col">{t('processors.colCharter')}</Table.Th>
                <Table.Th scope="col">{t('processors.colReview')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {running.map((p) => {
                const c = checklist(p);
                return (
                  <Table.Tr key={p.id} data-testid="processor-row">
                    <Table.Td>
                      <Link to={`/processors/${p.id}`}>{p.name}</Link>
                      <Text size="xs">{t(`processorValues.kinds.${p.kind}`)}</Text>
                    </Table.Td>
                    {(['contract', 'hds', 'eu', 'confidentiality', 'charter'] as const).map((col) => (
                      <Table.Td
                        key={col}
                        data-testid={`check-${col}`}
                        data-state={c[col]}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        <CheckBadge state={c[col]} label={word(c[col], p, col)} />
                      </Table.Td>
                    ))}
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.reviewDueOn, i18n.language)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {ended.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="processors-ended-title">
          <Title order={2} size="h3" id="processors-ended-title">
            {t('processors.endedTitle')}
          </Title>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('processors.colName')}</Table.Th>
                <Table.Th scope="col">{t('processors.colEnded')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ended.map((p) => (
                <Table.Tr key={p.id} data-testid="processor-ended-row">
                  <Table.Td>
                    <Link to={`/processors/${p.id}`}>{p.name}</Link>
                    <Text size="xs">{t(`processorValues.kinds.${p.kind}`)}</Text>
                  </Table.Td>
                  <Table.Td>{formatDate(p.endedOn, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      <Stack gap="xs" component="section" aria-labelledby="processors-export-title">
        <Title order={2} size="h3" id="processors-export-title">
          {t('processors.exportTitle')}
        </Title>
        <Text size="sm">{t('processors.exportHelp')}</Text>
        <Group>
          {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
            <Button
              key={f}
              variant="default"
              onClick={() => file.mutate(f)}
              loading={file.isPending && file.variables === f}
            >
              {t(
                f === 'pdf' ? 'processors.exportPdf' : f === 'xlsx' ? 'processors.exportXlsx' : 'processors.exportCsv',
              )}
            </Button>
          ))}
        </Group>
      </Stack>
    </Page>
  );
}
