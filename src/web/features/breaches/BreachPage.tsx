import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { dynamicKey } from '../../i18n/index.js';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { breachRoutes } from '../../../contracts/breaches.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatDate, formatInstant, useNow } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { AssessmentSection, DecisionSection } from './BreachSections.js';
import { NotificationsSection, PeopleSection } from './BreachNotifications.js';
import { ActionsSection, CloseDialog, FactsDialog } from './BreachDialogs.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Loading } from '../../components/Loading.js';

/** One breach: the clock first, then the facts, the severity, the decision, the CNIL, the people, the actions. */
export function BreachPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const { breachId = '' } = useParams();
  const params = { ...usePracticeParams(), breachId };
  const key = keyOf(breachRoutes.get, { params });
  const q = useQuery({ queryKey: key, queryFn: () => call(breachRoutes.get, { params }) });
  const [dialog, setDialog] = useState<'facts' | 'close' | null>(null);
  const now = useNow();
  if (q.isPending) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const b = q.data;
  const open = b.status === 'open';
  const manage = open && s.can('breach.manage');
  const when = (i: string | null) => formatInstant(i, i18n.language);
  const first = b.notifications.find((n) => n.kind !== 'complementary');
  const hours = Math.floor((Date.parse(b.notifyBy) - now) / 3_600_000);
  const clock = !open
    ? { color: 'teal', text: t('breaches.closedOn', { date: formatDate(b.closedOn, i18n.language) }) }
    : first
      ? { color: 'teal', text: t('breaches.notifiedOn', { date: when(first.notifiedAt) }) }
      : b.decision?.decision === 'record_only'
        ? { color: 'gray', text: t('breaches.notRequiredLong') }
        : hours < 0
          ? { color: 'red', text: t('breaches.passed', { date: when(b.notifyBy) }) }
          : { color: hours <= 24 ? 'red' : 'blue', text: t('breaches.leftUntil', { date: when(b.notifyBy), hours }) };
  const list = (family: string, values: readonly string[]) =>
    values.map((v) => t(dynamicKey(`breachValues.${family}.${v}`))).join(', ') || '—';
  const yesNo = (v: boolean | null) =>
    v === null ? t('breaches.facts.unknown') : v ? t('breaches.facts.yes') : t('breaches.facts.no');
  return (
    <Page title={b.title}>
      <Alert color={clock.color} title={t('breaches.colDeadline')} data-testid="breach-clock">
        {clock.text}
      </Alert>
      <Card withBorder component="section" aria-labelledby="facts-title">
        <Group justify="space-between">
          <Title order={2} size="h3" id="facts-title">
            {t('breaches.facts.title')}
          </Title>
          {manage && (
            <Button variant="default" onClick={() => setDialog('facts')}>
              {t('breaches.facts.edit')}
            </Button>
          )}
        </Group>
        <List spacing={2} mt="xs">
          <List.Item>{t('breaches.facts.aware', { date: when(b.awareAt) })}</List.Item>
          {b.detectedAt && <List.Item>{t('breaches.facts.detected', { date: when(b.detectedAt) })}</List.Item>}
          {b.startedAt && <List.Item>{t('breaches.facts.started', { date: when(b.startedAt) })}</List.Item>}
          <List.Item>
            {b.endedAt ? t('breaches.facts.ended', { date: when(b.endedAt) }) : t('breaches.facts.ongoing')}
          </List.Item>
          <List.Item>{t('breaches.facts.nature', { value: list('nature', b.nature) })}</List.Item>
          <List.Item>{t('breaches.facts.circumstances', { value: list('circumstances', b.circumstances) })}</List.Item>
          {b.cause && (
            <List.Item>{t('breaches.facts.cause', { value: t(`breachValues.causes.${b.cause}`) })}</List.Item>
          )}
          <List.Item>{t('breaches.facts.people', { value: list('people', b.peopleCategories) })}</List.Item>
          <List.Item>{t('breaches.facts.data', { value: list('data', b.dataCategories) })}</List.Item>
          <List.Item>
            {[
              b.approxPeople !== null
                ? t('breaches.facts.peopleCount', { count: b.approxPeople })
                : t('breaches.facts.peopleUnknown'),
              ...(b.approxRecords !== null ? [t('breaches.facts.records', { count: b.approxRecords })] : []),
            ].join(', ')}
          </List.Item>
          <List.Item>{t('breaches.facts.encrypted', { value: yesNo(b.encrypted) })}</List.Item>
          {b.description && <List.Item>{t('breaches.facts.description', { value: b.description })}</List.Item>}
          {b.consequences.length > 0 && (
            <List.Item>
              {t('breaches.facts.consequencesLine', { value: list('consequences', b.consequences) })}
            </List.Item>
          )}
          {b.measures && <List.Item>{t('breaches.facts.measuresLine', { value: b.measures })}</List.Item>}
        </List>
      </Card>
      <AssessmentSection b={b} queryKey={key} editable={manage} />
      <DecisionSection b={b} queryKey={key} editable={open && s.can('breach.decide')} />
      <NotificationsSection b={b} queryKey={key} editable={manage} />
      <PeopleSection b={b} queryKey={key} editable={manage} />
      <ActionsSection b={b} queryKey={key} editable={manage} />
      {manage && (
        <Stack gap={4}>
          <Text size="sm">{t('breaches.close.explain')}</Text>
          <Group>
            <Button variant="default" onClick={() => setDialog('close')}>
              {t('breaches.close.button')}
            </Button>
          </Group>
        </Stack>
      )}
      {dialog === 'facts' && <FactsDialog b={b} queryKey={key} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDialog b={b} queryKey={key} onClose={() => setDialog(null)} />}
    </Page>
  );
}
