import { Button, Checkbox, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PatientResponse } from '../../../contracts/patients.js';
import { patientRoutes } from '../../../contracts/patients.routes.js';
import { call, keyOf } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { Dialog } from '../../components/Dialog.js';
import { PatientImport } from './PatientImport.js';
import { FormActions } from '../../components/FormActions.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { submitWith } from '../../components/submit.js';

/** The patient index: only what compliance needs (identity, contact, flags), searched without accents; every search is audited. */
export function PatientsPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<PatientResponse | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const query = q.trim();
  const search = { params: usePracticeParams(), query: { limit: 50, q: query } };
  const list = useQuery({
    queryKey: keyOf(patientRoutes.search, search),
    queryFn: () => call(patientRoutes.search, search),
    enabled: query.length >= 2,
  });
  return (
    <Page
      title={t('patients.title')}
      actions={
        s.can('patient.write') && (
          <Group>
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('import.open')}
            </Button>
            <Button onClick={() => setEditing('new')}>{t('patients.add')}</Button>
          </Group>
        )
      }
    >
      <Text>{t('patients.intro')}</Text>
      <TextInput
        label={t('patients.search')}
        description={t('patients.searchHelp')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={480}
      />
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <Text>{t('patients.noneFound')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('patients.name')}</Table.Th>
                <Table.Th scope="col">{t('patients.birthDate')}</Table.Th>
                <Table.Th scope="col">{t('patients.externalId')}</Table.Th>
                <Table.Th scope="col">{t('patients.flags')}</Table.Th>
                {s.can('patient.write') && <Table.Th scope="col">{t('team.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{`${p.lastName} ${p.firstName}`}</Table.Td>
                  <Table.Td>{formatDate(p.birthDate, i18n.language)}</Table.Td>
                  <Table.Td>{p.externalId ?? '—'}</Table.Td>
                  <Table.Td>
                    {[
                      p.isRestricted && t('patients.restricted'),
                      p.objectsToSms && t('patients.noSms'),
                      p.deathOn && t('patients.deceased'),
                    ]
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </Table.Td>
                  {s.can('patient.write') && (
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => setEditing(p)}>
                        {t('patients.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.data && list.data.total > list.data.items.length && (
        <Text role="status">
          {t(list.data.totalCapped ? 'patients.partialCapped' : 'patients.partial', {
            shown: list.data.items.length,
            total: list.data.total.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR'),
          })}
        </Text>
      )}
      {importing && <PatientImport onClose={() => setImporting(false)} />}
      {editing && <PatientForm patient={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Page>
  );
}

function PatientForm({ patient, onClose }: { patient: PatientResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const params = usePracticeParams();
  const qc = useQueryClient();
  const [f, setF] = useState({
    lastName: patient?.lastName ?? '',
    firstName: patient?.firstName ?? '',
    birthDate: patient?.birthDate ?? '',
    externalId: patient?.externalId ?? '',
    email: patient?.email ?? '',
    phone: patient?.phone ?? '',
    address: patient?.address ?? '',
    lastCareOn: patient?.lastCareOn ?? '',
    deathOn: patient?.deathOn ?? '',
    isRestricted: patient?.isRestricted ?? false,
    objectsToSms: patient?.objectsToSms ?? false,
    marketingConsent: patient?.marketingConsent ?? false,
  });
  const orNull = (v: string) => (v.trim() ? v.trim() : null);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...f,
        externalId: orNull(f.externalId),
        email: orNull(f.email),
        phone: orNull(f.phone),
        address: orNull(f.address),
        lastCareOn: orNull(f.lastCareOn),
        deathOn: orNull(f.deathOn),
      };
      return patient
        ? call(patientRoutes.update, { params: { ...params, patientId: patient.id }, body })
        : call(patientRoutes.create, { params, body });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keyOf(patientRoutes.search, { params }) });
      onClose();
    },
  });
  const text = (
    key:
      'lastName' | 'firstName' | 'birthDate' | 'externalId' | 'email' | 'phone' | 'address' | 'lastCareOn' | 'deathOn',
    type = 'text',
    required = false,
  ) => (
    <TextInput
      label={t(`patients.${key}`)}
      type={type}
      value={f[key]}
      onChange={(e) => setF({ ...f, [key]: e.currentTarget.value })}
      required={required}
      error={fieldError(save.error, key)}
    />
  );
  const flag = (key: 'isRestricted' | 'objectsToSms' | 'marketingConsent') => (
    <Checkbox
      label={t(`patients.${key}`)}
      checked={f[key]}
      onChange={(e) => setF({ ...f, [key]: e.currentTarget.checked })}
    />
  );
  return (
    <Dialog title={patient ? t('patients.editTitle') : t('patients.addTitle')} onClose={onClose} size="xl">
      <form onSubmit={submitWith(() => save.mutate())}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('lastName', 'text', true)}
            {text('firstName', 'text', true)}
            {text('birthDate', 'date', true)}
            {text('externalId')}
            {text('email', 'email')}
            {text('phone', 'tel')}
            {text('lastCareOn', 'date')}
            {text('deathOn', 'date')}
          </SimpleGrid>
          {text('address')}
          {flag('isRestricted')}
          {flag('objectsToSms')}
          {flag('marketingConsent')}
          <ErrorAlert error={save.error} />
          <FormActions submit={t('patients.save')} pending={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Dialog>
  );
}
