import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { dynamicKey } from '../../i18n/index.js';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type WorklistItem } from '../../../contracts/worklist.js';
import { worklistRoutes } from '../../../contracts/worklist.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatInstant, todayInParis, useNow } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Loading } from '../../components/Loading.js';
import { Invitations } from './Invitations.js';

/** The breach steps that run on the 72-hour CNIL clock (Art. 33(1)): always at the top of the list, with the hours left. */
const CLOCK_KINDS = new Set(['breach_decide', 'breach_notify']);

type Urgency = 'late' | 'today' | 'soon' | 'later';
/** Late, due today (Paris), within seven days, or later: the colour and the words say it. */
function urgencyOf(dueAt: string, now: number): Urgency {
  const due = Date.parse(dueAt);
  if (due < now) return 'late';
  const dueDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(due));
  if (dueDay === todayInParis()) return 'today';
  return due - now <= 7 * 86_400_000 ? 'soon' : 'later';
}
// Dark enough for white text (WCAG AA): Mantine's darkest orange is not, hence the darker shade.
const COLOURS: Record<Urgency, string> = { late: 'red.9', today: '#9c3b00', soon: 'indigo.9', later: 'teal.9' };

/** "À faire": the 72-hour clocks first, then everything with a deadline across modules, soonest first; the first steps while not done. */
export function HomePage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const practice = usePracticeParams();
  const list = useQuery({
    queryKey: keyOf(worklistRoutes.get, { params: practice }),
    queryFn: () => call(worklistRoutes.get, { params: practice }),
  });
  const now = useNow();
  const items = list.data
    ? [
        ...list.data.items.filter((i) => CLOCK_KINDS.has(i.kind)),
        ...list.data.items.filter((i) => !CLOCK_KINDS.has(i.kind)),
      ]
    : [];
  const steps = list.data?.firstSteps ?? [];
  const pending = steps.filter((x) => !x.done);
  const badge = (item: WorklistItem) => {
    const u = urgencyOf(item.dueAt, now);
    const date = formatInstant(item.dueAt, i18n.language);
    if (CLOCK_KINDS.has(item.kind)) {
      const hours = Math.floor((Date.parse(item.dueAt) - now) / 3_600_000);
      return u === 'late' ? t('home.clockLate', { date }) : t('home.hoursLeft', { count: hours, date });
    }
    return t(`home.urgency.${u}`, { date });
  };
  return (
    <Page title={t('home.title')}>
      <Text>{t('home.intro', { name: s.me?.user.name ?? '' })}</Text>
      <Invitations />
      {list.isPending && <Loading />}
      <ErrorAlert error={list.error} />
      {items.length > 0 && (
        <Stack component="ul" p={0} style={{ listStyle: 'none' }} aria-label={t('home.title')}>
          {items.map((item) => {
            const u = urgencyOf(item.dueAt, now);
            const clock = CLOCK_KINDS.has(item.kind);
            return (
              <Card
                component="li"
                withBorder
                key={item.id}
                data-testid="worklist-item"
                data-urgency={u}
                style={clock ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined}
              >
                <Group justify="space-between" wrap="wrap">
                  <Stack gap={2}>
                    <Anchor component={Link} to={item.path} fw={600}>
                      {t(`worklist.${item.kind}`, { defaultValue: t('worklist.generic') })}
                    </Anchor>
                    {item.subject && (
                      <Text size="sm">
                        {t(dynamicKey(`worklist.subject.${item.module}`), {
                          value: item.module === 'backup' ? formatInstant(item.subject, i18n.language) : item.subject,
                        })}
                      </Text>
                    )}
                  </Stack>
                  <Badge color={COLOURS[u]} variant="filled" size="lg" data-testid={clock ? 'breach-clock' : undefined}>
                    {badge(item)}
                  </Badge>
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
      {pending.length > 0 && (
        <Card withBorder component="section" aria-labelledby="first-steps-title" data-testid="first-steps">
          <Title order={2} size="h3" id="first-steps-title">
            {t('home.firstSteps.title')}
          </Title>
          <Text size="sm" mb="xs">
            {t('home.firstSteps.intro')}
          </Text>
          <List type="ordered" spacing="xs">
            {steps.map((st) => (
              <List.Item key={st.step}>
                {st.done ? (
                  <Text span c="dimmed">
                    {t(`home.firstSteps.${st.step}`)} — {t('home.firstSteps.done')}
                  </Text>
                ) : (
                  <Anchor component={Link} to={st.path}>
                    {t(`home.firstSteps.${st.step}`)}
                  </Anchor>
                )}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      {list.data && items.length === 0 && pending.length === 0 && (s.me?.invitations.length ?? 0) === 0 && (
        <Alert color="teal" title={t('home.emptyTitle')}>
          {t('home.empty')}
        </Alert>
      )}
    </Page>
  );
}
