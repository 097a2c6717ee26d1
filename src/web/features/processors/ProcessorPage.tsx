import { Alert, Button, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { REVIEW_CHECKS } from '../../../contracts/processors.js';
import { processorRoutes } from '../../../contracts/processors.routes.js';
import { call, download, keyOf } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useFocusFirstError } from '../../app/forms.js';
import { useSession } from '../../app/session.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { LanguageSelect } from '../../components/LanguageSelect.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { submitWith } from '../../components/submit.js';
import { type Detail, useProcessorParams, useSaveProcessor, useSetDetail } from './processor-save.js';
import { CommitmentsSection, HdsSection, StorageSection } from './ProcessorChecks.js';
import { ContractSection } from './ProcessorContract.js';
import { IdentitySection } from './ProcessorIdentity.js';

/** One processor: what is wrong first, then each part to complete, its documents and its yearly review. */
export function ProcessorPage() {
  const { t, i18n } = useTranslation();
  const { processorId = '' } = useParams();
  const params = useProcessorParams(processorId);
  // Always asked again on arrival: the forms start from what the server holds now, not from what this tab saw before.
  const q = useQuery({
    queryKey: keyOf(processorRoutes.get, { params }),
    queryFn: () => call(processorRoutes.get, { params }),
    refetchOnMount: 'always',
  });
  if (q.isPending || (q.isFetching && !q.isFetchedAfterMount)) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  return (
    <Page title={p.name}>
      <Link to="/processors">{t('processors.page.back')}</Link>
      <Text>
        {t(`processorValues.kinds.${p.kind}`)} — {t(`processorValues.roles.${p.role}`)}
      </Text>
      <Alert
        color={p.issues.length ? 'orange' : 'teal'}
        title={p.issues.length ? t('processors.page.issuesTitle') : undefined}
        data-testid="processor-issues"
      >
        {p.issues.length ? (
          <List size="sm">
            {p.issues.map((i) => (
              <List.Item key={i}>{t(`processorValues.issues.${i}`)}</List.Item>
            ))}
          </List>
        ) : p.endedOn ? (
          t('processors.page.ended', { date: formatDate(p.endedOn, i18n.language) })
        ) : p.role === 'processor' ? (
          t('processors.page.noIssue')
        ) : (
          t('processors.page.noIssuePartner')
        )}
      </Alert>
      <Text>{t('processors.page.reviewDue', { date: formatDate(p.reviewDueOn, i18n.language) })}</Text>
      {/* Each section keeps its own form, started from the processor as first loaded: saving one keeps what is typed in the others. */}
      <ContractSection p={p} />
      <HdsSection p={p} />
      <StorageSection p={p} />
      <CommitmentsSection p={p} />
      <IdentitySection p={p} />
      <DocumentsSection p={p} />
      <ReviewSection p={p} />
      <EndSection p={p} />
    </Page>
  );
}

/** The Art. 28 clauses ready to sign and the questionnaire to send, in French or English. */
function DocumentsSection({ p }: { p: Detail }) {
  const { t, i18n } = useTranslation();
  const params = useProcessorParams(p.id);
  // French first; English when the interface is in English (and on the switch).
  const [lang, setLang] = useState<'fr' | 'en'>(i18n.language === 'en' ? 'en' : 'fr');
  const file = useMutation({
    mutationFn: ({ doc, format }: { doc: 'clauses' | 'questionnaire'; format: 'pdf' | 'docx' }) =>
      download(processorRoutes[doc], `${doc}.${format}`, { params, query: { format, lang } }),
  });
  const buttons = [
    ['clauses', 'docx', 'processors.documents.clausesDocx'],
    ['clauses', 'pdf', 'processors.documents.clausesPdf'],
    ['questionnaire', 'docx', 'processors.documents.questionnaireDocx'],
    ['questionnaire', 'pdf', 'processors.documents.questionnairePdf'],
  ] as const;
  if (p.role !== 'processor')
    return (
      <Section id="documents" title={t('processors.documents.title')}>
        <Text>
          {p.role === 'joint_controller'
            ? t('processors.documents.jointController')
            : t('processors.documents.notProcessor')}
        </Text>
      </Section>
    );
  return (
    <Section id="documents" title={t('processors.documents.title')} intro={t('processors.documents.intro')}>
      <LanguageSelect label={t('processors.documents.language')} value={lang} onChange={setLang} w={200} />
      <Group>
        {buttons.map(([doc, format, label]) => (
          <Button
            key={`${doc}-${format}`}
            variant="default"
            onClick={() => file.mutate({ doc, format })}
            loading={file.isPending && file.variables.doc === doc && file.variables.format === format}
          >
            {t(label)}
          </Button>
        ))}
      </Group>
      <ErrorAlert error={file.error} />
    </Section>
  );
}

