import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.js';
import { authRoutes } from '../../../contracts/auth.routes.js';
import { call } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { AuthFrame } from './AuthFrame.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { submitWith } from '../../components/submit.js';

/** The idle lock: the whole screen, until the password is typed again (the server refuses everything meanwhile). */
export function LockScreen() {
  const { t } = useTranslation();
  const s = useSession();
  const [password, setPassword] = useState('');
  const unlock = useMutation({
    // Also when only this screen had locked (the server locks at its next request): the password is checked all the same.
    mutationFn: () => call(authRoutes.unlock, { body: { password } }),
    onSuccess: () => void s.refresh(),
  });
  const logout = async () => {
    await call(authRoutes.logout, { body: {} }).catch(() => undefined);
    await s.refresh();
  };
  return (
    <div
      data-testid="lock-screen"
      style={{ position: 'fixed', inset: 0, zIndex: 1000, background: 'white', overflow: 'auto' }}
    >
      <AuthFrame title={t('lock.title')}>
        <Text>{t('lock.explain', { name: s.name })}</Text>
        <form onSubmit={submitWith(() => unlock.mutate())}>
          <Stack>
            <PasswordField
              label={t('login.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              autoFocus
              error={fieldError(unlock.error, 'password')}
            />
            <ErrorAlert error={unlock.error && !fieldError(unlock.error, 'password') ? unlock.error : null} />
            <Group justify="space-between">
              <Button type="submit" loading={unlock.isPending}>
                {t('lock.unlock')}
              </Button>
              <Anchor component="button" type="button" onClick={() => void logout()}>
                {t('lock.otherPerson')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      </AuthFrame>
    </div>
  );
}
