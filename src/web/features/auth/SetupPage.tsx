import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.js';
import { setupRoutes } from '../../../contracts/setup.routes.js';
import { call, setCsrfToken } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { AuthFrame } from './AuthFrame.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { MfaEnrolment } from './MfaEnrolment.js';
import { submitWith } from '../../components/submit.js';

/** First run: the practice, its owner (the controller), then the authenticator app. */
export function SetupPage() {
  const { t } = useTranslation();
  const s = useSession();
  const [form, setForm] = useState({ practiceName: '', ownerName: '', ownerEmail: '', password: '' });
  const [enrolling, setEnrolling] = useState(false);
  const setup = useMutation({
    mutationFn: () => call(setupRoutes.create, { body: form }),
    onSuccess: (r) => {
      setCsrfToken(r.csrfToken);
      setEnrolling(true);
    },
  });
  if (enrolling)
    return (
      <AuthFrame title={t('mfa.enrolTitle')}>
        <MfaEnrolment onDone={() => void s.refresh()} />
      </AuthFrame>
    );
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }),
    error: fieldError(setup.error, key),
    required: true,
  });
  return (
    <AuthFrame title={t('setup.title')}>
      <Text>{t('setup.intro')}</Text>
      <form onSubmit={submitWith(() => setup.mutate())}>
        <Stack>
          <TextInput label={t('setup.practiceName')} autoComplete="organization" {...field('practiceName')} />
          <TextInput
            label={t('setup.ownerName')}
            description={t('setup.ownerHelp')}
            autoComplete="name"
            {...field('ownerName')}
          />
          <TextInput label={t('setup.ownerEmail')} type="email" autoComplete="username" {...field('ownerEmail')} />
          <PasswordField
            label={t('setup.password')}
            description={t('password.rule')}
            autoComplete="new-password"
            {...field('password')}
          />
          <ErrorAlert error={setup.error} />
          <Group>
            <Button type="submit" loading={setup.isPending}>
              {t('setup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
