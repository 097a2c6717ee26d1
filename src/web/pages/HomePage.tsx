import { Alert, Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { WorklistResponseSchema } from '../../contracts/worklist.js';
import { api } from '../app/api.js';
import { formatInstant } from '../app/format.js';
import { useSession } from '../app/session.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Page } from '../components/Page.js';
import { Loading } from '../components/Loading.js';
import { Invitations } from '../components/Invitations.js';

/** "À faire": everything with a deadline, across modules, soonest first. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const list = useQuery({ queryKey: ['practice', s.practiceId, 'worklist'], queryFn: () => api('GET', `/api/v1/practices/${s.practiceId}/worklist`, WorklistResponseSchema) });
  const now = Date.now();
  return (
    <Page title={t('home.title')}>
      <Text>{t('home.intro', { name: s.me?.user.name ?? '' })}</Text>
      <Invitations />
      {list.isPending && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && (s.me?.invitations.length ?? 0) === 0 && (
        <Alert color="teal" title={t('home.emptyTitle')}>
          {t('home.empty')}
        </Alert>
      )}
      {list.data && list.data.items.length > 0 && (
        <Stack component="ul" p={0} style={{ listStyle: 'none' }} aria-label={t('home.title')}>
          {list.data.items.map((item) => {
            const late = new Date(item.dueAt).getTime() < now;
            return (
              <Card component="li" withBorder key={item.id} data-testid="worklist-item">
                <Group justify="space-between" wrap="wrap">
                  <Stack gap={2}>
                    <Anchor component={Link} to={item.path} fw={600}>
                      {t(`worklist.${item.kind}`, { defaultValue: t('worklist.generic') })}
                    </Anchor>
                    {item.subject && <Text size="sm">{t(`worklist.subject.${item.module}`, { value: item.module === 'backup' ? formatInstant(item.subject, i18n.language) : item.subject })}</Text>}
                  </Stack>
                  <Badge color={late ? 'red.9' : 'teal.9'} variant="filled" size="lg">
                    {late ? t('home.overdueSince', { date: formatInstant(item.dueAt, i18n.language) }) : t('home.dueOn', { date: formatInstant(item.dueAt, i18n.language) })}
                  </Badge>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
    </Page>
  );
}