/** The yearly review: what was checked, by whom and when; the next one a year later. */
function ReviewSection({ p }: { p: Detail }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const params = useProcessorParams(p.id);
  const setDetail = useSetDetail(p.id);
  const [checked, setChecked] = useState<(typeof REVIEW_CHECKS)[number][]>([]);
  const [note, setNote] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const review = useMutation({
    mutationFn: () => call(processorRoutes.review, { params, body: { checked, note } }),
    onSuccess: (d) => {
      setChecked([]);
      setNote('');
      setDetail(d);
    },
  });
  useFocusFirstError(form, review.error);
  return (
    <Section id="review" title={t('processors.review.title')} intro={t('processors.review.intro')}>
      {s.can('processor.manage') && (
        <form ref={form} onSubmit={submitWith(() => review.mutate())} noValidate>
          <Stack>
            <ChoiceGroup
              label={t('processors.review.checked')}
              values={REVIEW_CHECKS}
              value={checked}
              onChange={setChecked}
              labelOf={(c) => t(`processorValues.checks.${c}`)}
              error={fieldError(review.error, 'checked')}
              required
            />
            <Textarea
              label={t('processors.review.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
            />
            <ErrorAlert error={review.error} />
            <Group>
              <Button type="submit" loading={review.isPending}>
                {t('processors.review.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {p.reviews.length === 0 ? (
        <Text>{t('processors.review.none')}</Text>
      ) : (
        <List data-testid="reviews">
          {p.reviews.map((r) => (
            <List.Item key={r.id}>
              {t('processors.review.entry', {
                date: formatDate(r.reviewedOn, i18n.language),
                name: r.reviewedByName || r.reviewedBy,
                checked: r.checked.map((c) => t(`processorValues.checks.${c}`)).join(', '),
              })}
              {r.note && <Text size="sm">{r.note}</Text>}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

/** The end of the relationship: the record kept as proof, with nothing left to do; it can resume. */
function EndSection({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const s = useSession();
  const [endedOn, setEndedOn] = useState(p.endedOn ?? '');
  const { save } = useSaveProcessor(p.id);
  if (!s.can('processor.manage')) return null;
  return (
    <Section id="end" title={t('processors.end.title')} intro={t('processors.end.intro')}>
      <form
        onSubmit={submitWith(() => save.mutate({ endedOn: endedOn || null, expectedUpdatedAt: p.updatedAt }))}
        noValidate
      >
        <Group align="end">
          <TextInput
            type="date"
            label={t('processors.end.endedOn')}
            value={endedOn}
            onChange={(e) => setEndedOn(e.currentTarget.value)}
            error={fieldError(save.error, 'endedOn')}
          />
          <Button type="submit" variant="default" loading={save.isPending && endedOn !== ''}>
            {t('processors.end.submit')}
          </Button>
          {p.endedOn && (
            <Button
              variant="subtle"
              onClick={() => {
                setEndedOn('');
                save.mutate({ endedOn: null, expectedUpdatedAt: p.updatedAt });
              }}
            >
              {t('processors.end.resume')}
            </Button>
          )}
        </Group>
      </form>
      <ErrorAlert error={save.error} />
    </Section>
  );
}
