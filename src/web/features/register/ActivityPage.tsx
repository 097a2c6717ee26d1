import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { dynamicKey } from '../../i18n/index.js';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type ActivityFields } from '../../../contracts/register.js';
import { registerRoutes } from '../../../contracts/register.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatDate, formatInstant } from '../../app/format.js';
import { useMembers } from '../../app/members.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Loading } from '../../components/Loading.js';
import { ActivityEditor } from './ActivityEditor.js';

export type Fields = ActivityFields;
export type CategoryRow = {
  category: string;
  description: string;
  retention: { active: string; archive: string; deletion: string };
};

/** One activity: its state and what is missing, the owner's validation, the editor, the validated versions. */
export function ActivityPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const { activityId = '' } = useParams();
  const practice = usePracticeParams();
  const params = { ...practice, activityId };
  const q = useQuery({
    queryKey: keyOf(registerRoutes.get, { params }),
    queryFn: () => call(registerRoutes.get, { params }),
  });
  const qc = useQueryClient();
  const navigate = useNavigate();
  const members = useMembers();
  // Kept here, not in the form, so the confirmation outlives the refresh that follows the save.
  const [saved, setSaved] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: keyOf(registerRoutes.list, { params: practice }) });
  const validate = useMutation({
    mutationFn: () => call(registerRoutes.validate, { params }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => call(registerRoutes.remove, { params }),
    onSuccess: () => {
      refresh();
      void navigate('/register');
    },
  });
  if (q.isPending) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const a = q.data;
  const nameOf = (id: string) => members.data?.items.find((m) => m.userId === id)?.name ?? id;
  return (
    <Page title={a.fields.name}>
      <Link to="/register">{t('register.activity.back')}</Link>
      <Alert
        color={a.missing.length ? 'orange' : 'teal'}
        title={a.missing.length ? t('register.activity.missingTitle') : t('register.activity.completeTitle')}
        data-testid="activity-state"
      >
        {a.missing.length ? (
          <List size="sm">
            {a.missing.map((m) => (
              <List.Item key={m}>{missingLabel(m, t)}</List.Item>
            ))}
          </List>
        ) : (
          t('register.activity.completeText')
        )}
      </Alert>
      {a.validatedAt && (
        <Text>
          {t('register.activity.validatedOn', {
            version: a.version,
            date: formatDate(a.validatedAt.slice(0, 10), i18n.language),
            review: formatDate(a.reviewDueOn, i18n.language),
          })}
        </Text>
      )}
      <Text data-testid="dpia-screening">{t(`registerValues.dpiaReasons.${a.dpiaReason}`)}</Text>
      {a.status === 'draft' && (
        <Card withBorder>
          <Stack gap="xs">
            <Text size="sm">{t('register.activity.validateHelp')}</Text>
            {s.can('register.validate') ? (
              <Group>
                <Button onClick={() => validate.mutate()} loading={validate.isPending} disabled={a.missing.length > 0}>
                  {t('register.activity.validate')}
                </Button>
              </Group>
            ) : (
              <Text size="sm">{t('register.activity.onlyOwner')}</Text>
            )}
            <ErrorAlert error={validate.error} />
          </Stack>
        </Card>
      )}
      {s.can('register.manage') && (
        <ActivityEditor
          initial={a.fields}
          activityId={activityId}
          onSaved={() => {
            refresh();
            setSaved(true);
          }}
        />
      )}
      {saved && (
        <Alert color="teal" role="status">
          {t('register.activity.saved')}
        </Alert>
      )}
      {s.can('register.manage') && a.version === 0 && (
        <Group>
          <Button variant="default" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
            {t('register.activity.remove')}
          </Button>
          <ErrorAlert error={remove.error} />
        </Group>
      )}
      <Stack gap="xs" component="section" aria-labelledby="versions-title">
        <Title order={2} size="h3" id="versions-title">
          {t('register.activity.versions')}
        </Title>
        {a.versions.length === 0 ? (
          <Text>{t('register.activity.noVersion')}</Text>
        ) : (
          <List>
            {a.versions.map((v) => (
              <List.Item key={v.version}>
                {t('register.activity.version', {
                  version: v.version,
                  date: formatInstant(v.validatedAt, i18n.language),
                  name: nameOf(v.validatedBy),
                  sha: v.sha256.slice(0, 12),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Page>
  );
}

/** What the rules name as missing when a list or a rubric is empty; any other path is template text to replace. */
const STRUCTURAL = new Set(['purposes', 'people', 'data', 'recipients', 'security']);

function missingLabel(path: string, t: TFunction): string {
  const parts = path.split('.');
  if (parts[0] === 'purposes' && parts[2] === 'legalBasis')
    return t('register.missing.legalBasis', { n: Number(parts[1]) + 1 });
  if (path === 'purposes.art9Condition') return t('register.missing.art9Condition');
  if (parts[2] === 'retention')
    return t('register.missing.retention', {
      n: Number(parts[1]) + 1,
      list: t(dynamicKey(`register.fields.${parts[0]}`)),
    });
  // Template text still to adapt ("(à préciser)"), in a field or in a line of a list.
  if (parts.length > 1)
    return t('register.missing.placeholderIn', {
      n: Number(parts[1]) + 1,
      list: t(dynamicKey(`register.fields.${parts[0]}`)),
    });
  if (!STRUCTURAL.has(path))
    return t('register.missing.placeholder', { field: t(dynamicKey(`register.fields.${path}`)) });
  return t(dynamicKey(`register.missing.${parts[0]}`));
}
