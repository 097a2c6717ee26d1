import { Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSEQUENCES, type BreachDetail } from '../../../contracts/breaches.js';
import { breachRoutes } from '../../../contracts/breaches.routes.js';
import { call } from '../../app/api.js';
import { formatDate, fromLocalInput, todayInParis, toLocalInput } from '../../app/format.js';
import { useMembers } from '../../app/members.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { FormActions } from '../../components/FormActions.js';
import { Section } from '../../components/Section.js';
import { type SectionProps, useBreachStep } from './BreachSections.js';

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
                loading={done.isPending && done.variables?.id === a.id}
                onClick={() =>
                  done.mutate({
                    id: a.id,
                    run: (p) =>
                      call(breachRoutes.completeAction, {
                        params: { ...p, actionId: a.id },
                        body: { doneOn: todayInParis() },
                      }),
                  })
                }
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
            add.mutate({
              run: (params) => call(breachRoutes.addAction, { params, body: { title, dueOn: due, ownerId: owner } }),
            });
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
          const body = {
            consequences,
            consequencesNote: note.trim() || null,
            measures: measures.trim() || null,
            endedAt: fromLocalInput(endedAt),
            approxPeople: people === '' ? null : Number(people),
            approxRecords: records === '' ? null : Number(records),
            description: description.trim() || null,
          };
          step.mutate({ run: (params) => call(breachRoutes.update, { params, body }) });
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
          step.mutate({ run: (params) => call(breachRoutes.close, { params, body: { closedOn: day } }) });
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
