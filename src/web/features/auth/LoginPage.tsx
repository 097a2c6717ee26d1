import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.js';
import { authRoutes } from '../../../contracts/auth.routes.js';
import { call, ApiError, setCsrfToken } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { AuthFrame } from './AuthFrame.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { MfaEnrolment } from './MfaEnrolment.js';
import { submitWith } from '../../components/submit.js';

/**
 * Sign-in: the password, then the code of the authenticator app (or its enrolment the first time). The step shown is
 * the one the server holds for this browser (`useSession().authStep`): a reload or a second tab resumes it.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const s = useSession();
  const next = () => void s.refresh();
  if (s.authStep === 'mfa_enrollment_required')
    return (
      <AuthFrame title={t('mfa.enrolTitle')}>
        <MfaEnrolment onDone={next} />
      </AuthFrame>
    );
  if (s.authStep === 'mfa_required') return <CodeStep onNext={next} />;
  return <PasswordStep onNext={next} />;
}

function PasswordStep({ onNext }: { onNext: (next: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => call(authRoutes.login, { body: { email, password } }),
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      onNext(r.next);
    },
  });
  return (
    <AuthFrame title={t('login.title')}>
      <form onSubmit={submitWith(() => login.mutate())}>
        <Stack>
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            error={fieldError(login.error, 'email')}
          />
          <PasswordField
            label={t('login.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            error={fieldError(login.error, 'password')}
          />
          <ErrorAlert error={login.error} />
          <Text size="sm">{t('login.lockoutHelp')}</Text>
          <Group>
            <Button type="submit" loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}

function CodeStep({ onNext }: { onNext: (next: string) => void }) {
  const { t } = useTranslation();
  const s = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const verify = useMutation({
    mutationFn: () =>
      call(authRoutes.verifyMfa, {
        body: useRecovery ? { recoveryCode: value } : { code: value },
      }),
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      onNext(r.next);
    },
    // The sign-in ended meanwhile, or another tab gave the code first: the server's step decides what comes next.
    onError: (e) => {
      if (e instanceof ApiError && (e.code === 'UNAUTHENTICATED' || e.status === 409)) void s.refresh();
    },
  });
  const field = useRecovery ? 'recoveryCode' : 'code';
  return (
    <AuthFrame title={t('login.codeTitle')}>
      <form onSubmit={submitWith(() => verify.mutate())}>
        <Stack>
          <Text>{useRecovery ? t('login.recoveryHelp') : t('login.codeHelp')}</Text>
          <TextInput
            label={useRecovery ? t('login.recoveryCode') : t('mfa.code')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            inputMode={useRecovery ? 'text' : 'numeric'}
            autoComplete="one-time-code"
            required
            error={fieldError(verify.error, field)}
          />
          <ErrorAlert error={verify.error && !fieldError(verify.error, field) ? verify.error : null} />
          <Group justify="space-between">
            <Button type="submit" loading={verify.isPending}>
              {t('login.verify')}
            </Button>
            <Anchor
              component="button"
              type="button"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setValue('');
                verify.reset();
              }}
            >
              {useRecovery ? t('login.useApp') : t('login.useRecovery')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
