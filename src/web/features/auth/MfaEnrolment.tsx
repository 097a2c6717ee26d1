import { Alert, Button, Code, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyPrint } from '../../components/CopyPrint.js';
import { authRoutes } from '../../../contracts/auth.routes.js';
import { call, ApiError, setCsrfToken } from '../../app/api.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { submitWith } from '../../components/submit.js';

/** A QR code and the same key to type by hand, for the authenticator app. */
export function TotpSecret({ secret, uri }: { secret: string; uri: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    // The QR code drawer is loaded only by the person enrolling, not with every sign-in page.
    void import('qrcode').then(({ default: QRCode }) => QRCode.toDataURL(uri, { margin: 1, width: 200 }).then(setSrc));
  }, [uri]);
  return (
    <Stack gap="xs">
      <Text>{t('mfa.scan')}</Text>
      {src && <Image src={src} alt={t('mfa.qrAlt')} w={200} h={200} />}
      <Text>{t('mfa.manual')}</Text>
      <Code block data-testid="totp-secret">
        {secret.replace(/(.{4})/g, '$1 ').trim()}
      </Code>
    </Stack>
  );
}

/** Recovery codes, shown once: the person writes them down before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="blue" title={t('mfa.recoveryTitle')}>
        {t('mfa.recoveryHelp')}
      </Alert>
      <List data-testid="recovery-codes" spacing={2} style={{ fontFamily: 'monospace' }}>
        {codes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <CopyPrint title={t('mfa.recoveryTitle')} lines={codes} />
      <Group>
        <Button onClick={onDone}>{t('mfa.recoveryDone')}</Button>
      </Group>
    </Stack>
  );
}

/**
 * Enrolling the authenticator app at first sign-in: the QR code, a first code to confirm, then the recovery codes.
 * `replace` is the re-enrolment of My account, where the secret was already obtained after re-authentication.
 */
export function MfaEnrolment({
  onDone,
  replace,
}: {
  onDone: (next: string) => void;
  replace?: { secret: string; otpauthUri: string };
}) {
  const { t } = useTranslation();
  const s = useSession();
  const [code, setCode] = useState('');
  // Another tab finished the enrolment first: the server's step decides what this one shows.
  const onError = (e: Error) => {
    if (!replace && e instanceof ApiError && e.status === 409) void s.refresh();
  };
  const start = useMutation({
    mutationFn: () => call(authRoutes.startMfaEnrollment, { body: {} }),
    onError,
  });
  const confirm = useMutation({
    mutationFn: async () => {
      if (replace)
        return {
          next: 'authenticated',
          ...(await call(authRoutes.confirmMfaReEnrollment, { body: { code } })),
        };
      const r = await call(authRoutes.confirmMfaEnrollment, { body: { code } });
      setCsrfToken(r.csrfToken);
      return r;
    },
    onError,
  });
  const { mutate } = start;
  useEffect(() => {
    if (!replace) mutate();
  }, [replace, mutate]);
  const secret = replace ?? start.data;
  if (confirm.data)
    return <RecoveryCodes codes={confirm.data.recoveryCodes} onDone={() => onDone(confirm.data.next)} />;
  return (
    <Stack>
      <Text>{t('mfa.why')}</Text>
      <ErrorAlert error={start.error} />
      {secret && <TotpSecret secret={secret.secret} uri={secret.otpauthUri} />}
      <form onSubmit={submitWith(() => confirm.mutate())}>
        <Stack>
          <TextInput
            label={t('mfa.code')}
            description={t('mfa.codeHelp')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={6}
            error={fieldError(confirm.error, 'code')}
          />
          <ErrorAlert error={confirm.error && !fieldError(confirm.error, 'code') ? confirm.error : null} />
          <Group>
            <Button type="submit" loading={confirm.isPending} disabled={!secret}>
              {t('mfa.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
