import { Alert, Button, Checkbox, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CHANNELS,
  CIVILITIES,
  RELATIONS,
  REQUEST_KINDS,
  type RequestKind,
} from '../../../contracts/rights-requests.js';
import { rightsRequestRoutes } from '../../../contracts/rights-requests.routes.js';
import { worklistRoutes } from '../../../contracts/worklist.routes.js';
import { call, keyOf } from '../../app/api.js';
import { todayInParis } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { FormActions } from '../../components/FormActions.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { PatientPicker } from '../../components/PatientPicker.js';
import { submitWith } from '../../components/submit.js';

/** Intake at the front desk: what is asked, when it arrived, by whom; the due date is computed on saving. */
export function NewRequestPage() {
  const { t } = useTranslation();
  const s = useSession();
  const practice = usePracticeParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [kind, setKind] = useState<RequestKind>('access');
  const [receivedOn, setReceivedOn] = useState(todayInParis());
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('letter');
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<(typeof RELATIONS)[number]>('self');
  const [civility, setCivility] = useState<string>('');
  const [address, setAddress] = useState('');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [older, setOlder] = useState(false);
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      call(rightsRequestRoutes.create, {
        params: practice,
        body: {
          kind,
          receivedOn,
          channel,
          requester: {
            name,
            relation,
            civility: (civility || null) as (typeof CIVILITIES)[number] | null,
            address: address.trim() || null,
          },
          patientId,
          ...(kind === 'health_record_access' ? { healthRecord: { olderThanFiveYears: older } } : {}),
          ...(note.trim() ? { note } : {}),
        },
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: keyOf(rightsRequestRoutes.list, { params: practice }) });
      void qc.invalidateQueries({ queryKey: keyOf(worklistRoutes.get, { params: practice }) });
      void navigate(`/requests/${r.id}`);
    },
  });
  return (
    <Page title={t('requests.newTitle')}>
      <Text>{t('requests.newIntro')}</Text>
      <form onSubmit={submitWith(() => save.mutate())}>
        <Stack maw={640}>
          <Select
            label={t('requests.kind')}
            data={REQUEST_KINDS.map((k) => ({ value: k, label: t(`requestKinds.${k}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(v) => v && setKind(v)}
            description={t(`requestKindHelp.${kind}`)}
            error={fieldError(save.error, 'kind')}
          />
          {kind === 'access' && (
            // CSP L1111-7 / R1111-1: a request for the dental record (a copy of the file, X-rays) runs on the 8-day clock.
            <Alert color="blue" data-testid="steer-health-record">
              <Text size="sm">{t('requests.steerHealthRecord')}</Text>
              <Button size="xs" variant="light" mt="xs" onClick={() => setKind('health_record_access')}>
                {t('requests.steerHealthRecordButton')}
              </Button>
            </Alert>
          )}
          {kind === 'health_record_access' && (
            <Checkbox
              label={t('requests.olderThanFiveYears')}
              checked={older}
              onChange={(e) => setOlder(e.currentTarget.checked)}
            />
          )}
          <TextInput
            label={t('requests.receivedOn')}
            description={t('requests.receivedOnHelp')}
            type="date"
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            required
            error={fieldError(save.error, 'receivedOn')}
          />
          <Select
            label={t('requests.channel')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            value={channel}
            allowDeselect={false}
            onChange={(v) => v && setChannel(v)}
          />
          <TextInput
            label={t('requests.requesterName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            error={fieldError(save.error, 'requester.name')}
          />
          <Select
            label={t('requests.civility')}
            data={[
              { value: '', label: t('requests.civilityUnknown') },
              ...CIVILITIES.map((c) => ({ value: c, label: t(`requests.civilities.${c}`) })),
            ]}
            value={civility}
            allowDeselect={false}
            onChange={(v) => setCivility(v ?? '')}
          />
          <Textarea
            label={t('requests.address')}
            description={t('requests.addressHelp')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            autosize
            minRows={2}
            error={fieldError(save.error, 'requester.address')}
          />
          <Select
            label={t('requests.relation')}
            data={RELATIONS.map((r) => ({ value: r, label: t(`relations.${r}`) }))}
            value={relation}
            allowDeselect={false}
            onChange={(v) => v && setRelation(v)}
          />
          {s.can('patient.read') && (
            <PatientPicker
              label={t('requests.patient')}
              value={patientId}
              onChange={setPatientId}
              error={fieldError(save.error, 'patientId')}
            />
          )}
          <Textarea
            label={t('requests.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            error={fieldError(save.error, 'note')}
          />
          <ErrorAlert error={save.error} />
          <FormActions
            submit={t('requests.save')}
            pending={save.isPending}
            onCancel={() => void navigate('/requests')}
          />
        </Stack>
      </form>
    </Page>
  );
}
