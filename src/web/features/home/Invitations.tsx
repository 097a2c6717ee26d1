import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authRoutes } from '../../../contracts/auth.routes.js';
import { teamRoutes } from '../../../contracts/team.routes.js';
import { call, ApiError } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';

type Answer = { id: string; practiceName: string; answer: 'accept' | 'decline' };

/**
 * Practices that invite the signed-in person: nothing is shared with them until they accept here, with the temporary
 * password the practice handed over. Accepting keeps the practice the person is working in.
 */
export function Invitations() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const qc = useQueryClient();
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [declining, setDeclining] = useState<string | null>(null);
  const [done, setDone] = useState<Answer | null>(null);
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  // An invitation sent while the person is signed in shows when they come back to this page.
  useEffect(() => void qc.invalidateQueries({ queryKey: ['me'] }), [qc]);
  const answer = useMutation({
    mutationFn: async (v: Answer) => {
      // The practice on screen stays the one worked in: without a saved choice, the app would show the first by name.
      if (v.answer === 'accept' && !s.me?.preferences.practiceId && s.practiceId)
        await call(authRoutes.updatePreferences, { body: { practiceId: s.practiceId } });
      const params = { invitationId: v.id };
      return v.answer === 'accept'
        ? call(teamRoutes.accept, { params, body: { temporaryPassword: codes[v.id] ?? '' } })
        : call(teamRoutes.decline, { params, body: {} });
    },
    onSuccess: (_r, v) => setDone(v),
    // The fifth wrong password cancels the invitation: its card goes, the reason stays on screen.
    onError: (e, v) => {
      if (e instanceof ApiError && e.issues.some((i) => i.code === 'invitation_withdrawn'))
        setWithdrawn(e.field('temporaryPassword') ?? v.practiceName);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['me'] }),
  });
  const invitations = s.me?.invitations ?? [];
  return (
    <Stack gap="sm">
      {done && (
        <Alert
          color="teal"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setDone(null)}
          role="status"
        >
          {t(done.answer === 'accept' ? 'invitations.accepted' : 'invitations.declined', {
            practice: done.practiceName,
          })}
        </Alert>
      )}
      {withdrawn && (
        <Alert
          color="red"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setWithdrawn(null)}
          role="alert"
        >
          {withdrawn}
        </Alert>
      )}
      {invitations.map((inv) => {
        const mine = answer.variables?.id === inv.id;
        const code = codes[inv.id] ?? '';
        return (
          <Alert
            key={inv.id}
            color="blue"
            title={t('invitations.title', { practice: inv.practiceName })}
            data-testid={`invitation-to-${inv.practiceName}`}
          >
            <Stack gap="xs">
              <Text size="sm">
                {t('invitations.body', {
                  practice: inv.practiceName,
                  role: t(`roles.${inv.role}`),
                  date: formatDate(inv.expiresAt, i18n.language),
                })}
              </Text>
              <PasswordInput
                label={t('invitations.code')}
                description={t('invitations.codeHelp', { practice: inv.practiceName })}
                value={code}
                onChange={(e) => setCodes({ ...codes, [inv.id]: e.currentTarget.value })}
                error={mine ? fieldError(answer.error, 'temporaryPassword') : undefined}
                autoComplete="off"
                maw={420}
              />
              {declining === inv.id ? (
                <Group gap="xs">
                  <Text size="sm">{t('invitations.declineConfirmText', { practice: inv.practiceName })}</Text>
                  <Button
                    size="xs"
                    color="red.9"
                    onClick={() => answer.mutate({ id: inv.id, practiceName: inv.practiceName, answer: 'decline' })}
                    loading={answer.isPending && mine}
                  >
                    {t('invitations.declineConfirm')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setDeclining(null)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              ) : (
                <Group gap="xs">
                  <Button
                    size="xs"
                    disabled={code.trim() === ''}
                    onClick={() => answer.mutate({ id: inv.id, practiceName: inv.practiceName, answer: 'accept' })}
                    loading={answer.isPending && mine && answer.variables?.answer === 'accept'}
                  >
                    {t('invitations.accept')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setDeclining(inv.id)}>
                    {t('invitations.decline')}
                  </Button>
                </Group>
              )}
              {mine && !fieldError(answer.error, 'temporaryPassword') && <ErrorAlert error={answer.error} />}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
