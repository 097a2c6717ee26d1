import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  List,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { OkResponseSchema } from '../../../contracts/common.js';
import {
  ALLOWED_GROUNDS,
  AnswerFileSchema,
  EFFECTS,
  LETTER_KINDS,
  LetterSchema,
  MAX_ANSWER_FILE_BYTES,
  SENT_CHANNELS,
  type DecisionGround,
  type DecisionSubject,
  type LetterKind,
  type Verdict,
} from '../../../contracts/request-answers.js';
import { RightsRequestDetailSchema } from '../../../contracts/rights-requests.js';
import { api, downloadFile, uploadFile } from '../../app/api.js';
import { formatDate, formatInstant, todayInParis } from '../../app/format.js';
import { useMembers } from '../../app/members.js';
import { useSession } from '../../app/session.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { FormActions } from '../../components/FormActions.js';
import { PatientPicker } from '../../components/PatientPicker.js';
import { Section } from '../../components/Section.js';

type Detail = z.infer<typeof RightsRequestDetailSchema>;
interface Row {
  subject: DecisionSubject;
  included: boolean;
  verdict: Verdict;
  ground: DecisionGround;
  reasons: string;
}

/** What the other parts of the request page must refresh after a change. */
function useRefresh(requestId: string) {
  const s = useSession();
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['practice', s.practiceId, 'request', requestId] });
    void qc.invalidateQueries({ queryKey: ['practice', s.practiceId, 'requests'] });
    void qc.invalidateQueries({ queryKey: ['practice', s.practiceId, 'worklist'] });
  };
}

const base = (practiceId: string | null, requestId: string) =>
  `/api/v1/practices/${practiceId}/rights-requests/${requestId}`;

/**
 * The answer, item by item: the rules' proposal comes pre-filled; a person with `request.decide` confirms it or
 * departs from it with reasons. The letter language follows the interface by default.
 */
