import { Alert, Badge, Button, Card, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField.js';
import { apiTokenRoutes } from '../../../contracts/api-tokens.routes.js';
import { authRoutes } from '../../../contracts/auth.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { MfaEnrolment } from './MfaEnrolment.js';
import { Page } from '../../components/Page.js';
import { submitWith } from '../../components/submit.js';

/** My account: password, authenticator app, open sessions, API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  const s = useSession();
  return (
    <Page title={t('account.title')}>
      <Text>{t('account.intro', { name: s.me?.user.name ?? '', email: s.me?.user.email ?? '' })}</Text>
      <Section title={t('account.password')}>
        <ChangePasswordForm onDone={() => undefined} />
      </Section>
      <Section title={t('account.mfa')}>
        <ReEnrol />
      </Section>
      <Section title={t('account.sessions')}>
        <Sessions />
      </Section>
      {s.can('token.manage') && (
        <Section title={t('account.tokens')}>
          <Tokens />
        </Section>
      )}
    </Page>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Stack>
        <Title order={2} size="h3">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function ReEnrol() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const start = useMutation({
    mutationFn: () => call(authRoutes.startMfaReEnrollment, { body: { password, code } }),
  });
  if (done) return <Text role="status">{t('account.mfaReplaced')}</Text>;
  if (start.data) return <MfaEnrolment replace={start.data} onDone={() => setDone(true)} />;
  return (
    <form onSubmit={submitWith(() => start.mutate())}>
      <Stack>
        <Text>{t('account.mfaExplain')}</Text>
        <PasswordField
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          required
          error={fieldError(start.error, 'password')}
        />
        <TextInput
          label={t('account.currentCode')}
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          required
          maxLength={6}
          error={fieldError(start.error, 'code')}
        />
        <ErrorAlert
          error={
            start.error && !fieldError(start.error, 'password') && !fieldError(start.error, 'code') ? start.error : null
          }
        />
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t('account.mfaStart')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Sessions() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: keyOf(authRoutes.listSessions),
    queryFn: () => call(authRoutes.listSessions),
  });
  const revoke = useMutation({
    mutationFn: (sessionId: string) => call(authRoutes.revokeSession, { params: { sessionId } }),
    onSettled: () => qc.invalidateQueries({ queryKey: keyOf(authRoutes.listSessions) }),
  });
  return (
    <Stack>
      <ErrorAlert error={list.error ?? revoke.error} />
      {list.data && (
        <Table.ScrollContainer minWidth={600}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('account.opened')}</Table.Th>
                <Table.Th scope="col">{t('account.lastSeen')}</Table.Th>
                <Table.Th scope="col">{t('account.device')}</Table.Th>
                <Table.Th scope="col">{t('team.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{formatInstant(x.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>{formatInstant(x.lastSeenAt, i18n.language)}</Table.Td>
                  <Table.Td>{[x.ip, x.userAgent?.slice(0, 60)].filter(Boolean).join(' · ') || '—'}</Table.Td>
                  <Table.Td>
                    {x.isCurrent ? (
                      <Badge variant="filled" color="teal.9">
                        {t('account.thisSession')}
                      </Badge>
                    ) : (
                      <Button size="xs" variant="outline" color="red.9" onClick={() => revoke.mutate(x.id)}>
                        {t('account.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function Tokens() {
  const { t, i18n } = useTranslation();
  const params = usePracticeParams();
  const qc = useQueryClient();
  const key = keyOf(apiTokenRoutes.list, { params });
  const [name, setName] = useState('');
  const list = useQuery({ queryKey: key, queryFn: () => call(apiTokenRoutes.list, { params }) });
  const create = useMutation({
    mutationFn: () => call(apiTokenRoutes.create, { params, body: { name } }),
    onSuccess: () => setName(''),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => call(apiTokenRoutes.revoke, { params: { ...params, tokenId } }),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
  const live = list.data?.items.filter((x) => !x.revokedAt) ?? [];
  return (
    <Stack>
      <Text>{t('account.tokensExplain')}</Text>
      {create.data && (
        <Alert color="blue" title={t('account.tokenOnce')}>
          <Code block data-testid="api-token">
            {create.data.token}
          </Code>
        </Alert>
      )}
      <form onSubmit={submitWith(() => create.mutate())}>
        <Group align="flex-end">
          <TextInput
            label={t('account.tokenName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            error={fieldError(create.error, 'name')}
          />
          <Button type="submit" loading={create.isPending}>
            {t('account.tokenCreate')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={list.error ?? revoke.error} />
      {live.length === 0 && list.data && <Text>{t('account.noTokens')}</Text>}
      {live.map((x) => (
        <Group key={x.id} justify="space-between">
          <Text>
            {t('account.tokenLine', {
              name: x.name,
              created: formatInstant(x.createdAt, i18n.language),
              used: formatInstant(x.lastUsedAt, i18n.language),
            })}
          </Text>
          <Button size="xs" variant="outline" color="red.9" onClick={() => revoke.mutate(x.id)}>
            {t('account.revoke')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
