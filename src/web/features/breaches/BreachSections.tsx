import { Alert, Button, Checkbox, Group, List, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { dynamicKey } from '../../i18n/index.js';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AVAILABILITY_LEVELS,
  CONFIDENTIALITY_LEVELS,
  DECISIONS,
  DPC_CATEGORIES,
  EI_LEVELS,
  INTEGRITY_LEVELS,
  PEOPLE_EXCEPTIONS,
  suggestedAssessment,
  type Assessment,
  type BreachDetail,
  type Decision,
} from '../../../contracts/breaches.js';
import { oneOf } from '../../app/forms.js';
import { breachRoutes } from '../../../contracts/breaches.routes.js';
import { worklistRoutes } from '../../../contracts/worklist.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { useMembers } from '../../app/members.js';
import { usePracticeParams } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';

export interface SectionProps {
  b: BreachDetail;
  queryKey: unknown[];
  editable: boolean;
}

/** One call of a step on the breach, given the breach's route parameters; `id` names what it acts on (an action). */
export interface BreachStep {
  run: (params: { practiceId: string; breachId: string }) => Promise<BreachDetail>;
  id?: string;
}

/** A step on the breach, then the breach, the list and the to-do list are read again. */
export function useBreachStep(b: BreachDetail, queryKey: unknown[], onDone?: () => void) {
  const params = usePracticeParams();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ run }: BreachStep) => run({ ...params, breachId: b.id }),
    onSuccess: (next) => {
      qc.setQueryData(queryKey, next);
      // The list's answers only (their keys end with the list's query): the breach under the same prefix, and its
      // draft and letter, already follow from the answer just set.
      const list = keyOf(breachRoutes.list, { params });
      void qc.invalidateQueries({
        queryKey: list,
        predicate: (q) => q.queryKey.length === list.length + 1 && typeof q.queryKey[list.length] === 'object',
      });
      void qc.invalidateQueries({ queryKey: keyOf(worklistRoutes.get, { params }) });
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
      data={values.map((v) => ({ value: v, label: t(dynamicKey(`breachValues.${family}.${v}`)) }))}
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
            step.mutate({ run: (params) => call(breachRoutes.assess, { params, body: a }) });
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
  const [decision, setDecision] = useState<Decision['decision']>(
    b.decision?.decision ?? proposed ?? 'notify_authority',
  );
  const [reason, setReason] = useState(b.decision?.reason ?? '');
  const [exception, setException] = useState<Decision['peopleException'] | null>(b.decision?.peopleException ?? null);
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
            const body = {
              decision,
              ...(reason.trim() ? { reason } : {}),
              ...(decision === 'notify_authority' && exception ? { peopleException: exception } : {}),
            };
            step.mutate({ run: (params) => call(breachRoutes.decide, { params, body }) });
          }}
        >
          <Stack gap="xs" maw={640}>
            <Select
              label={t('breaches.decision.label')}
              value={decision}
              allowDeselect={false}
              onChange={(v) => setDecision(oneOf(DECISIONS, v) ?? decision)}
              data={DECISIONS.map((d) => ({ value: d, label: t(`breachValues.decisions.${d}`) }))}
            />
            {decision === 'notify_authority' && (
              <Select
                label={t('breaches.decision.exception')}
                value={exception}
                onChange={(v) => setException(oneOf(PEOPLE_EXCEPTIONS, v))}
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
