import {
  Alert,
  Badge,
  Button,
  Checkbox,
  CopyButton,
  Group,
  List,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AVAILABILITY_LEVELS,
  BreachDetailSchema,
  CnilDraftSchema,
  CONFIDENTIALITY_LEVELS,
  CONSEQUENCES,
  DECISIONS,
  DPC_CATEGORIES,
  EI_LEVELS,
  INFORM_CHANNELS,
  INTEGRITY_LEVELS,
  NOTIFICATION_KINDS,
  PEOPLE_EXCEPTIONS,
  suggestedAssessment,
  type Assessment,
  type BreachDetail,
} from '../../../contracts/breaches.js';
import { api, apiRaw, downloadFile } from '../../app/api.js';
import { formatDate, formatInstant, fromLocalInput, todayInParis, toLocalInput } from '../../app/format.js';
import { useMembers } from '../../app/members.js';
import { useSession } from '../../app/session.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { FormActions } from '../../components/FormActions.js';
import { Section } from '../../components/Section.js';

interface SectionProps {
  b: BreachDetail;
  queryKey: unknown[];
  editable: boolean;
}

/** A step on the breach: POST/PUT/PATCH, then the breach, the list and the to-do list are read again. */
function useBreachStep(b: BreachDetail, queryKey: unknown[], onDone?: () => void) {
  const s = useSession();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: string; path: string; body: unknown }) =>
      api(method, `/api/v1/practices/${s.practiceId}/breaches/${b.id}${path}`, BreachDetailSchema, body),
    onSuccess: (next) => {
      qc.setQueryData(queryKey, next);
      void qc.invalidateQueries({ queryKey: ['practice', s.practiceId, 'breaches'] });
      void qc.invalidateQueries({ queryKey: ['practice', s.practiceId, 'worklist'] });
      onDone?.();
    },
  });
}

const DPC_BASE = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 } as const;

export function AssessmentSection({ b, queryKey, editable }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [a, setA] = useState<Assessment>(b.assessment ?? suggestedAssessment(b));
  const step = useBreachStep(b, queryKey);
  const select = <K extends keyof Assessment>(k: K, family: string, values: readonly string[], label: string) => (
    <Select
      label={label}
      value={String(a[k])}
      allowDeselect={false}
      disabled={!editable}
      onChange={(v) => v && setA({ ...a, [k]: v })}
      data={values.map((v) => ({ value: v, label: t(`breachValues.${family}.${v}`) }))}
    />
  );
  const sev = b.severity;
  return (
    <Section id="assessment" title={t('breaches.assessment.title')}>
      <Text size="sm">{t('breaches.assessment.intro')}</Text>
      {sev && (
        <Alert
          color={sev.band === 'low' ? 'teal' : sev.band === 'medium' ? 'blue' : 'red'}
          data-testid="breach-severity"
        >
          {t('breaches.assessment.result', {
            score: sev.score.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR'),
            band: t(`breachValues.bands.${sev.band}`),
          })}{' '}
          {t('breaches.assessment.proposal', { decision: t(`breachValues.decisions.${sev.proposedDecision}`) })}
          {sev.flags.includes('over_100_people') && ` ${t('breaches.assessment.over100')}`}
          {sev.flags.includes('encrypted') && ` ${t('breaches.assessment.encryptedFlag')}`}
        </Alert>
      )}
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({ method: 'PUT', path: '/assessment', body: a });
          }}
        >
          <Stack gap="xs" maw={640}>
            <Select
              label={t('breaches.assessment.dpcCategory')}
              value={a.dpcCategory}
              allowDeselect={false}
              onChange={(v) =>
                v &&
                setA({
                  ...a,
                  dpcCategory: v,
                  dpcScore: DPC_BASE[v],
                })
              }
              data={DPC_CATEGORIES.map((v) => ({ value: v, label: t(`breachValues.dpc.${v}`) }))}
            />
            <NumberInput
              label={t('breaches.assessment.dpcScore')}
              description={t('breaches.assessment.dpcScoreHelp')}
              min={1}
              max={4}
              value={a.dpcScore}
              onChange={(v) => setA({ ...a, dpcScore: Math.min(4, Math.max(1, Number(v) || 1)) })}
              error={fieldError(step.error, 'dpcScore')}
            />
            {select('ease', 'ease', EI_LEVELS, t('breaches.assessment.ease'))}
            {select(
              'confidentiality',
              'confidentiality',
              CONFIDENTIALITY_LEVELS,
              t('breaches.assessment.confidentiality'),
            )}
            {select('integrity', 'integrity', INTEGRITY_LEVELS, t('breaches.assessment.integrity'))}
            {select('availability', 'availability', AVAILABILITY_LEVELS, t('breaches.assessment.availability'))}
            <Checkbox
              label={t('breaches.assessment.malicious')}
              checked={a.malicious}
              onChange={(e) => setA({ ...a, malicious: e.currentTarget.checked })}
            />
            <ErrorAlert error={step.error} />
            <Group>
              <Button type="submit" loading={step.isPending}>
                {t('breaches.assessment.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <Text size="xs" c="dimmed">
        {t('breaches.assessment.source')}
      </Text>
      <details>
        <summary>{t('breaches.assessment.examples')}</summary>
        <List size="sm">
          {(['ex1', 'ex2', 'ex3', 'ex4', 'ex5'] as const).map((k) => (
            <List.Item key={k}>{t(`breaches.assessment.${k}`)}</List.Item>
          ))}
        </List>
      </details>
    </Section>
  );
}

