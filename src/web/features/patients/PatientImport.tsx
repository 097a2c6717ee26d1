import {
  Alert,
  Button,
  FileInput,
  Group,
  Loader,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELD_NAMES, type PatientImportReport } from '../../../contracts/patients.js';
import { patientRoutes } from '../../../contracts/patients.routes.js';
import { call, callWithProgress, keyOf } from '../../app/api.js';
import { usePracticeParams } from '../../app/session.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';

type Mapping = PatientImportReport['mapping'];

/**
 * Import from the practice software's CSV export: the file is checked first (mapping proposed from its headers, every
 * refused line with its reason); the person adjusts the mapping, then imports, all or nothing.
 */
export function PatientImport({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const params = usePracticeParams();
  const qc = useQueryClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => {
      const input = { params, body: { csv: csv ?? '', dryRun, ...(mapping ? { mapping } : {}) } };
      setProgress(null);
      // The real import reports how many patients are written so far; the check is quick and shows a spinner.
      return dryRun
        ? call(patientRoutes.importCsv, input)
        : callWithProgress(patientRoutes.importCsv, input, (done, total) => setProgress({ done, total }));
    },
    onSuccess: (r) => {
      setMapping(r.mapping);
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: keyOf(patientRoutes.search, { params }) });
    },
  });
  const report = run.data;
  const check = () => run.mutate(true);
  return (
    <Dialog title={t('import.title')} onClose={onClose} size="xl">
      <Stack>
        <Text>{t('import.intro')}</Text>
        <FileInput
          label={t('import.file')}
          accept=".csv,text/csv,text/plain"
          clearable
          clearButtonProps={{ 'aria-label': t('import.clearFile') }}
          onChange={(file) => {
            setMapping(null);
            run.reset();
            if (file) void file.text().then(setCsv);
            else setCsv(null);
          }}
        />
        {report && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {IMPORT_FIELD_NAMES.map((f) => (
              <Select
                key={f}
                label={t(`patients.${f}`)}
                data={report.headers}
                value={mapping?.[f] ?? null}
                clearable
                placeholder={t('import.none')}
                onChange={(v) => setMapping({ ...(mapping ?? {}), [f]: v ?? undefined })}
              />
            ))}
          </SimpleGrid>
        )}
        <ErrorAlert error={run.error} />
        {run.isPending && (
          <Group role="status">
            <Loader size="sm" aria-hidden />
            <Text>
              {run.variables
                ? t('import.checking')
                : progress
                  ? t('import.progress', {
                      done: progress.done,
                      total: progress.total,
                      percent: Math.floor((progress.done / Math.max(1, progress.total)) * 100),
                    })
                  : t('import.importing')}
            </Text>
          </Group>
        )}
        {run.isPending && !run.variables && progress && (
          <Progress value={(progress.done / Math.max(1, progress.total)) * 100} aria-label={t('import.importing')} />
        )}
        {report && (
          <Alert
            color={report.rejectedCount ? 'red' : 'teal'}
            title={report.dryRun ? t('import.checked') : t('import.done')}
            data-testid="import-report"
            role="status"
          >
            {report.dryRun
              ? t('import.checkedDetail', { lines: report.lines, valid: report.valid, rejected: report.rejectedCount })
              : t('import.doneDetail', {
                  created: report.created,
                  updated: report.updated,
                  unchanged: report.unchanged,
                  rejected: report.rejectedCount,
                })}
          </Alert>
        )}
        {report && report.rejected.length > 0 && (
          <Table.ScrollContainer minWidth={480} mah={260}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('import.line')}</Table.Th>
                  <Table.Th scope="col">{t('import.field')}</Table.Th>
                  <Table.Th scope="col">{t('import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rejected.map((r) => (
                  <Table.Tr key={`${r.line}:${r.field}:${r.code}`}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>
                      {(IMPORT_FIELD_NAMES as readonly string[]).includes(r.field)
                        ? t(`patients.${r.field as (typeof IMPORT_FIELD_NAMES)[number]}`)
                        : r.field}
                    </Table.Td>
                    <Table.Td>{r.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group>
          <Button variant="default" onClick={check} disabled={!csv || run.isPending}>
            {report ? t('import.recheck') : t('import.check')}
          </Button>
          {report?.dryRun && report.valid > 0 && (
            <Button onClick={() => run.mutate(false)} loading={run.isPending}>
              {t('import.run', { count: report.valid })}
            </Button>
          )}
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
