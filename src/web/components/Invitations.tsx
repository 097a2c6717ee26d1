import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OkResponseSchema } from '../../contracts/common.js';
import { api } from '../app/api.js';
import { formatDate } from '../app/format.js';
import { useSession } from '../app/session.js';
import { ErrorAlert, fieldError } from './ErrorAlert.js';

/** Practices that invite the signed-in person: nothing is shared with them until the person accepts here. */
export function Invitations() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const qc = useQueryClient();
  const [codes, setCodes] = useState<Record<string, string>>({});
  const answer = useMutation({
    mutationFn: (v: { id: string; answer: 'accept' | 'decline' }) => api('POST', `/api/v1/me/invitations/${v.id}/${v.answer}`, OkResponseSchema, v.answer === 'accept' ? { temporaryPassword: codes[v.id] ?? '' } : {}),
    onSettled: () => qc.invalidateQueries({ queryKey: ['me'] }),
  });
  const invitations = s.me?.invitations ?? [];
  if (invitations.length === 0) return null;
  return (
    <Stack gap="sm">
      {invitations.map((inv) => (
        <Alert key={inv.id} color="blue" title={t('invitations.title', { practice: inv.practiceName })} data-testid={`invitation-to-${inv.practiceName}`}>
          <Stack gap="xs">
            <Text size="sm">{t('invitations.body', { practice: inv.practiceName, role: t(`roles.${inv.role}`), date: formatDate(inv.expiresAt, i18n.language) })}</Text>
            <PasswordInput
              label={t('invitations.code')}
              description={t('invitations.codeHelp', { practice: inv.practiceName })}
              value={codes[inv.id] ?? ''}
              onChange={(e) => setCodes({ ...codes, [inv.id]: e.currentTarget.value })}
              error={answer.variables?.id === inv.id ? fieldError(answer.error, 'temporaryPassword') : undefined}
              autoComplete="off"
              maw={420}
            />
            <Group gap="xs">
              <Button size="xs" onClick={() => answer.mutate({ id: inv.id, answer: 'accept' })} loading={answer.isPending && answer.variables.id === inv.id && answer.variables.answer === 'accept'}>
                {t('invitations.accept')}
              </Button>
              <Button size="xs" variant="default" onClick={() => answer.mutate({ id: inv.id, answer: 'decline' })} loading={answer.isPending && answer.variables.id === inv.id && answer.variables.answer === 'decline'}>
                {t('invitations.decline')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ))}
      <ErrorAlert error={answer.error} />
    </Stack>
  );
}