export function DecisionSection({ b, queryKey, editable }: SectionProps) {
  const { t, i18n } = useTranslation();
  const proposed = b.severity?.proposedDecision ?? null;
  const [decision, setDecision] = useState<string>(b.decision?.decision ?? proposed ?? 'notify_authority');
  const [reason, setReason] = useState(b.decision?.reason ?? '');
  const [exception, setException] = useState<string | null>(b.decision?.peopleException ?? null);
  // Until a decision is confirmed, the choice follows the latest proposal (an assessment made after the page opened).
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- follows a proposal that arrives after the page opened
    if (!b.decision && proposed) setDecision(proposed);
  }, [b.decision, proposed]);
  const step = useBreachStep(b, queryKey);
  const members = useMembers();
  const nameOf = (id: string) => members.data?.items.find((m) => m.userId === id)?.name ?? id;
  return (
    <Section id="decision" title={t('breaches.decision.title')}>
      <Text size="sm">
        {proposed
          ? t('breaches.decision.proposal', { decision: t(`breachValues.decisions.${proposed}`) })
          : t('breaches.decision.noProposal')}
      </Text>
      <Text size="sm">{t('breaches.decision.doubt')}</Text>
      {b.decision && (
        <Alert color="blue" data-testid="breach-decision">
          {t('breaches.decision.decided', {
            decision: t(`breachValues.decisions.${b.decision.decision}`),
            name: nameOf(b.decision.decidedBy),
            date: formatInstant(b.decision.decidedAt, i18n.language),
          })}
          {b.decision.reason && (
            <Text size="sm">{t('breaches.decision.reasonLine', { reason: b.decision.reason })}</Text>
          )}
          {b.decision.peopleException && (
            <Text size="sm">
              {t('breaches.decision.exceptionLine', {
                exception: t(`breachValues.exceptions.${b.decision.peopleException}`),
              })}
            </Text>
          )}
        </Alert>
      )}
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            step.mutate({
              path: '/decision',
              body: {
                decision,
                ...(reason.trim() ? { reason } : {}),
                ...(decision === 'notify_authority' && exception ? { peopleException: exception } : {}),
              },
            });
          }}
        >
          <Stack gap="xs" maw={640}>
            <Select
              label={t('breaches.decision.label')}
              value={decision}
              allowDeselect={false}
              onChange={(v) => v && setDecision(v)}
              data={DECISIONS.map((d) => ({ value: d, label: t(`breachValues.decisions.${d}`) }))}
            />
            {decision === 'notify_authority' && (
              <Select
                label={t('breaches.decision.exception')}
                value={exception}
                onChange={setException}
                clearable
                placeholder={t('breaches.decision.exceptionNone')}
                data={PEOPLE_EXCEPTIONS.map((x) => ({ value: x, label: t(`breachValues.exceptions.${x}`) }))}
                error={fieldError(step.error, 'peopleException')}
              />
            )}
            <Textarea
              label={t('breaches.decision.reason')}
              description={t('breaches.decision.reasonHelp')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              error={fieldError(step.error, 'reason')}
            />
            <ErrorAlert error={step.error} />
            <Group>
              <Button type="submit" loading={step.isPending}>
                {t('breaches.decision.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        !b.decision && b.status === 'open' && <Text size="sm">{t('breaches.decision.notAllowed')}</Text>
      )}
    </Section>
  );
}

