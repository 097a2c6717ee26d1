import {
  Alert,
  Badge,
  Button,
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
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INFORM_CHANNELS, NOTIFICATION_KINDS, type BreachDetail } from '../../../contracts/breaches.js';
import { oneOf } from '../../app/forms.js';
import { breachRoutes } from '../../../contracts/breaches.routes.js';
import { call, download, fetchText } from '../../app/api.js';
import { formatDate, formatInstant, fromLocalInput, todayInParis, toLocalInput } from '../../app/format.js';
import { usePracticeParams } from '../../app/session.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { FormActions } from '../../components/FormActions.js';
import { Section } from '../../components/Section.js';
import { type SectionProps, useBreachStep } from './BreachSections.js';

export function NotificationsSection({ b, queryKey, editable }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [showDraft, setShowDraft] = useState(false);
  const params = { ...usePracticeParams(), breachId: b.id };
  const draft = useQuery({
    queryKey: [...queryKey, 'draft', b.updatedAt, b.notifications.length],
    queryFn: () => call(breachRoutes.cnilDraft, { params }),
    enabled: showDraft,
  });
  const file = useMutation({
    mutationFn: (format: 'pdf' | 'txt') =>
      download(breachRoutes.cnilDraftFile, `notification-cnil.${format}`, { params, query: { format } }),
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
          onClick={() => file.mutate('pdf')}
          loading={file.isPending && file.variables === 'pdf'}
        >
          {t('breaches.draft.pdf')}
        </Button>
        <Button
          variant="default"
          onClick={() => file.mutate('txt')}
          loading={file.isPending && file.variables === 'txt'}
        >
          {t('breaches.draft.txt')}
        </Button>
      </Group>
      <ErrorAlert error={draft.error ?? file.error} />
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
  const [kind, setKind] = useState<(typeof NOTIFICATION_KINDS)[number]>(hasFirst ? 'complementary' : 'initial');
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
          const body = {
            kind,
            notifiedAt: fromLocalInput(at) ?? '',
            ...(reference.trim() ? { reference } : {}),
            ...(delay.trim() ? { delayReasons: delay } : {}),
          };
          step.mutate({ run: (params) => call(breachRoutes.notify, { params, body }) });
        }}
      >
        <Stack>
          <Select
            label={t('breaches.notifications.kind')}
            value={kind}
            allowDeselect={false}
            onChange={(v) => setKind(oneOf(NOTIFICATION_KINDS, v) ?? kind)}
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
  const [recording, setRecording] = useState(false);
  const params = { ...usePracticeParams(), breachId: b.id };
  const letter = useQuery({
    queryKey: [...queryKey, 'letter', b.updatedAt, i18n.language],
    queryFn: () => fetchText(breachRoutes.patientLetter, { params, query: { format: 'txt' } }),
  });
  const pdf = useMutation({
    mutationFn: () => download(breachRoutes.patientLetter, 'lettre.pdf', { params, query: { format: 'pdf' } }),
  });
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
        <Button variant="default" onClick={() => pdf.mutate()} loading={pdf.isPending}>
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
      <ErrorAlert error={pdf.error} />
      {recording && <InformedDialog b={b} queryKey={queryKey} onClose={() => setRecording(false)} />}
    </Section>
  );
}

function InformedDialog({ b, queryKey, onClose }: { b: BreachDetail; queryKey: unknown[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [day, setDay] = useState(todayInParis());
  const [channel, setChannel] = useState<(typeof INFORM_CHANNELS)[number]>('letter');
  const [recipients, setRecipients] = useState('');
  const [count, setCount] = useState<number | string>(b.approxPeople ?? '');
  const step = useBreachStep(b, queryKey, onClose);
  return (
    <Dialog title={t('breaches.people.record')} onClose={onClose} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const body = { informedOn: day, channel, recipients, peopleCount: Number(count) };
          step.mutate({ run: (params) => call(breachRoutes.recordPeopleInformed, { params, body }) });
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
            onChange={(v) => setChannel(oneOf(INFORM_CHANNELS, v) ?? channel)}
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
