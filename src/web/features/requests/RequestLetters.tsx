import { Alert, Button, Group, List, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_KINDS, SENT_CHANNELS, type LetterKind } from '../../../contracts/request-answers.js';
import { requestAnswerRoutes } from '../../../contracts/request-answers.routes.js';
import { call, download } from '../../app/api.js';
import { formatDate, formatInstant, todayInParis } from '../../app/format.js';
import { useMembers } from '../../app/members.js';
import { useSession } from '../../app/session.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { FormActions } from '../../components/FormActions.js';
import { Section } from '../../components/Section.js';
import { type Detail, useRefresh, useRequestParams } from './RequestAnswer.js';
import { submitWith } from '../../components/submit.js';
import { LanguageSelect } from '../../components/LanguageSelect.js';

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
  const refresh = useRefresh();
  const params = useRequestParams(d.id);
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(todayInParis());
  const lift = useMutation({
    mutationFn: () => call(requestAnswerRoutes.liftRestriction, { params, body: { liftedOn: day } }),
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
          <form onSubmit={submitWith(() => lift.mutate())}>
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
  const refresh = useRefresh();
  const params = useRequestParams(d.id);
  const [kind, setKind] = useState<LetterKind>('acknowledgement');
  const [language, setLanguage] = useState<'fr' | 'en'>(i18n.language === 'en' ? 'en' : 'fr');
  const [sending, setSending] = useState<string | null>(null);
  const generate = useMutation({
    mutationFn: () => call(requestAnswerRoutes.createLetter, { params, body: { kind, language } }),
    onSuccess: refresh,
  });
  const file = useMutation({
    mutationFn: ({ id, format }: { id: string; format: 'pdf' | 'txt' }) =>
      download(requestAnswerRoutes.letterFile, `courrier.${format}`, {
        params: { ...params, letterId: id },
        query: { format },
      }),
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
                          onClick={() => file.mutate({ id: l.id, format: 'pdf' })}
                        >
                          PDF
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('answers.letters.txt', { kind: label })}
                          onClick={() => file.mutate({ id: l.id, format: 'txt' })}
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
      <ErrorAlert error={file.error} />
      {manage && (
        <form onSubmit={submitWith(() => generate.mutate())}>
          <Group align="end">
            <Select
              label={t('answers.letters.generate')}
              data={LETTER_KINDS.map((k) => ({ value: k, label: t(`answerValues.letterKinds.${k}`) }))}
              value={kind}
              allowDeselect={false}
              onChange={(v) => setKind(v ?? kind)}
            />
            <LanguageSelect label={t('answers.letters.language')} value={language} onChange={setLanguage} w={140} />
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
  const refresh = useRefresh();
  const params = useRequestParams(requestId);
  const [day, setDay] = useState(todayInParis());
  const [channel, setChannel] = useState<(typeof SENT_CHANNELS)[number]>('letter');
  const sent = useMutation({
    mutationFn: () =>
      call(requestAnswerRoutes.letterSent, { params: { ...params, letterId }, body: { sentOn: day, channel } }),
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  return (
    <Dialog title={t('answers.letters.markSent')} onClose={onClose}>
      <form onSubmit={submitWith(() => sent.mutate())}>
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
