import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../components/PasswordField.js';
import { LoginResponseSchema, MfaVerifyResponseSchema } from '../../contracts/auth.js';
import { api, setCsrfToken } from '../app/api.js';
import { useSession } from '../app/session.js';
import { AuthFrame } from '../components/AuthFrame.js';
import { ErrorAlert, fieldError } from '../components/ErrorAlert.js';
import { MfaEnrolment } from '../components/MfaEnrolment.js';

type Step = 'password' | 'mfa_required' | 'mfa_enrollment_required';
const NEXT_KEY = 'gardien.next';

/** Sign-in: the password, then the code of the authenticator app (or its enrolment the first time). */
export function LoginPage({ resume = false }: { resume?: boolean }) {
  const { t } = useTranslation();
  const s = useSession();
  const [step, setStep] = useState<Step>(() => (resume ? (sessionStorage.getItem(NEXT_KEY) === 'mfa_enrollment_required' ? 'mfa_enrollment_required' : 'mfa_required') : 'password'));
  const go = (next: string) => {
    if (next === 'mfa_required' || next === 'mfa_enrollment_required') {
      sessionStorage.setItem(NEXT_KEY, next);
      setStep(next);
    } else {
      sessionStorage.removeItem(NEXT_KEY);
      void s.refresh();
    }
  };
  if (step === 'password') return <PasswordStep onNext={go} />;
  if (step === 'mfa_enrollment_required')
    return (
      <AuthFrame title={t('mfa.enrolTitle')}>
        <MfaEnrolment onDone={go} />
      </AuthFrame>
    );
  return <CodeStep onNext={go} />;
}

function PasswordStep({ onNext }: { onNext: (next: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api('POST', '/api/v1/auth/login', LoginResponseSchema, { email, password }),
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      onNext(r.next);
    },
  });
  return (
    <AuthFrame title={t('login.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          login.mutate();
        }}
      >
        <Stack>
          <TextInput label={t('login.email')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.currentTarget.value)} required error={fieldError(login.error, 'email')} />
          <PasswordField label={t('login.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required error={fieldError(login.error, 'password')} />
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
    mutationFn: () => api('POST', '/api/v1/auth/mfa/verify', MfaVerifyResponseSchema, useRecovery ? { recoveryCode: value } : { code: value }),
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      onNext(r.next);
    },
    onError: (e) => {
      if (e instanceof Error && 'code' in e && e.code === 'UNAUTHENTICATED') void s.refresh();
    },
  });
  const field = useRecovery ? 'recoveryCode' : 'code';
  return (
    <AuthFrame title={t('login.codeTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          verify.mutate();
        }}
      >
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
            <Anchor component="button" type="button" onClick={() => { setUseRecovery(!useRecovery); setValue(''); verify.reset(); }}>
              {useRecovery ? t('login.useApp') : t('login.useRecovery')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
