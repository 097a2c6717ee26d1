import { Checkbox, List, NumberInput, Select, Stack, Text, Textarea, TextInput, Alert } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { guideOf } from '../../../contracts/breach-guides.js';
import {
  CAUSES,
  CIRCUMSTANCES,
  DATA_CATEGORIES,
  NATURES,
  PEOPLE_CATEGORIES,
  type CreateBreach,
} from '../../../contracts/breaches.js';
import { oneOf } from '../../app/forms.js';
import { breachRoutes } from '../../../contracts/breaches.routes.js';
import { call } from '../../app/api.js';
import { fromLocalInput, toLocalInput } from '../../app/format.js';
import { usePracticeParams } from '../../app/session.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { FormActions } from '../../components/FormActions.js';
import { Page } from '../../components/Page.js';
import { submitWith } from '../../components/submit.js';

/** Intake, fast enough to fill in while the practice is in trouble; a guided start fills in what it knows. */
export function NewBreachPage() {
  const { t, i18n } = useTranslation();
  const practice = usePracticeParams();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const guide = guideOf(params.get('guide') ?? '');
  const [title, setTitle] = useState(guide ? t(`breachValues.guides.${guide.key}`) : '');
  const [awareAt, setAwareAt] = useState(toLocalInput(new Date()));
  const [detectedAt, setDetectedAt] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [nature, setNature] = useState<CreateBreach['nature']>(guide?.nature ?? []);
  const [circumstances, setCircumstances] = useState<CreateBreach['circumstances']>(guide?.circumstances ?? []);
  const [cause, setCause] = useState<CreateBreach['cause'] | null>(guide?.cause ?? null);
  const [people, setPeople] = useState<NonNullable<CreateBreach['peopleCategories']>>(
    guide?.peopleCategories ?? ['patients'],
  );
  const [data, setData] = useState<CreateBreach['dataCategories']>(guide?.dataCategories ?? []);
  const [approxPeople, setApproxPeople] = useState<number | string>('');
  const [approxRecords, setApproxRecords] = useState<number | string>('');
  const [encrypted, setEncrypted] = useState(false);
  const [description, setDescription] = useState('');
  const save = useMutation({
    mutationFn: () =>
      call(breachRoutes.report, {
        params: practice,
        body: {
          title,
          awareAt: fromLocalInput(awareAt) ?? '',
          ...(detectedAt ? { detectedAt: fromLocalInput(detectedAt) ?? '' } : {}),
          ...(startedAt ? { startedAt: fromLocalInput(startedAt) ?? '' } : {}),
          nature,
          circumstances,
          ...(cause ? { cause } : {}),
          peopleCategories: people,
          dataCategories: data,
          ...(approxPeople !== '' ? { approxPeople: Number(approxPeople) } : {}),
          ...(approxRecords !== '' ? { approxRecords: Number(approxRecords) } : {}),
          encrypted,
          ...(description.trim() ? { description } : {}),
          ...(guide ? { guide: guide.key } : {}),
        },
      }),
    onSuccess: (b) => void navigate(`/breaches/${b.id}`),
  });
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  return (
    <Page title={t('breaches.new.title')}>
      {guide && (
        <Alert color="red" title={t(`breachValues.guides.${guide.key}`)}>
          <Text size="sm">{t('breaches.new.steps')}</Text>
          <List size="sm" type="ordered">
            {guide.firstSteps.map((step) => (
              <List.Item key={step.fr}>{step[lang]}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <form onSubmit={submitWith(() => save.mutate())}>
        <Stack maw={760}>
          <TextInput
            label={t('breaches.new.titleLabel')}
            description={t('breaches.new.titleHelp')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={fieldError(save.error, 'title')}
          />
          <TextInput
            type="datetime-local"
            label={t('breaches.new.awareAt')}
            description={t('breaches.new.awareAtHelp')}
            value={awareAt}
            onChange={(e) => setAwareAt(e.currentTarget.value)}
            required
            error={fieldError(save.error, 'awareAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('breaches.new.detectedAt')}
            value={detectedAt}
            onChange={(e) => setDetectedAt(e.currentTarget.value)}
            error={fieldError(save.error, 'detectedAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('breaches.new.startedAt')}
            value={startedAt}
            onChange={(e) => setStartedAt(e.currentTarget.value)}
            error={fieldError(save.error, 'startedAt')}
          />
          <ChoiceGroup
            label={t('breaches.new.nature')}
            values={NATURES}
            value={nature}
            onChange={setNature}
            labelOf={(v) => t(`breachValues.nature.${v}`)}
            error={fieldError(save.error, 'nature')}
            required
          />
          <ChoiceGroup
            label={t('breaches.new.circumstances')}
            values={CIRCUMSTANCES}
            value={circumstances}
            onChange={setCircumstances}
            labelOf={(v) => t(`breachValues.circumstances.${v}`)}
            error={fieldError(save.error, 'circumstances')}
            required
          />
          <Select
            label={t('breaches.new.cause')}
            value={cause}
            onChange={(v) => setCause(oneOf(CAUSES, v))}
            clearable
            placeholder={t('breaches.new.causeNone')}
            data={CAUSES.map((c) => ({ value: c, label: t(`breachValues.causes.${c}`) }))}
          />
          <ChoiceGroup
            label={t('breaches.new.peopleCategories')}
            values={PEOPLE_CATEGORIES}
            value={people}
            onChange={setPeople}
            labelOf={(v) => t(`breachValues.people.${v}`)}
            error={fieldError(save.error, 'peopleCategories')}
          />
          <ChoiceGroup
            label={t('breaches.new.dataCategories')}
            values={DATA_CATEGORIES}
            value={data}
            onChange={setData}
            labelOf={(v) => t(`breachValues.data.${v}`)}
            error={fieldError(save.error, 'dataCategories')}
          />
          <NumberInput
            label={t('breaches.new.approxPeople')}
            min={0}
            value={approxPeople}
            onChange={setApproxPeople}
            error={fieldError(save.error, 'approxPeople')}
          />
          <NumberInput
            label={t('breaches.new.approxRecords')}
            min={0}
            value={approxRecords}
            onChange={setApproxRecords}
            error={fieldError(save.error, 'approxRecords')}
          />
          <Checkbox
            label={t('breaches.new.encrypted')}
            checked={encrypted}
            onChange={(e) => setEncrypted(e.currentTarget.checked)}
          />
          <Textarea
            label={t('breaches.new.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
            error={fieldError(save.error, 'description')}
          />
          <ErrorAlert error={save.error} />
          <FormActions
            submit={t('breaches.new.submit')}
            pending={save.isPending}
            onCancel={() => void navigate('/breaches')}
          />
        </Stack>
      </form>
    </Page>
  );
}
