import { Alert, AppShell, Burger, Center, Group, NavLink, SegmentedControl, Select, Text, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { OkResponseSchema } from '../../contracts/common.js';
import { AccountPage } from '../features/auth/AccountPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { BackupPage } from '../features/backup/BackupPage.js';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.js';
import { HomePage } from '../features/home/HomePage.js';
import { NotFoundPage } from '../components/NotFoundPage.js';
import { LockScreen } from '../features/auth/LockScreen.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { SetupPage } from '../features/auth/SetupPage.js';
import { TeamPage } from '../features/team/TeamPage.js';
import { NewRequestPage } from '../features/requests/NewRequestPage.js';
import { PatientsPage } from '../features/patients/PatientsPage.js';
import { PracticePage } from '../features/practice/PracticePage.js';
import { RequestPage } from '../features/requests/RequestPage.js';
import { RequestsPage } from '../features/requests/RequestsPage.js';
import { BreachesPage } from '../features/breaches/BreachesPage.js';
import { BreachPage } from '../features/breaches/BreachPage.js';
import { NewBreachPage } from '../features/breaches/NewBreachPage.js';
import { ActivityPage } from '../features/register/ActivityPage.js';
import { NoticesPage } from '../features/register/NoticesPage.js';
import { RegisterPage } from '../features/register/RegisterPage.js';
import { api } from './api.js';
import { IdleWatch } from './idle-lock.js';
import { builtNav } from './nav.js';
import { useSession } from './session.js';
import { Loading } from '../components/Loading.js';

export function App() {
  const { t } = useTranslation();
  const s = useSession();
  switch (s.stage) {
    case 'loading':
      return (
        <Center h="100vh" component="main">
          <Loading />
        </Center>
      );
    case 'unreachable':
      return (
        <Center h="100vh" component="main" p="md">
          <Alert color="red" title={t('app.unreachableTitle')} role="alert">
            <Text>{t('app.unreachable')}</Text>
            <Button mt="md" onClick={() => window.location.reload()}>
              {t('app.retry')}
            </Button>
          </Alert>
        </Center>
      );
    case 'setup':
      return <SetupPage />;
    case 'signed-out':
    case 'second-factor':
      return <LoginPage />;
    case 'password-change':
      return <ChangePasswordPage forced />;
    case 'locked':
    case 'ready':
      return (
        <>
          {/* Locked: the work stays mounted (nothing typed is lost) but hidden and inert; the lock screen covers all. */}
          <div hidden={s.stage === 'locked'} inert={s.stage === 'locked'} aria-hidden={s.stage === 'locked'}>
            {s.me && <Shell />}
          </div>
          {s.stage === 'locked' && <LockScreen />}
          {s.stage === 'ready' && <IdleWatch />}
        </>
      );
  }
}

function Shell() {
  const { t } = useTranslation();
  const s = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const nav = builtNav(s.can);
  const memberships = s.me?.memberships ?? [];
  const logout = async () => {
    await api('POST', '/api/v1/auth/logout', OkResponseSchema, {}).catch(() => undefined);
    await s.refresh();
  };
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.toggle')} />
            <Text fw={700} size="lg" component="span">
              {t('app.name')}
            </Text>
            {memberships.length > 1 ? (
              <Select
                aria-label={t('nav.practice')}
                data={memberships.map((m) => ({ value: m.practiceId, label: m.practiceName }))}
                value={s.practiceId}
                onChange={(v) => v && s.selectPractice(v)}
                allowDeselect={false}
                w={220}
              />
            ) : (
              <Text component="span" visibleFrom="sm">
                {s.membership?.practiceName}
              </Text>
            )}
          </Group>
          <Group wrap="nowrap">
            <SegmentedControl
              aria-label={t('nav.language')}
              size="xs"
              value={s.me?.preferences.language ?? t('app.lang')}
              onChange={(v) => s.setLanguage(v as 'fr' | 'en')}
              data={[
                { value: 'fr', label: 'FR' },
                { value: 'en', label: 'EN' },
              ]}
            />
            <Button variant="default" size="xs" onClick={() => void logout()}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        {nav.map((n) => (
          <NavLink
            key={n.key}
            className="gardien-nav"
            component={Link}
            to={n.path}
            label={t(`nav.${n.key}`)}
            active={n.path === '/' ? location.pathname === '/' : location.pathname.startsWith(n.path)}
            onClick={close}
            aria-current={location.pathname === n.path ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {s.practiceId === null ? (
          <Alert color="blue" title={t('app.noPracticeTitle')}>
            {t('app.noPractice')}
          </Alert>
        ) : (
          <Routes>
            <Route path="/" element={<HomePage />} />
            {s.can('register.read') && <Route path="/register" element={<RegisterPage />} />}
            {s.can('register.read') && <Route path="/register/:activityId" element={<ActivityPage />} />}
            {s.can('register.read') && <Route path="/notices" element={<NoticesPage />} />}
            {s.can('request.read') && <Route path="/requests" element={<RequestsPage />} />}
            {s.can('request.manage') && <Route path="/requests/new" element={<NewRequestPage />} />}
            {s.can('request.read') && <Route path="/requests/:requestId" element={<RequestPage />} />}
            {s.can('breach.read') && <Route path="/breaches" element={<BreachesPage />} />}
            {s.can('breach.report') && <Route path="/breaches/new" element={<NewBreachPage />} />}
            {s.can('breach.read') && <Route path="/breaches/:breachId" element={<BreachPage />} />}
            {s.can('patient.read') && <Route path="/patients" element={<PatientsPage />} />}
            <Route path="/practice" element={<PracticePage />} />
            {s.can('member.list') && <Route path="/team" element={<TeamPage />} />}
            {s.can('audit.read') && <Route path="/audit" element={<AuditPage />} />}
            {s.can('backup.read') && <Route path="/backup" element={<BackupPage />} />}
            <Route path="/account" element={<AccountPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