export function DecisionForm({ d }: { d: Detail }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const refresh = useRefresh(d.id);
  const proposal = d.proposal!;
  const [rows, setRows] = useState<Row[]>(() =>
    proposal.items.map((p) => ({
      subject: p.subject,
      included: true,
      verdict: p.verdict,
      ground: p.ground,
      reasons: '',
    })),
  );
  const [on, setOn] = useState(todayInParis());
  const [note, setNote] = useState('');
  const [language, setLanguage] = useState<'fr' | 'en'>(i18n.language === 'en' ? 'en' : 'fr');
  const [patientId, setPatientId] = useState<string | null>(null);
  const chosen = rows.filter((r) => r.included);
  const needsPatient = !d.patientId && chosen.some((r) => r.verdict === 'carried_out' && EFFECTS[r.subject]);
  const decide = useMutation({
    mutationFn: () =>
      api('POST', `${base(s.practiceId, d.id)}/decision`, RightsRequestDetailSchema, {
        on,
        language,
        ...(note.trim() ? { note } : {}),
        ...(patientId ? { patientId } : {}),
        items: chosen.map((r) => ({
          subject: r.subject,
          verdict: r.verdict,
          ground: r.ground,
          ...(r.reasons.trim() ? { reasons: r.reasons } : {}),
        })),
      }),
    onSuccess: refresh,
  });
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const waitingIdentity = d.identityRequestedOn !== null && d.identityReceivedOn === null;
  // An error on items.N.field is shown on the row N of the items sent (the ticked ones, in order).
  const rowError = (i: number, field: string) => fieldError(decide.error, `items.${chosen.indexOf(rows[i]!)}.${field}`);
  return (
    <Card withBorder component="section" aria-labelledby="decision-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          decide.mutate();
        }}
      >
        <Stack>
          <Title order={2} size="h3" id="decision-title">
            {t('answers.decision.title')}
          </Title>
          <Text>{t('answers.decision.intro')}</Text>
          {d.kind === 'access' && (
            <Alert color="blue">
              {proposal.registerValidated ? t('answers.decision.art15FromRegister') : t('answers.decision.art15Source')}
            </Alert>
          )}
          {proposal.cautions.map((c) => (
            <Alert key={c} color="orange" data-testid={`caution-${c}`}>
              {t(`answers.decision.cautions.${c}`)}
            </Alert>
          ))}
          {d.kind === 'erasure' && (
            <Alert color="blue">
              {proposal.retentionEndsOn
                ? t('answers.decision.retention', { date: formatDate(proposal.retentionEndsOn, i18n.language) })
                : t('answers.decision.retentionUnknown')}
            </Alert>
          )}
          {waitingIdentity && <Alert color="orange">{t('answers.decision.identityAwaited')}</Alert>}
          {rows.map((r, i) => {
            const p = proposal.items[i]!;
            const verdicts = Object.keys(ALLOWED_GROUNDS[r.subject]) as Verdict[];
            const grounds = ALLOWED_GROUNDS[r.subject][r.verdict] ?? [];
            const effect = r.verdict === 'carried_out' ? EFFECTS[r.subject] : undefined;
            return (
              <Card key={r.subject} withBorder padding="sm" data-testid={`decision-${r.subject}`}>
                <Stack gap="xs">
                  <Checkbox
                    label={t('answers.decision.include', { subject: t(`answerValues.subjects.${r.subject}`) })}
                    checked={r.included}
                    onChange={(e) => set(i, { included: e.currentTarget.checked })}
                  />
                  {r.included && (
                    <>
                      <Text size="sm">
                        {t('answers.decision.proposed', {
                          verdict: t(`answerValues.verdicts.${p.verdict}`),
                          ground: t(`answerValues.grounds.${p.ground}`),
                        })}
                      </Text>
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <Select
                          label={t('answers.decision.verdict')}
                          data={verdicts.map((v) => ({ value: v, label: t(`answerValues.verdicts.${v}`) }))}
                          value={r.verdict}
                          allowDeselect={false}
                          onChange={(v) => {
                            const verdict = v ?? r.verdict;
                            set(i, {
                              verdict,
                              ground:
                                verdict === p.verdict
                                  ? p.ground
                                  : (ALLOWED_GROUNDS[r.subject][verdict] ?? [r.ground])[0]!,
                            });
                          }}
                          error={rowError(i, 'verdict')}
                        />
                        <Select
                          label={t('answers.decision.ground')}
                          data={grounds.map((g) => ({ value: g, label: t(`answerValues.grounds.${g}`) }))}
                          value={r.ground}
                          allowDeselect={false}
                          onChange={(g) => set(i, { ground: g ?? r.ground })}
                          error={rowError(i, 'ground')}
                        />
                      </SimpleGrid>
                      {effect && (
                        <Text size="sm">
                          {t('answers.decision.effect', { effect: t(`answers.effects.${effect.flag}`) })}
                        </Text>
                      )}
                      <Textarea
                        label={t('answers.decision.reasons')}
                        description={t('answers.decision.reasonsHelp')}
                        value={r.reasons}
                        onChange={(e) => set(i, { reasons: e.currentTarget.value })}
                        autosize
                        minRows={1}
                        error={rowError(i, 'reasons')}
                      />
                    </>
                  )}
                </Stack>
              </Card>
            );
          })}
          {!d.patientId && (
            <Stack gap={4}>
              {needsPatient && <Text size="sm">{t('answers.decision.patientNeeded')}</Text>}
              <PatientPicker
                label={t('answers.decision.patient')}
                value={patientId}
                onChange={setPatientId}
                error={fieldError(decide.error, 'patientId')}
              />
            </Stack>
          )}
          <Textarea
            label={t('answers.decision.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            error={fieldError(decide.error, 'note')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('answers.decision.on')}
              type="date"
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
              required
              error={fieldError(decide.error, 'on')}
            />
            <Select
              label={t('answers.decision.language')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
              value={language}
              allowDeselect={false}
              onChange={(v) => setLanguage(v === 'en' ? 'en' : 'fr')}
            />
          </SimpleGrid>
          {chosen.length === 0 && <Text c="red.8">{t('answers.decision.nothingChosen')}</Text>}
          <ErrorAlert error={decide.error} />
          <Group>
            <Button type="submit" loading={decide.isPending} disabled={chosen.length === 0}>
              {t('answers.decision.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The decision as confirmed: each item, its ground, the reasons, what it did to the patient's record. */
export function DecisionSummary({ d }: { d: Detail }) {
  const { t, i18n } = useTranslation();
  const members = useMembers();
  const decision = d.decision!;
  return (
    <Section id="decided" title={t('answers.decided.title', { date: formatDate(decision.on, i18n.language) })}>
      <List spacing={4}>
        {decision.items.map((it) => (
          <List.Item key={it.subject}>
            {t('answers.decided.line', {
              subject: t(`answerValues.subjects.${it.subject}`),
              verdict: t(`answerValues.verdicts.${it.verdict}`),
              ground: t(`answerValues.grounds.${it.ground}`),
            })}
            {(it.verdict !== it.proposed.verdict || it.ground !== it.proposed.ground) &&
              ` (${t('answers.decided.departs')})`}
            {it.reasons && <Text size="sm">{t('answers.decided.reasons', { reasons: it.reasons })}</Text>}
            {it.effect && (
              <Text size="sm">{t('answers.decided.effect', { effect: t(`answers.effects.${it.effect.flag}`) })}</Text>
            )}
          </List.Item>
        ))}
      </List>
      {decision.note && <Text>{decision.note}</Text>}
      <Text size="sm" c="dimmed">
        {t('answers.decided.by', {
          name: members.data?.items.find((m) => m.userId === decision.decidedBy)?.name ?? decision.decidedBy,
          when: formatInstant(decision.decidedAt, i18n.language),
        })}
      </Text>
      <RestrictionBox d={d} />
    </Section>
  );
}

/** A restriction granted by this request: in force until lifted, the person told first (Art. 18(3)). */
function RestrictionBox({ d }: { d: Detail }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const refresh = useRefresh(d.id);
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(todayInParis());
  const lift = useMutation({
    mutationFn: () =>
      api('POST', `${base(s.practiceId, d.id)}/restriction-lift`, RightsRequestDetailSchema, { liftedOn: day }),
    onSuccess: () => {
      refresh();
      setOpen(false);
    },
  });
  const granted =
    d.kind === 'restriction' &&
    d.decision?.items.some((i) => i.subject === 'restriction' && i.verdict === 'carried_out');
  if (!granted) return null;
  if (d.restrictionLiftedOn)
    return <Text>{t('answers.restriction.lifted', { date: formatDate(d.restrictionLiftedOn, i18n.language) })}</Text>;
  return (
    <Alert color="orange" title={t('answers.restriction.inForce')}>
      <Stack gap="xs">
        <Text size="sm">{t('answers.restriction.liftExplain')}</Text>
        {s.can('request.decide') && (
          <Group>
            <Button variant="default" onClick={() => setOpen(true)}>
              {t('answers.restriction.lift')}
            </Button>
          </Group>
        )}
      </Stack>
      {open && (
        <Dialog title={t('answers.restriction.lift')} onClose={() => setOpen(false)}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              lift.mutate();
            }}
          >
            <Stack>
              <Text>{t('answers.restriction.liftExplain')}</Text>
              <TextInput
                label={t('answers.restriction.liftedOn')}
                type="date"
                value={day}
                onChange={(e) => setDay(e.currentTarget.value)}
                required
                error={fieldError(lift.error, 'liftedOn')}
              />
              <ErrorAlert error={lift.error} />
              <FormActions
                submit={t('answers.restriction.lift')}
                pending={lift.isPending}
                onCancel={() => setOpen(false)}
              />
            </Stack>
          </form>
        </Dialog>
      )}
    </Alert>
  );
}

/** The letter log: every letter as generated, downloadable as PDF or text, with when and how it was sent. */
export function LettersSection({ d }: { d: Detail }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const refresh = useRefresh(d.id);
  const [kind, setKind] = useState<LetterKind>('acknowledgement');
  const [language, setLanguage] = useState<'fr' | 'en'>(i18n.language === 'en' ? 'en' : 'fr');
  const [sending, setSending] = useState<string | null>(null);
  const url = base(s.practiceId, d.id);
  const generate = useMutation({
    mutationFn: () => api('POST', `${url}/letters`, LetterSchema, { kind, language }),
    onSuccess: refresh,
  });
  const download = useMutation({
    mutationFn: ({ id, format }: { id: string; format: 'pdf' | 'txt' }) =>
      downloadFile(`${url}/letters/${id}?format=${format}`, `courrier.${format}`),
  });
  const manage = s.can('request.manage');
  return (
    <Section id="letters" title={t('answers.letters.title')} intro={t('answers.letters.intro')}>
      {d.letters.length === 0 ? (
        <Text>{t('answers.letters.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table data-testid="letter-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('answers.letters.kind')}</Table.Th>
                <Table.Th scope="col">{t('answers.letters.generated')}</Table.Th>
                <Table.Th scope="col">{t('answers.letters.sent')}</Table.Th>
                <Table.Th scope="col">{t('answers.letters.title')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.letters.map((l) => {
                const label = t(`answerValues.letterKinds.${l.kind}`);
                return (
                  <Table.Tr key={l.id} data-testid="letter-row">
                    <Table.Td>
                      {label} ({l.language.toUpperCase()})
                    </Table.Td>
                    <Table.Td>{formatInstant(l.generatedAt, i18n.language)}</Table.Td>
                    <Table.Td>
                      {l.sentOn
                        ? t('answers.letters.sentLine', {
                            date: formatDate(l.sentOn, i18n.language),
                            channel: t(`answerValues.sentChannels.${l.sentChannel ?? 'letter'}`),
                          })
                        : t('answers.letters.notSent')}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('answers.letters.pdf', { kind: label })}
                          onClick={() => download.mutate({ id: l.id, format: 'pdf' })}
                        >
                          PDF
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('answers.letters.txt', { kind: label })}
                          onClick={() => download.mutate({ id: l.id, format: 'txt' })}
                        >
                          TXT
                        </Button>
                        {manage && !l.sentOn && (
                          <Button
                            size="xs"
                            aria-label={t('answers.letters.markSentOf', { kind: label })}
                            onClick={() => setSending(l.id)}
                          >
                            {t('answers.letters.markSent')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErrorAlert error={download.error} />
      {manage && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            generate.mutate();
          }}
        >
          <Group align="end">
            <Select
              label={t('answers.letters.generate')}
              data={LETTER_KINDS.map((k) => ({ value: k, label: t(`answerValues.letterKinds.${k}`) }))}
              value={kind}
              allowDeselect={false}
              onChange={(v) => setKind(v ?? kind)}
            />
            <Select
              label={t('answers.letters.language')}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
              value={language}
              allowDeselect={false}
              onChange={(v) => setLanguage(v === 'en' ? 'en' : 'fr')}
              w={140}
            />
            <Button type="submit" variant="default" loading={generate.isPending}>
              {t('answers.letters.generateButton')}
            </Button>
          </Group>
          <ErrorAlert error={generate.error} />
        </form>
      )}
      {sending && <SentDialog requestId={d.id} letterId={sending} onClose={() => setSending(null)} />}
    </Section>
  );
}

function SentDialog({ requestId, letterId, onClose }: { requestId: string; letterId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const s = useSession();
  const refresh = useRefresh(requestId);
  const [day, setDay] = useState(todayInParis());
  const [channel, setChannel] = useState<(typeof SENT_CHANNELS)[number]>('letter');
  const sent = useMutation({
    mutationFn: () =>
      api('POST', `${base(s.practiceId, requestId)}/letters/${letterId}/sent`, LetterSchema, { sentOn: day, channel }),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  return (
    <Dialog title={t('answers.letters.markSent')} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          sent.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('answers.letters.sentOn')}
            type="date"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            required
            error={fieldError(sent.error, 'sentOn')}
          />
          <Select
            label={t('answers.letters.channel')}
            data={SENT_CHANNELS.map((c) => ({ value: c, label: t(`answerValues.sentChannels.${c}`) }))}
            value={channel}
            allowDeselect={false}
            onChange={(v) => setChannel(v ?? channel)}
          />
          <ErrorAlert error={sent.error} />
          <FormActions submit={t('answers.letters.markSent')} pending={sent.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}

/** The files of the answer: uploaded with their real progress, encrypted on the server, bundled into a ZIP. */
export function FilesSection({ d }: { d: Detail }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const refresh = useRefresh(d.id);
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const url = base(s.practiceId, d.id);
  const closed = ['answered', 'refused', 'withdrawn'].includes(d.status);
  const upload = useMutation({
    mutationFn: (f: File) => {
      setPercent(0);
      return uploadFile(
        `${url}/files?name=${encodeURIComponent(f.name)}${f.type ? `&type=${encodeURIComponent(f.type)}` : ''}`,
        f,
        AnswerFileSchema,
        setPercent,
      );
    },
    onSuccess: () => {
      setFile(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `${url}/files/${id}`, OkResponseSchema),
    onSuccess: refresh,
  });
  const download = useMutation({
    mutationFn: ({ path, name }: { path: string; name: string }) => downloadFile(`${url}/${path}`, name),
  });
  const tooLarge = file !== null && file.size > MAX_ANSWER_FILE_BYTES;
  if (!s.can('request.manage')) return null;
  return (
    <Section id="files" title={t('answers.files.title')} intro={t('answers.files.intro')}>
      {d.files.length === 0 ? (
        <Text>{t('answers.files.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('answers.files.name')}</Table.Th>
                <Table.Th scope="col">{t('answers.files.size')}</Table.Th>
                <Table.Th scope="col">{t('answers.files.uploaded')}</Table.Th>
                <Table.Th scope="col">{t('answers.files.title')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.files.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{t('answers.files.kib', { size: Math.max(1, Math.round(f.size / 1024)) })}</Table.Td>
                  <Table.Td>{formatInstant(f.uploadedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('answers.files.download', { name: f.name })}
                        onClick={() => download.mutate({ path: `files/${f.id}`, name: f.name })}
                      >
                        ↓
                      </Button>
                      {!closed && (
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          aria-label={t('answers.files.remove', { name: f.name })}
                          onClick={() => remove.mutate(f.id)}
                        >
                          ✕
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {d.status !== 'withdrawn' && (
        <Group align="end">
          <FileInput
            label={t('answers.files.add')}
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('answers.files.clear') }}
            error={tooLarge ? t('answers.files.tooLarge') : undefined}
            w={320}
          />
          <Button
            variant="default"
            disabled={!file || tooLarge}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            {t('answers.files.upload')}
          </Button>
        </Group>
      )}
      {upload.isPending && (
        <Stack gap={4} role="status">
          <Text size="sm">{t('answers.files.uploading', { percent })}</Text>
          <Progress value={percent} aria-label={t('answers.files.uploading', { percent })} />
        </Stack>
      )}
      <ErrorAlert error={upload.error ?? remove.error ?? download.error} />
      {(d.files.length > 0 || d.letters.length > 0) && (
        <Group>
          <Button
            variant="default"
            loading={download.isPending && download.variables?.path === 'answer.zip'}
            onClick={() => download.mutate({ path: 'answer.zip', name: 'reponse.zip' })}
          >
            {t('answers.files.zip')}
          </Button>
        </Group>
      )}
    </Section>
  );
}
