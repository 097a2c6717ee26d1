import { Alert, Button, Card, Group, List, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { dynamicKey } from '../../i18n/index.js';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { rightsRequestRoutes } from '../../../contracts/rights-requests.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatDate, formatInstant, todayInParis } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { Dialog } from '../../components/Dialog.js';
import { FormActions } from '../../components/FormActions.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { DecisionForm, useRefresh, useRequestParams } from './RequestAnswer.js';
import { DecisionSummary, LettersSection } from './RequestLetters.js';
import { FilesSection } from './RequestFiles.js';
import { Loading } from '../../components/Loading.js';
import { submitWith } from '../../components/submit.js';

type Action = 'identity-request' | 'identity-received' | 'extension' | 'in_progress' | 'withdrawn';

/** One request: its deadline first, then what can be done next, then its history. */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const { requestId = '' } = useParams();
  const params = useRequestParams(requestId);
  const r = useQuery({
    queryKey: keyOf(rightsRequestRoutes.get, { params }),
    queryFn: () => call(rightsRequestRoutes.get, { params }),
  });
  const [action, setAction] = useState<Action | null>(null);
  if (r.isPending) return <Loading />;
  if (r.error || !r.data) return <ErrorAlert error={r.error} />;
  const d = r.data;
  const closed = ['answered', 'refused', 'withdrawn'].includes(d.status);
  const manage = s.can('request.manage') && !closed;
  const isHealth = d.kind === 'health_record_access';
  const waitingIdentity = d.identityRequestedOn !== null && d.identityReceivedOn === null;
  const actions: Action[] = manage
    ? [
        ...(!d.identityRequestedOn ? (['identity-request'] as const) : []),
        ...(waitingIdentity ? (['identity-received'] as const) : []),
        ...(!isHealth && !d.extended && d.dueOn ? (['extension'] as const) : []),
        ...(d.status === 'received' ? (['in_progress'] as const) : []),
        'withdrawn',
      ]
    : [];
  return (
    <Page title={`${t(`requestKinds.${d.kind}`)} — ${d.requester.name}`}>
      <Alert
        color={closed ? 'teal' : d.dueOn && d.dueOn < todayInParis() ? 'red' : 'blue'}
        title={t(`requestStatuses.${d.status}`)}
        data-testid="request-due"
      >
        {closed
          ? t('request.closedOn', { date: formatDate(d.closedOn, i18n.language) })
          : d.dueOn
            ? t('request.dueOn', { date: formatDate(d.dueOn, i18n.language) })
            : t('request.suspended', { date: formatDate(d.identityRequestedOn, i18n.language) })}
        {isHealth &&
          d.earliestOn &&
          !closed &&
          ` ${t('request.earliestOn', { date: formatDate(d.earliestOn, i18n.language) })}`}
        {isHealth && !closed && ` ${t('request.identityFirst')}`}
      </Alert>
      <Card withBorder component="section" aria-label={t('request.facts')}>
        <List spacing={4}>
          <List.Item>
            {t('request.received', {
              date: formatDate(d.receivedOn, i18n.language),
              channel: t(`channels.${d.channel}`),
            })}
          </List.Item>
          <List.Item>
            {t('request.by', { name: d.requester.name, relation: t(`relations.${d.requester.relation}`) })}
          </List.Item>
          {d.identityRequestedOn && (
            <List.Item>
              {t('request.identityAsked', { date: formatDate(d.identityRequestedOn, i18n.language) })}
            </List.Item>
          )}
          {d.identityReceivedOn && (
            <List.Item>
              {t('request.identityReceived', { date: formatDate(d.identityReceivedOn, i18n.language) })}
            </List.Item>
          )}
          {d.extended && (
            <List.Item>
              {t('request.extendedOn', {
                date: formatDate(d.extensionNotifiedOn, i18n.language),
                reason: d.extensionReason ?? '',
              })}
            </List.Item>
          )}
          {d.note && <List.Item>{t('request.noteLine', { note: d.note })}</List.Item>}
        </List>
      </Card>
      {actions.length > 0 && (
        <Group>
          {actions.map((a) => (
            <Button key={a} variant="default" onClick={() => setAction(a)}>
              {t(dynamicKey(`request.actions.${a.replace('-', '_')}`))}
            </Button>
          ))}
        </Group>
      )}
      {d.proposal &&
        !closed &&
        (s.can('request.decide') ? (
          <DecisionForm d={d} />
        ) : (
          s.can('request.manage') && <Alert color="gray">{t('answers.decision.cannotDecide')}</Alert>
        ))}
      {d.decision && <DecisionSummary d={d} />}
      <LettersSection d={d} />
      <FilesSection d={d} />
      <Stack gap="xs" component="section" aria-label={t('request.history')}>
        <Title order={2} size="h3">
          {t('request.history')}
        </Title>
        <List>
          {d.history.map((e, i) => (
            <List.Item key={i}>
              {t('request.historyLine', {
                when: formatInstant(e.at, i18n.language),
                what: t(`request.events.${e.type.replace('-', '_')}`, { defaultValue: e.type }),
              })}
            </List.Item>
          ))}
        </List>
      </Stack>
      {action && <ActionDialog action={action} requestId={d.id} onClose={() => setAction(null)} />}
    </Page>
  );
}

function ActionDialog({ action, requestId, onClose }: { action: Action; requestId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [day, setDay] = useState(todayInParis());
  const [text, setText] = useState('');
  const params = useRequestParams(requestId);
  const run = useMutation({
    mutationFn: () => {
      if (action === 'identity-request')
        return call(rightsRequestRoutes.requestIdentity, { params, body: { requestedOn: day } });
      if (action === 'identity-received')
        return call(rightsRequestRoutes.identityReceived, { params, body: { receivedOn: day } });
      if (action === 'extension')
        return call(rightsRequestRoutes.extend, { params, body: { reason: text, notifiedOn: day } });
      return call(rightsRequestRoutes.changeStatus, {
        params,
        body: { status: action, on: day, ...(text.trim() ? { note: text } : {}) },
      });
    },
    onSuccess: () => {
      refresh();
      onClose();
    },
  });
  const dayField =
    action === 'identity-request'
      ? 'requestedOn'
      : action === 'identity-received'
        ? 'receivedOn'
        : action === 'extension'
          ? 'notifiedOn'
          : 'on';
  const needsText = action === 'extension' || action === 'withdrawn';
  const k = action.replace('-', '_');
  return (
    <Dialog title={t(dynamicKey(`request.actions.${k}`))} onClose={onClose} size="lg">
      <form onSubmit={submitWith(() => run.mutate())}>
        <Stack>
          <Text>{t(dynamicKey(`request.explain.${k}`))}</Text>
          <TextInput
            label={t(dynamicKey(`request.dayLabel.${k}`))}
            type="date"
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            required
            error={fieldError(run.error, dayField)}
          />
          {needsText && (
            <Textarea
              label={t(dynamicKey(`request.textLabel.${k}`))}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={3}
              required={action === 'extension'}
              error={fieldError(run.error, action === 'extension' ? 'reason' : 'note')}
            />
          )}
          <ErrorAlert error={run.error} />
          <FormActions submit={t('request.confirm')} pending={run.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
