import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.js';
import { authRoutes } from '../../../contracts/auth.routes.js';
import { call } from '../../app/api.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { submitWith } from '../../components/submit.js';

/** Changing one's password: the current one, then the new one (CNIL rule, explained); other sessions end by default. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [revokeOtherSessions, setRevoke] = useState(true);
  const change = useMutation({
    mutationFn: () => call(authRoutes.changePassword, { body: { currentPassword, newPassword, revokeOtherSessions } }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      onDone();
    },
  });
  return (
    <form onSubmit={submitWith(() => change.mutate())}>
      <Stack>
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          required
          error={fieldError(change.error, 'currentPassword')}
        />
        <PasswordField
          label={t('password.new')}
          description={t('password.rule')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          required
          error={fieldError(change.error, 'newPassword')}
        />
        <Checkbox
          label={t('password.revokeOthers')}
          checked={revokeOtherSessions}
          onChange={(e) => setRevoke(e.currentTarget.checked)}
        />
        <ErrorAlert
          error={
            change.error && !fieldError(change.error, 'currentPassword') && !fieldError(change.error, 'newPassword')
              ? change.error
              : null
          }
        />
        {change.isSuccess && <Text role="status">{t('password.changed')}</Text>}
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
