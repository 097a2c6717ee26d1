import { Alert, Button, Center, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.js';
import { LockScreen } from '../features/auth/LockScreen.js';
import { LoginPage } from '../features/auth/LoginPage.js';
import { SetupPage } from '../features/auth/SetupPage.js';
import { Loading } from '../components/Loading.js';
import { IdleWatch } from './idle-lock.js';
import { useSession } from './session.js';

// The signed-in workspace (navigation and every work page) is its own chunk: the sign-in page loads without it.
const Shell = lazy(() => import('./Shell.js').then((m) => ({ default: m.Shell })));

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
            {s.me && (
              <Suspense fallback={<Loading />}>
                <Shell />
              </Suspense>
            )}
          </div>
          {s.stage === 'locked' && <LockScreen />}
          {s.stage === 'ready' && <IdleWatch />}
        </>
      );
  }
}
