import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';
import { AuthFrame } from './AuthFrame.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

/** After a password reset by the owner: the person chooses their own before anything else. */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const { t } = useTranslation();
  const s = useSession();
  return (
    <AuthFrame title={t('password.forcedTitle')}>
      {forced && <Text>{t('password.forcedExplain')}</Text>}
      <ChangePasswordForm onDone={() => void s.refresh()} />
    </AuthFrame>
  );
}
