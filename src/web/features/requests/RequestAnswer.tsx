import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ALLOWED_GROUNDS,
  EFFECTS,
  type DecisionGround,
  type DecisionSubject,
  type Verdict,
} from '../../../contracts/request-answers.js';
import { RightsRequestDetailSchema } from '../../../contracts/rights-requests.js';
import { requestAnswerRoutes } from '../../../contracts/request-answers.routes.js';
import { rightsRequestRoutes } from '../../../contracts/rights-requests.routes.js';
import { worklistRoutes } from '../../../contracts/worklist.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatDate, todayInParis } from '../../app/format.js';
import { usePracticeParams } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { PatientPicker } from '../../components/PatientPicker.js';
import { submitWith } from '../../components/submit.js';
import { LanguageSelect } from '../../components/LanguageSelect.js';

export type Detail = z.infer<typeof RightsRequestDetailSchema>;
interface Row {
  subject: DecisionSubject;
  included: boolean;
  verdict: Verdict;
  ground: DecisionGround;
  reasons: string;
}

/** What the other parts of the request page must refresh after a change. */
export function useRefresh() {
  const params = usePracticeParams();
  const qc = useQueryClient();
  return () => {
    // The list's key is a prefix of each request's: both are read again.
    void qc.invalidateQueries({ queryKey: keyOf(rightsRequestRoutes.list, { params }) });
    void qc.invalidateQueries({ queryKey: keyOf(worklistRoutes.get, { params }) });
  };
}

/** The route parameters of one request of the practice being worked in. */
export function useRequestParams(requestId: string) {
  return { ...usePracticeParams(), requestId };
}

/**
 * The answer, item by item: the rules' proposal comes pre-filled; a person with `request.decide` confirms it or
 * departs from it with reasons. The letter language follows the interface by default.
 */
export function DecisionForm({ d }: { d: Detail }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefresh();
  const params = useRequestParams(d.id);
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
      call(requestAnswerRoutes.decide, {
        params,
        body: {
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
        },
      }),
    onSuccess: refresh,
  });
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const waitingIdentity = d.identityRequestedOn !== null && d.identityReceivedOn === null;
  // An error on items.N.field is shown on the row N of the items sent (the ticked ones, in order).
  const rowError = (i: number, field: string) => fieldError(decide.error, `items.${chosen.indexOf(rows[i]!)}.${field}`);
  return (
    <Card withBorder component="section" aria-labelledby="decision-title">
      <form onSubmit={submitWith(() => decide.mutate())}>
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
            <LanguageSelect label={t('answers.decision.language')} value={language} onChange={setLanguage} />
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
