import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_CHANNELS, NOTICE_KINDS, type NoticeKind } from '../../../contracts/register.js';
import { Link } from 'react-router';
import { noticeGaps } from '../../../contracts/practices.js';
import { practiceRoutes } from '../../../contracts/practices.routes.js';
import { registerRoutes } from '../../../contracts/register.routes.js';
import { call, download, fetchText, keyOf } from '../../app/api.js';
import { formatDate, formatInstant, todayInParis } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { PatientPicker } from '../../components/PatientPicker.js';
import { submitWith } from '../../components/submit.js';
import { LanguageSelect } from '../../components/LanguageSelect.js';

const FORMATS = ['pdf', 'docx', 'html'] as const;

/** The patient information generated from the register: download it (each change makes a version), record where it went. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const qc = useQueryClient();
  const params = usePracticeParams();
  const key = keyOf(registerRoutes.notices, { params });
  const overview = useQuery({ queryKey: key, queryFn: () => call(registerRoutes.notices, { params }) });
  const [language, setLanguage] = useState<'fr' | 'en'>(i18n.language === 'en' ? 'en' : 'fr');
  const file = useMutation({
    mutationFn: ({ kind, format }: { kind: NoticeKind; format: (typeof FORMATS)[number] }) =>
      download(registerRoutes.notice, `information.${format}`, {
        params: { ...params, kind },
        query: { format, language },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const practice = useQuery({
    queryKey: keyOf(practiceRoutes.getPractice, { params }),
    queryFn: () => call(practiceRoutes.getPractice, { params }),
  });
  const gaps = practice.data ? noticeGaps(practice.data) : [];
  // The preview is the text a patient reads (the same generation as a download: a changed text is a new version).
  const preview = useMutation({
    mutationFn: async (kind: NoticeKind) => ({
      kind,
      text: await fetchText(registerRoutes.notice, { params: { ...params, kind }, query: { format: 'txt', language } }),
    }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const versions = overview.data?.versions ?? [];
  return (
    <Page title={t('notices.title')}>
      <Text>{t('notices.intro')}</Text>
      {gaps.length > 0 && (
        <Alert color="orange" title={t('notices.gapsTitle')} data-testid="notice-gaps">
          <List size="sm">
            {gaps.map((g) => (
              <List.Item key={g}>{t(`notices.gaps.${g}`)}</List.Item>
            ))}
          </List>
          <Anchor component={Link} to="/practice" c="var(--mantine-color-text)" fw={600} underline="always">
            {t('notices.gapsLink')}
          </Anchor>
        </Alert>
      )}
      <ErrorAlert error={overview.error ?? file.error ?? preview.error} />
      <LanguageSelect label={t('notices.language')} value={language} onChange={setLanguage} w={200} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {NOTICE_KINDS.map((kind) => (
          <Card key={kind} withBorder component="section" aria-labelledby={`notice-${kind}`}>
            <Stack gap="xs">
              <Title order={2} size="h4" id={`notice-${kind}`}>
                {t(`registerValues.noticeKinds.${kind}`)}
              </Title>
              <Group gap="xs">
                {FORMATS.map((format) => (
                  <Button
                    key={format}
                    size="xs"
                    variant="default"
                    aria-label={t('notices.download', {
                      kind: t(`registerValues.noticeKinds.${kind}`),
                      format: format.toUpperCase(),
                    })}
                    onClick={() => file.mutate({ kind, format })}
                    loading={file.isPending && file.variables?.kind === kind && file.variables.format === format}
                  >
                    {format.toUpperCase()}
                  </Button>
                ))}
                <Button
                  size="xs"
                  variant="light"
                  aria-label={t('notices.preview', { kind: t(`registerValues.noticeKinds.${kind}`) })}
                  onClick={() => preview.mutate(kind)}
                  loading={preview.isPending && preview.variables === kind}
                >
                  {t('notices.previewShort')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {preview.data && (
        <Paper withBorder p="md" component="section" aria-labelledby="preview-title" data-testid="notice-preview">
          <Title order={2} size="h4" id="preview-title">
            {t('notices.previewTitle', { kind: t(`registerValues.noticeKinds.${preview.data.kind}`) })}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} lang={language}>
            {preview.data.text}
          </Text>
        </Paper>
      )}
      <Stack gap="xs" component="section" aria-labelledby="versions-title">
        <Title order={2} size="h3" id="versions-title">
          {t('notices.versions')}
        </Title>
        {versions.length === 0 ? (
          <Text>{t('notices.noVersion')}</Text>
        ) : (
          <List data-testid="notice-versions">
            {versions.map((v) => (
              <List.Item key={v.id}>
                {t('notices.version', {
                  kind: t(`registerValues.noticeKinds.${v.kind}`),
                  language: v.language.toUpperCase(),
                  version: v.version,
                  date: formatInstant(v.generatedAt, i18n.language),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {s.can('register.manage') && versions.length > 0 && <DistributionForm versions={versions} />}
      <Stack gap="xs" component="section" aria-labelledby="distributions-title">
        <Title order={2} size="h3" id="distributions-title">
          {t('notices.distributions')}
        </Title>
        {overview.data?.distributions.length === 0 ? (
          <Text>{t('notices.noDistribution')}</Text>
        ) : (
          <List data-testid="notice-distributions">
            {overview.data?.distributions.map((d) => (
              <List.Item key={d.id}>
                {t('notices.distribution', {
                  date: formatDate(d.on, i18n.language),
                  channel: t(`registerValues.noticeChannels.${d.channel}`),
                  kind: t(`registerValues.noticeKinds.${d.kind}`),
                  version: d.version,
                })}
                {d.patientId ? ` — ${t('notices.toPatient')}` : ''}
                {d.note ? ` — ${d.note}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Page>
  );
}

function DistributionForm({
  versions,
}: {
  versions: { id: string; kind: NoticeKind; version: number; language: string }[];
}) {
  const { t } = useTranslation();
  const params = usePracticeParams();
  const qc = useQueryClient();
  const [versionId, setVersionId] = useState(versions[0]!.id);
  const [channel, setChannel] = useState<(typeof NOTICE_CHANNELS)[number]>('given_to_patient');
  const [on, setOn] = useState(todayInParis());
  const [patientId, setPatientId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      call(registerRoutes.recordDistribution, {
        params,
        body: {
          versionId,
          channel,
          on,
          ...(patientId ? { patientId } : {}),
          ...(note.trim() ? { note } : {}),
        },
      }),
    onSuccess: () => {
      setNote('');
      setPatientId(null);
      void qc.invalidateQueries({ queryKey: keyOf(registerRoutes.notices, { params }) });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="record-title">
      <form onSubmit={submitWith(() => save.mutate())}>
        <Stack>
          <Title order={2} size="h3" id="record-title">
            {t('notices.record')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('notices.versionField')}
              data={versions.map((v) => ({
                value: v.id,
                label: `${t(`registerValues.noticeKinds.${v.kind}`)} (${v.language.toUpperCase()}) v${v.version}`,
              }))}
              value={versionId}
              allowDeselect={false}
              onChange={(v) => setVersionId(v ?? versionId)}
              error={fieldError(save.error, 'versionId')}
            />
            <Select
              label={t('notices.channel')}
              data={NOTICE_CHANNELS.map((c) => ({ value: c, label: t(`registerValues.noticeChannels.${c}`) }))}
              value={channel}
              allowDeselect={false}
              onChange={(v) => setChannel(v ?? channel)}
            />
            <TextInput
              label={t('notices.on')}
              type="date"
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
              required
              error={fieldError(save.error, 'on')}
            />
            <PatientPicker
              label={t('notices.patient')}
              value={patientId}
              onChange={setPatientId}
              error={fieldError(save.error, 'patientId')}
            />
          </SimpleGrid>
          <TextInput
            label={t('notices.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(save.error, 'note')}
          />
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('notices.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
