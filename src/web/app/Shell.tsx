import { Alert, AppShell, Burger, Group, NavLink, SegmentedControl, Select, Text, Button } from '@mantine/core';
import { dynamicKey } from '../i18n/index.js';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../components/Loading.js';
import { NotFoundPage } from '../components/NotFoundPage.js';
import '../i18n/workspace.js';
import { authRoutes } from '../../contracts/auth.routes.js';
import { call } from './api.js';
import { builtNav } from './nav.js';
import { useSession } from './session.js';

// One chunk per page, loaded when its route is first opened.
const HomePage = lazy(() => import('../features/home/HomePage.js').then((m) => ({ default: m.HomePage })));
const RegisterPage = lazy(() =>
  import('../features/register/RegisterPage.js').then((m) => ({ default: m.RegisterPage })),
);
const ActivityPage = lazy(() =>
  import('../features/register/ActivityPage.js').then((m) => ({ default: m.ActivityPage })),
);
const NoticesPage = lazy(() => import('../features/register/NoticesPage.js').then((m) => ({ default: m.NoticesPage })));
const RequestsPage = lazy(() =>
  import('../features/requests/RequestsPage.js').then((m) => ({ default: m.RequestsPage })),
);
const NewRequestPage = lazy(() =>
  import('../features/requests/NewRequestPage.js').then((m) => ({ default: m.NewRequestPage })),
);
const RequestPage = lazy(() => import('../features/requests/RequestPage.js').then((m) => ({ default: m.RequestPage })));
const BreachesPage = lazy(() =>
  import('../features/breaches/BreachesPage.js').then((m) => ({ default: m.BreachesPage })),
);
const NewBreachPage = lazy(() =>
  import('../features/breaches/NewBreachPage.js').then((m) => ({ default: m.NewBreachPage })),
);
const BreachPage = lazy(() => import('../features/breaches/BreachPage.js').then((m) => ({ default: m.BreachPage })));
const ProcessorsPage = lazy(() =>
  import('../features/processors/ProcessorsPage.js').then((m) => ({ default: m.ProcessorsPage })),
);
const NewProcessorPage = lazy(() =>
  import('../features/processors/NewProcessorPage.js').then((m) => ({ default: m.NewProcessorPage })),
);
const ProcessorPage = lazy(() =>
  import('../features/processors/ProcessorPage.js').then((m) => ({ default: m.ProcessorPage })),
);
const PatientsPage = lazy(() =>
  import('../features/patients/PatientsPage.js').then((m) => ({ default: m.PatientsPage })),
);
const PracticePage = lazy(() =>
  import('../features/practice/PracticePage.js').then((m) => ({ default: m.PracticePage })),
);
const TeamPage = lazy(() => import('../features/team/TeamPage.js').then((m) => ({ default: m.TeamPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const BackupPage = lazy(() => import('../features/backup/BackupPage.js').then((m) => ({ default: m.BackupPage })));
const AccountPage = lazy(() => import('../features/auth/AccountPage.js').then((m) => ({ default: m.AccountPage })));

export function Shell() {
  const { t } = useTranslation();
  const s = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const nav = builtNav(s.can);
  const memberships = s.me?.memberships ?? [];
  const logout = async () => {
    await call(authRoutes.logout, { body: {} }).catch(() => undefined);
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
            label={t(dynamicKey(`nav.${n.key}`))}
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
          <Suspense fallback={<Loading />}>
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
              {s.can('processor.read') && <Route path="/processors" element={<ProcessorsPage />} />}
              {s.can('processor.manage') && <Route path="/processors/new" element={<NewProcessorPage />} />}
              {s.can('processor.read') && <Route path="/processors/:processorId" element={<ProcessorPage />} />}
              {s.can('patient.read') && <Route path="/patients" element={<PatientsPage />} />}
              <Route path="/practice" element={<PracticePage />} />
              {s.can('member.list') && <Route path="/team" element={<TeamPage />} />}
              {s.can('audit.read') && <Route path="/audit" element={<AuditPage />} />}
              {s.can('backup.read') && <Route path="/backup" element={<BackupPage />} />}
              <Route path="/account" element={<AccountPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        )}
      </AppShell.Main>
    </AppShell>
  );
}