export function NotificationsSection({ b, queryKey, editable }: SectionProps) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const [adding, setAdding] = useState(false);
  const [showDraft, setShowDraft] = useState(false);
  const draft = useQuery({
    queryKey: [...queryKey, 'draft', b.updatedAt, b.notifications.length],
    queryFn: () => api('GET', `/api/v1/practices/${s.practiceId}/breaches/${b.id}/cnil-draft`, CnilDraftSchema),
    enabled: showDraft,
  });
  const download = useMutation({
    mutationFn: (format: 'pdf' | 'txt') =>
      downloadFile(
        `/api/v1/practices/${s.practiceId}/breaches/${b.id}/cnil-draft/file?format=${format}`,
        `notification-cnil.${format}`,
      ),
  });
  if (b.decision?.decision === 'record_only' && b.notifications.length === 0) return null;
  return (
    <Section
      id="notifications"
      title={t('breaches.notifications.title')}
      action={
        editable && b.decision && <Button onClick={() => setAdding(true)}>{t('breaches.notifications.add')}</Button>
      }
    >
      <Text size="sm">{t('breaches.notifications.intro')}</Text>
      {b.notifications.length === 0 ? (
        <Text size="sm">{t('breaches.notifications.none')}</Text>
      ) : (
        <List size="sm" data-testid="breach-notifications">
          {b.notifications.map((n) => (
            <List.Item key={n.id}>
              {t('breaches.notifications.line', {
                kind: t(`breachValues.notificationKinds.${n.kind}`),
                date: formatInstant(n.notifiedAt, i18n.language),
              })}
              {n.reference && ` — ${t('breaches.notifications.ref', { ref: n.reference })}`}
              {n.late && (
                <Badge ml="xs" color="red.9" variant="filled">
                  {t('breaches.notifications.late')}
                </Badge>
              )}
            </List.Item>
          ))}
        </List>
      )}
      <Group>
        <Button variant="default" onClick={() => setShowDraft(!showDraft)} aria-expanded={showDraft}>
          {t('breaches.draft.open')}
        </Button>
        <Button
          variant="default"
          onClick={() => download.mutate('pdf')}
          loading={download.isPending && download.variables === 'pdf'}
        >
          {t('breaches.draft.pdf')}
        </Button>
        <Button
          variant="default"
          onClick={() => download.mutate('txt')}
          loading={download.isPending && download.variables === 'txt'}
        >
          {t('breaches.draft.txt')}
        </Button>
      </Group>
      <ErrorAlert error={draft.error ?? download.error} />
      {showDraft && draft.data && (
        <Stack gap="sm" data-testid="cnil-draft">
          <Title order={3} size="h4">
            {t('breaches.draft.title')}
          </Title>
          <Text size="sm">
            {t('breaches.draft.intro')} {i18n.language === 'en' && t('breaches.draft.frenchOnly')}
          </Text>
          {draft.data.missing.length > 0 && (
            <Alert color="blue">{t('breaches.draft.missing', { fields: draft.data.missing.join(' ; ') })}</Alert>
          )}
          {draft.data.blocks.map((block) => (
            <Table key={block.key} withTableBorder captionSide="top" lang="fr">
              <Table.Caption style={{ textAlign: 'left', fontWeight: 600 }}>{block.title}</Table.Caption>
              <Table.Tbody>
                {block.fields.map((f) => (
                  <Table.Tr key={f.label}>
                    <Table.Th scope="row" w="35%">
                      {f.label}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{f.value || t('breaches.draft.empty')}</Table.Td>
                    <Table.Td w={100}>
                      {f.value && (
                        <CopyButton value={f.value}>
                          {({ copied, copy }) => (
                            <Button
                              size="xs"
                              variant="default"
                              onClick={copy}
                              aria-label={t('breaches.draft.copyLabel', { label: f.label })}
                            >
                              {copied ? t('breaches.draft.copied') : t('breaches.draft.copy')}
                            </Button>
                          )}
                        </CopyButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        </Stack>
      )}
      {adding && <NotificationDialog b={b} queryKey={queryKey} onClose={() => setAdding(false)} />}
    </Section>
  );
}

function NotificationDialog({ b, queryKey, onClose }: { b: BreachDetail; queryKey: unknown[]; onClose: () => void }) {
  const { t } = useTranslation();
  const hasFirst = b.notifications.some((n) => n.kind !== 'complementary');
  const [kind, setKind] = useState<string>(hasFirst ? 'complementary' : 'initial');
  const [at, setAt] = useState(toLocalInput(new Date()));
  const [reference, setReference] = useState('');
  const [delay, setDelay] = useState('');
  const step = useBreachStep(b, queryKey, onClose);
  const late = kind !== 'complementary' && at !== '' && Date.parse(fromLocalInput(at) ?? '') > Date.parse(b.notifyBy);
  return (
    <Dialog title={t('breaches.notifications.add')} onClose={onClose} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          step.mutate({
            path: '/notifications',
            body: {
              kind,
              notifiedAt: fromLocalInput(at) ?? '',
              ...(reference.trim() ? { reference } : {}),
              ...(delay.trim() ? { delayReasons: delay } : {}),
            },
          });
        }}
      >
        <Stack>
          <Select
            label={t('breaches.notifications.kind')}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v)}
            data={NOTIFICATION_KINDS.filter((k) => (hasFirst ? k === 'complementary' : k !== 'complementary')).map(
              (k) => ({ value: k, label: t(`breachValues.notificationKinds.${k}`) }),
            )}
          />
          <TextInput
            type="datetime-local"
            label={t('breaches.notifications.notifiedAt')}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
            required
            error={fieldError(step.error, 'notifiedAt')}
          />
          <TextInput
            label={t('breaches.notifications.reference')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={fieldError(step.error, 'reference')}
          />
          {late && <Alert color="red">{t('breaches.notifications.lateWarning')}</Alert>}
          {(late || fieldError(step.error, 'delayReasons')) && (
            <Textarea
              label={t('breaches.notifications.delayReasons')}
              value={delay}
              onChange={(e) => setDelay(e.currentTarget.value)}
              required
              autosize
              minRows={2}
              error={fieldError(step.error, 'delayReasons')}
            />
          )}
          <ErrorAlert error={step.error} />
          <FormActions submit={t('breaches.facts.save')} pending={step.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}

export function PeopleSection({ b, queryKey, editable }: SectionProps) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const [recording, setRecording] = useState(false);
  const base = `/api/v1/practices/${s.practiceId}/breaches/${b.id}/letter`;
  const letter = useQuery({
    queryKey: [...queryKey, 'letter', b.updatedAt, i18n.language],
    queryFn: async () => (await apiRaw('GET', `${base}?format=txt`)).text(),
  });
  const download = useMutation({ mutationFn: () => downloadFile(`${base}?format=pdf`, 'lettre.pdf') });
  return (
    <Section
      id="people"
      title={t('breaches.people.title')}
      action={editable && <Button onClick={() => setRecording(true)}>{t('breaches.people.record')}</Button>}
    >
      <Text size="sm">{t('breaches.people.intro')}</Text>
      {b.peopleInformed.length === 0 ? (
        <Text size="sm">{t('breaches.people.none')}</Text>
      ) : (
        <List size="sm" data-testid="breach-informed">
          {b.peopleInformed.map((i) => (
            <List.Item key={i.id}>
              {t('breaches.people.line', {
                date: formatDate(i.informedOn, i18n.language),
                channel: t(`breachValues.informChannels.${i.channel}`),
                recipients: i.recipients,
                count: i.peopleCount,
              })}
            </List.Item>
          ))}
        </List>
      )}
      <details>
        <summary>{t('breaches.people.letter')}</summary>
        <ErrorAlert error={letter.error} />
        {letter.data && (
          <Text
            component="pre"
            size="sm"
            style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}
            data-testid="breach-letter"
          >
            {letter.data}
          </Text>
        )}
      </details>
      <Group>
        <Button variant="default" onClick={() => download.mutate()} loading={download.isPending}>
          {t('breaches.people.letterPdf')}
        </Button>
        {letter.data && (
          <CopyButton value={letter.data}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('breaches.draft.copied') : t('breaches.people.letterText')}
              </Button>
            )}
          </CopyButton>
        )}
      </Group>
      <ErrorAlert error={download.error} />
      {recording && <InformedDialog b={b} queryKey={queryKey} onClose={() => setRecording(false)} />}
    </Section>
  );
}

function InformedDialog({ b, queryKey, onClose }: { b: BreachDetail; queryKey: unknown[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(todayInParis());
  const [channel, setChannel] = useState<string>('letter');
  const [recipients, setRecipients] = useState('');
  const [count, setCount] = useState<number | string>(b.approxPeople ?? '');
  const step = useBreachStep(b, queryKey, onClose);
  return (
    <Dialog title={t('breaches.people.record')} onClose={onClose} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          step.mutate({
            path: '/people-informed',
            body: { informedOn: day, channel, recipients, peopleCount: Number(count) },
          });
        }}
      >
        <Stack>
          <TextInput
            type="date"
            label={t('breaches.people.informedOn')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            required
            error={fieldError(step.error, 'informedOn')}
          />
          <Select
            label={t('breaches.people.channel')}
            value={channel}
            allowDeselect={false}
            onChange={(v) => v && setChannel(v)}
            data={INFORM_CHANNELS.map((c) => ({ value: c, label: t(`breachValues.informChannels.${c}`) }))}
          />
          <TextInput
            label={t('breaches.people.recipients')}
            description={t('breaches.people.recipientsHelp')}
            value={recipients}
            onChange={(e) => setRecipients(e.currentTarget.value)}
            required
            error={fieldError(step.error, 'recipients')}
          />
          <NumberInput
            label={t('breaches.people.peopleCount')}
            min={1}
            value={count}
            onChange={setCount}
            required
            error={fieldError(step.error, 'peopleCount')}
          />
          <ErrorAlert error={step.error} />
          <FormActions submit={t('breaches.facts.save')} pending={step.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}

export function ActionsSection({ b, queryKey, editable }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(todayInParis());
  const [owner, setOwner] = useState<string | null>(null);
  const add = useBreachStep(b, queryKey, () => setTitle(''));
  const done = useBreachStep(b, queryKey);
  const members = useMembers();
  const nameOf = (id: string | null) => (id ? (members.data?.items.find((m) => m.userId === id)?.name ?? '') : '');
  return (
    <Section id="actions" title={t('breaches.actions.title')}>
      <Text size="sm">{t('breaches.actions.intro')}</Text>
      {b.actions.length === 0 && <Text size="sm">{t('breaches.actions.none')}</Text>}
      <Stack gap={6} component="ul" p={0} style={{ listStyle: 'none' }} data-testid="breach-actions">
        {b.actions.map((a) => (
          <Group key={a.id} component="li" justify="space-between" wrap="nowrap">
            <Text size="sm" td={a.doneOn ? 'line-through' : undefined}>
              {a.title} —{' '}
              {a.doneOn
                ? t('breaches.actions.doneOn', { date: formatDate(a.doneOn, i18n.language) })
                : t('breaches.actions.dueLine', { date: formatDate(a.dueOn, i18n.language) })}
              {a.ownerId && ` (${nameOf(a.ownerId)})`}
            </Text>
            {editable && !a.doneOn && (
              <Button
                size="xs"
                variant="default"
                aria-label={t('breaches.actions.doneLabel', { title: a.title })}
                loading={done.isPending && done.variables?.path.includes(a.id)}
                onClick={() => done.mutate({ path: `/actions/${a.id}/done`, body: { doneOn: todayInParis() } })}
              >
                {t('breaches.actions.done')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <ErrorAlert error={done.error} />
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ path: '/actions', body: { title, dueOn: due, ownerId: owner } });
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('breaches.actions.titleLabel')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              error={fieldError(add.error, 'title')}
              miw={260}
            />
            <TextInput
              type="date"
              label={t('breaches.actions.dueOn')}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
              required
              error={fieldError(add.error, 'dueOn')}
            />
            <Select
              label={t('breaches.actions.owner')}
              value={owner}
              onChange={setOwner}
              clearable
              placeholder={t('breaches.actions.noOwner')}
              data={(members.data?.items ?? [])
                .filter((m) => m.isActive)
                .map((m) => ({ value: m.userId, label: m.name }))}
            />
            <Button type="submit" loading={add.isPending}>
              {t('breaches.actions.add')}
            </Button>
          </Group>
          <ErrorAlert error={add.error} />
        </form>
      )}
    </Section>
  );
}

export function FactsDialog({ b, queryKey, onClose }: { b: BreachDetail; queryKey: unknown[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [consequences, setConsequences] = useState(b.consequences);
  const [note, setNote] = useState(b.consequencesNote ?? '');
  const [measures, setMeasures] = useState(b.measures ?? '');
  const [endedAt, setEndedAt] = useState(b.endedAt ? toLocalInput(new Date(b.endedAt)) : '');
  const [people, setPeople] = useState<number | string>(b.approxPeople ?? '');
  const [records, setRecords] = useState<number | string>(b.approxRecords ?? '');
  const [description, setDescription] = useState(b.description ?? '');
  const step = useBreachStep(b, queryKey, onClose);
  return (
    <Dialog title={t('breaches.facts.edit')} onClose={onClose} size="xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          step.mutate({
            method: 'PATCH',
            path: '',
            body: {
              consequences,
              consequencesNote: note.trim() || null,
              measures: measures.trim() || null,
              endedAt: fromLocalInput(endedAt),
              approxPeople: people === '' ? null : Number(people),
              approxRecords: records === '' ? null : Number(records),
              description: description.trim() || null,
            },
          });
        }}
      >
        <Stack>
          <ChoiceGroup
            label={t('breaches.facts.consequences')}
            values={CONSEQUENCES}
            value={consequences}
            onChange={setConsequences}
            labelOf={(v) => t(`breachValues.consequences.${v}`)}
            error={fieldError(step.error, 'consequences')}
          />
          <Textarea
            label={t('breaches.facts.consequencesNote')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            error={fieldError(step.error, 'consequencesNote')}
          />
          <Textarea
            label={t('breaches.facts.measures')}
            value={measures}
            onChange={(e) => setMeasures(e.currentTarget.value)}
            autosize
            minRows={3}
            error={fieldError(step.error, 'measures')}
          />
          <Textarea
            label={t('breaches.new.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
            error={fieldError(step.error, 'description')}
          />
          <TextInput
            type="datetime-local"
            label={t('breaches.new.endedAt')}
            value={endedAt}
            onChange={(e) => setEndedAt(e.currentTarget.value)}
            error={fieldError(step.error, 'endedAt')}
          />
          <NumberInput
            label={t('breaches.new.approxPeople')}
            min={0}
            value={people}
            onChange={setPeople}
            error={fieldError(step.error, 'approxPeople')}
          />
          <NumberInput
            label={t('breaches.new.approxRecords')}
            min={0}
            value={records}
            onChange={setRecords}
            error={fieldError(step.error, 'approxRecords')}
          />
          <ErrorAlert error={step.error} />
          <FormActions submit={t('breaches.facts.save')} pending={step.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}

export function CloseDialog({ b, queryKey, onClose }: { b: BreachDetail; queryKey: unknown[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(todayInParis());
  const step = useBreachStep(b, queryKey, onClose);
  return (
    <Dialog title={t('breaches.close.button')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          step.mutate({ path: '/close', body: { closedOn: day } });
        }}
      >
        <Stack>
          <Text size="sm">{t('breaches.close.explain')}</Text>
          <TextInput
            type="date"
            label={t('breaches.close.closedOn')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            required
            error={fieldError(step.error, 'closedOn')}
          />
          <ErrorAlert error={step.error} />
          <FormActions submit={t('breaches.close.confirm')} pending={step.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
