import { Alert, Code, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { backupRoutes } from '../../../contracts/backup.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { usePracticeParams } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Loading } from '../../components/Loading.js';

/** Backups and restore drills: when they last ran, whether that is too long ago, and how to run them. */
export function BackupPage() {
  const { t, i18n } = useTranslation();
  const practice = usePracticeParams();
  const status = useQuery({
    queryKey: keyOf(backupRoutes.status, { params: practice }),
    queryFn: () => call(backupRoutes.status, { params: practice }),
  });
  const d = status.data;
  return (
    <Page title={t('backup.title')}>
      <Text>{t('backup.intro')}</Text>
      {status.isPending && <Loading />}
      <ErrorAlert error={status.error} />
      {d && (
        <Stack>
          <Alert
            color={d.isBackupTooOld || d.lastBackupFailed ? 'red' : 'teal'}
            title={t('backup.lastBackup')}
            data-testid="backup-status"
          >
            {d.lastBackupAt
              ? t('backup.lastBackupAt', { date: formatInstant(d.lastBackupAt, i18n.language) })
              : t('backup.never')}
            {d.lastBackupFailed && ` ${t('backup.failed')}`}
            {d.isBackupTooOld && d.lastBackupAt && ` ${t('backup.tooOld')}`}
          </Alert>
          <Alert color={d.isDrillTooOld ? 'red' : 'teal'} title={t('backup.lastDrill')}>
            {d.lastDrillAt
              ? t('backup.lastDrillAt', { date: formatInstant(d.lastDrillAt, i18n.language) })
              : t('backup.neverDrill')}
            {d.isDrillTooOld && d.lastDrillAt && ` ${t('backup.drillTooOld')}`}
          </Alert>
          <Text>{t('backup.how')}</Text>
          <List>
            <List.Item>
              <Code>npx gardien backup</Code> — {t('backup.howBackup')}
            </List.Item>
            <List.Item>
              <Code>{`npx gardien backup --verify ${t('backup.fileName')}`}</Code> — {t('backup.howDrill')}
            </List.Item>
          </List>
        </Stack>
      )}
    </Page>
  );
}
