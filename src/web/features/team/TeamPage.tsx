import { Alert, Badge, Button, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyPrint } from '../../components/CopyPrint.js';
import { MemberListResponseSchema } from '../../../contracts/practices.js';
import { ROLES, type Role } from '../../../contracts/roles.js';
import { z } from 'zod';
import { teamRoutes } from '../../../contracts/team.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatDate, temporaryPassword } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { Dialog } from '../../components/Dialog.js';
import { FormActions } from '../../components/FormActions.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { submitWith } from '../../components/submit.js';

type Member = z.infer<typeof MemberListResponseSchema>['items'][number];
type Invitation = z.infer<typeof MemberListResponseSchema>['invitations'][number];

/** The team: who works here with which role; the owner adds, changes, resets and ends access. */
export function TeamPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const qc = useQueryClient();
  const params = usePracticeParams();
  const key = keyOf(teamRoutes.listMembers, { params });
  const members = useQuery({ queryKey: key, queryFn: () => call(teamRoutes.listMembers, { params }) });
  const manage = s.can('member.manage');
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<Member | null>(null);
  const [ending, setEnding] = useState<Member | null>(null);
  const [withdrawing, setWithdrawing] = useState<Invitation | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const changeRole = useMutation({
    mutationFn: (v: { userId: string; role: Role }) =>
      call(teamRoutes.changeRole, { params: { ...params, userId: v.userId }, body: { role: v.role } }),
    onSettled: refresh,
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const active = members.data?.items.filter((m) => m.isActive) ?? [];
  const former = members.data?.items.filter((m) => !m.isActive) ?? [];
  return (
    <Page title={t('team.title')} actions={manage && <Button onClick={() => setAdding(true)}>{t('team.add')}</Button>}>
      <Text>{manage ? t('team.introOwner') : t('team.intro')}</Text>
      <ErrorAlert error={members.error ?? changeRole.error} />
      {members.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('team.name')}</Table.Th>
                <Table.Th scope="col">{t('team.email')}</Table.Th>
                <Table.Th scope="col">{t('team.role')}</Table.Th>
                <Table.Th scope="col">{t('team.mfa')}</Table.Th>
                {manage && <Table.Th scope="col">{t('team.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {active.map((m) => (
                <Table.Tr key={m.userId} data-testid={`member-${m.email}`}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.email}</Table.Td>
                  <Table.Td>
                    {manage && m.userId !== s.me?.user.id ? (
                      <Select
                        aria-label={t('team.roleOf', { name: m.name })}
                        data={roleOptions}
                        value={m.role}
                        allowDeselect={false}
                        onChange={(v) => v && changeRole.mutate({ userId: m.userId, role: v })}
                        w={200}
                      />
                    ) : (
                      t(`roles.${m.role}`)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={m.mfaEnabled ? 'teal.9' : 'gray.8'} variant="filled">
                      {m.mfaEnabled ? t('team.mfaOn') : t('team.mfaPending')}
                    </Badge>
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      {m.userId !== s.me?.user.id && (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setResetting(m)}>
                            {t('team.reset')}
                          </Button>
                          <Button size="xs" color="red.9" variant="outline" onClick={() => setEnding(m)}>
                            {t('team.end')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(members.data?.invitations.length ?? 0) > 0 && (
        <Stack gap="xs">
          <Text fw={600} component="h2">
            {t('team.pending')}
          </Text>
          <Text size="sm">{t('team.pendingIntro')}</Text>
          {members.data!.invitations.map((inv) => (
            <Group key={inv.id} justify="space-between" wrap="wrap" data-testid={`invitation-${inv.email}`}>
              <Text>
                {t('team.pendingLine', {
                  name: inv.name,
                  email: inv.email,
                  role: t(`roles.${inv.role}`),
                  date: formatDate(inv.expiresAt, i18n.language),
                })}
              </Text>
              {manage && (
                <Button size="xs" variant="default" onClick={() => setWithdrawing(inv)}>
                  {t('team.withdraw')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {former.length > 0 && (
        <Stack gap="xs">
          <Text fw={600} component="h2">
            {t('team.former')}
          </Text>
          {former.map((m) => (
            <Text key={m.userId}>
              {t('team.formerLine', {
                name: m.name,
                role: t(`roles.${m.role}`),
                date: formatDate(m.endedAt, i18n.language),
              })}
            </Text>
          ))}
        </Stack>
      )}
      {adding && (
        <AddMember
          onClose={() => {
            setAdding(false);
            void refresh();
          }}
        />
      )}
      {resetting && <ResetPassword member={resetting} onClose={() => setResetting(null)} />}
      {ending && (
        <EndMembership
          member={ending}
          onClose={() => {
            setEnding(null);
            void refresh();
          }}
        />
      )}
      {withdrawing && (
        <WithdrawInvitation
          invitation={withdrawing}
          onClose={() => {
            setWithdrawing(null);
            void refresh();
          }}
        />
      )}
    </Page>
  );
}

function AddMember({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const practice = usePracticeParams();
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'assistant' as Role,
    initialPassword: temporaryPassword(),
  });
  const add = useMutation({
    mutationFn: () => call(teamRoutes.invite, { params: practice, body: form }),
  });
  return (
    <Dialog onClose={onClose} title={t('team.addTitle')} size="lg">
      {add.data ? (
        <Stack>
          <Text>{t('team.addedNew', { name: form.name })}</Text>
          <Code block data-testid="temporary-password">
            {form.initialPassword}
          </Code>
          <CopyPrint title={t('team.temporaryPasswordFor', { name: form.name })} lines={[form.initialPassword]} />
          <Alert color="blue">{t('team.addedExisting', { name: form.name })}</Alert>
          <Group>
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submitWith(() => add.mutate())}>
          <Stack>
            <TextInput
              label={t('team.name')}
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              required
              error={fieldError(add.error, 'name')}
            />
            <TextInput
              label={t('team.email')}
              type="email"
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
              required
              error={fieldError(add.error, 'email')}
            />
            <Select
              label={t('team.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={form.role}
              allowDeselect={false}
              onChange={(v) => v && setForm({ ...form, role: v })}
              description={t(`roleHelp.${form.role}`)}
            />
            <Text size="sm">{t('team.mfaAtFirstLogin')}</Text>
            <ErrorAlert error={add.error} />
            <FormActions submit={t('team.addSubmit')} pending={add.isPending} onCancel={onClose} />
          </Stack>
        </form>
      )}
    </Dialog>
  );
}

function ResetPassword({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const practice = usePracticeParams();
  const [password] = useState(temporaryPassword);
  const reset = useMutation({
    mutationFn: () =>
      call(teamRoutes.resetPassword, {
        params: { ...practice, userId: member.userId },
        body: { temporaryPassword: password },
      }),
  });
  return (
    <Dialog onClose={onClose} title={t('team.resetTitle', { name: member.name })} size="lg">
      <Stack>
        {reset.isSuccess ? (
          <>
            <Text>{t('team.resetDone', { name: member.name })}</Text>
            <Code block data-testid="temporary-password">
              {password}
            </Code>
            <CopyPrint title={t('team.temporaryPasswordFor', { name: member.name })} lines={[password]} />
            <Alert color="blue">{t('team.handOver')}</Alert>
            <Group>
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Text>{t('team.resetExplain', { name: member.name })}</Text>
            <ErrorAlert error={reset.error} />
            <Group>
              <Button onClick={() => reset.mutate()} loading={reset.isPending}>
                {t('team.resetConfirm')}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Dialog>
  );
}

/** A step that cannot be undone from here, confirmed in a dialog: what it does, then a red button; closes once done. */
function ConfirmPost({
  run: post,
  title,
  explain,
  confirm,
  onClose,
}: {
  run: () => Promise<unknown>;
  title: string;
  explain: string;
  confirm: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const run = useMutation({ mutationFn: post, onSuccess: onClose });
  return (
    <Dialog onClose={onClose} title={title}>
      <Stack>
        <Text>{explain}</Text>
        <ErrorAlert error={run.error} />
        <Group>
          <Button color="red.9" onClick={() => run.mutate()} loading={run.isPending}>
            {confirm}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function EndMembership({ member, onClose }: { member: Member; onClose: () => void }) {
  const { t } = useTranslation();
  const practice = usePracticeParams();
  return (
    <ConfirmPost
      run={() => call(teamRoutes.removeMember, { params: { ...practice, userId: member.userId }, body: {} })}
      title={t('team.endTitle', { name: member.name })}
      explain={t('team.endExplain', { name: member.name })}
      confirm={t('team.endConfirm')}
      onClose={onClose}
    />
  );
}

function WithdrawInvitation({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const { t } = useTranslation();
  const practice = usePracticeParams();
  return (
    <ConfirmPost
      run={() => call(teamRoutes.revoke, { params: { ...practice, invitationId: invitation.id }, body: {} })}
      title={t('team.withdrawTitle', { name: invitation.name })}
      explain={t('team.withdrawExplain', { name: invitation.name })}
      confirm={t('team.withdrawConfirm')}
      onClose={onClose}
    />
  );
}
