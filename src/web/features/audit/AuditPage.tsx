import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditTrailRoutes } from '../../../contracts/audit-trail.routes.js';
import { call, download, keyOf } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { useMembers } from '../../app/members.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { actionKey, AUDIT_ACTION_KEYS } from '../../i18n/fr.js';

interface Filters {
  scope: 'practice' | 'sign-ins';
  actorId: string | null;
  action: string | null;
  targetId: string | null;
  from: string;
  to: string;
}

/** Local calendar day → the instant it starts (the period filter is inclusive of both days). */
const dayStart = (day: string, plusDays = 0) => {
  const d = new Date(`${day}T00:00:00`);
  d.setDate(d.getDate() + plusDays);
  return d.toISOString();
};

function query(f: Filters) {
  return {
    scope: f.scope,
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.targetId ? { targetType: 'user' as const, targetId: f.targetId } : {}),
    ...(f.from ? { from: dayStart(f.from) } : {}),
    ...(f.to ? { to: dayStart(f.to, 1) } : {}),
  };
}

/** Who consulted or changed what, and when; filters, CSV export and the integrity check. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const [f, setF] = useState<Filters>({
    scope: 'practice',
    actorId: null,
    action: null,
    targetId: null,
    from: '',
    to: '',
  });
  const params = usePracticeParams();
  const members = useMembers();
  const names = new Map((members.data?.items ?? []).map((m) => [m.userId, m.name]));
  const people = (members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }));
  const entries = useInfiniteQuery({
    queryKey: keyOf(auditTrailRoutes.list, { params, query: query(f) }),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      call(auditTrailRoutes.list, {
        params,
        query: { ...query(f), limit: 50, ...(pageParam ? { beforeSeq: pageParam } : {}) },
      }),
    getNextPageParam: (last) => last.nextBeforeSeq,
  });
  const verify = useMutation({ mutationFn: () => call(auditTrailRoutes.verify, { params }) });
  const exportCsv = useMutation({
    mutationFn: () => download(auditTrailRoutes.exportEntries, 'journal.csv', { params, query: query(f) }),
  });
  const actionLabel = (a: string) => (AUDIT_ACTION_KEYS.includes(a) ? t(actionKey(a)) : a);
  const who = (id: string) =>
    names.get(id) ??
    (id.startsWith('cli:') || id.startsWith('setup:')
      ? t('audit.admin')
      : id === 'anonymous'
        ? t('audit.anonymous')
        : id);
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title={t('audit.title')}
      actions={
        <Group>
          <Button variant="default" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending}>
            {t('audit.export')}
          </Button>
          {s.can('audit.verify') && (
            <Button onClick={() => verify.mutate()} loading={verify.isPending}>
              {t('audit.verify')}
            </Button>
          )}
        </Group>
      }
    >
      <Text>{t('audit.intro')}</Text>
      <ErrorAlert error={verify.error ?? exportCsv.error} />
      {verify.data && (
        <Alert
          color={verify.data.ok ? 'teal' : 'red'}
          title={verify.data.ok ? t('audit.verifiedOk') : t('audit.verifiedBad')}
          role="status"
          data-testid="verification"
        >
          {verify.data.ok
            ? t('audit.verifiedOkDetail', { entries: verify.data.entries, checkpoints: verify.data.checkpoints })
            : t('audit.verifiedBadDetail', { seq: verify.data.firstBadSeq ?? '?', problem: verify.data.problem ?? '' })}
        </Alert>
      )}
      <Stack gap="sm" component="form" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
        <SegmentedControl
          aria-label={t('audit.scope')}
          value={f.scope}
          onChange={(v) => setF({ ...f, scope: v })}
          data={[
            { value: 'practice', label: t('audit.scopePractice') },
            { value: 'sign-ins', label: t('audit.scopeSignIns') },
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }}>
          <Select
            label={t('audit.person')}
            data={people}
            value={f.actorId}
            onChange={(v) => setF({ ...f, actorId: v })}
            clearable
            searchable
            placeholder={t('audit.everyone')}
          />
          <Select
            label={t('audit.action')}
            data={AUDIT_ACTION_KEYS.map((a) => ({ value: a, label: t(actionKey(a)) }))}
            value={f.action}
            onChange={(v) => setF({ ...f, action: v })}
            clearable
            searchable
            placeholder={t('audit.allActions')}
          />
          <Select
            label={t('audit.target')}
            data={people}
            value={f.targetId}
            onChange={(v) => setF({ ...f, targetId: v })}
            clearable
            searchable
            placeholder={t('audit.anyTarget')}
          />
          <TextInput
            label={t('audit.from')}
            type="date"
            value={f.from}
            onChange={(e) => setF({ ...f, from: e.currentTarget.value })}
          />
          <TextInput
            label={t('audit.to')}
            type="date"
            value={f.to}
            onChange={(e) => setF({ ...f, to: e.currentTarget.value })}
          />
        </SimpleGrid>
      </Stack>
      <ErrorAlert error={entries.error} />
      {entries.data && rows.length === 0 && <Text>{t('audit.none')}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.when')}</Table.Th>
                <Table.Th scope="col">{t('audit.who')}</Table.Th>
                <Table.Th scope="col">{t('audit.what')}</Table.Th>
                <Table.Th scope="col">{t('audit.on')}</Table.Th>
                <Table.Th scope="col">{t('audit.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.seq} data-testid="audit-row" data-action={e.action}>
                  <Table.Td>{formatInstant(e.ts, i18n.language)}</Table.Td>
                  <Table.Td>{who(e.actorId)}</Table.Td>
                  <Table.Td>{actionLabel(e.action)}</Table.Td>
                  <Table.Td>
                    {e.targetType === 'user' && e.targetId
                      ? who(e.targetId)
                      : t(`audit.targets.${e.targetType}`, { defaultValue: e.targetType })}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      variant="filled"
                      style={{ overflow: 'visible' }}
                      color={e.outcome === 'success' ? 'teal.9' : 'red.9'}
                    >
                      {t(`audit.outcomes.${e.outcome}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {entries.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void entries.fetchNextPage()} loading={entries.isFetchingNextPage}>
            {t('audit.more')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
