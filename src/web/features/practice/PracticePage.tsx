import { Autocomplete, Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OVERSEAS_TERRITORIES, type PracticeResponse } from '../../../contracts/practices.js';

/** The usual forms of a dental practice; any other can be typed. The form sets how long the accounting is kept. */
const LEGAL_FORMS = ['Exercice individuel (libéral)', 'SELARL', 'SELAS', 'SELURL', 'SELAFA', 'SCP'];
import { practiceRoutes } from '../../../contracts/practices.routes.js';
import { call, keyOf } from '../../app/api.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { FormActions } from '../../components/FormActions.js';
import { Page } from '../../components/Page.js';
import { submitWith } from '../../components/submit.js';

/** The practice: its identity (printed on notices and registers), the idle-lock delay, the holiday calendar. */
export function PracticePage() {
  const { t } = useTranslation();
  const s = useSession();
  const practiceParams = usePracticeParams();
  const practice = useQuery({
    queryKey: keyOf(practiceRoutes.getPractice, { params: practiceParams }),
    queryFn: () => call(practiceRoutes.getPractice, { params: practiceParams }),
  });
  // Kept here, not in the form: the form is rebuilt from the saved practice, and the confirmation must survive that.
  const [saved, setSaved] = useState(false);
  return (
    <Page title={t('practice.title')}>
      <Text>{t('practice.intro')}</Text>
      <ErrorAlert error={practice.error} />
      {practice.data && (
        <PracticeForm
          key={practice.data.updatedAt}
          practice={practice.data}
          canEdit={s.can('practice.update')}
          saved={saved}
          onSaved={setSaved}
        />
      )}
    </Page>
  );
}

function PracticeForm({
  practice,
  canEdit,
  saved,
  onSaved,
}: {
  practice: PracticeResponse;
  canEdit: boolean;
  saved: boolean;
  onSaved: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const practiceParams = usePracticeParams();
  const qc = useQueryClient();
  const initial = {
    name: practice.name,
    legalForm: practice.legalForm ?? '',
    siren: practice.siren ?? '',
    siret: practice.siret ?? '',
    address: practice.address ?? '',
    controllerName: practice.controllerName,
    dpoContact: practice.dpoContact ?? '',
    idleLockMinutes: practice.idleLockMinutes,
    alsaceMoselle: practice.alsaceMoselle,
    phone: practice.phone ?? '',
    email: practice.email ?? '',
    overseasTerritory: practice.overseasTerritory ?? '',
  };
  const [f, setF] = useState(initial);
  const orNull = (v: string) => (v.trim() ? v.trim() : null);
  const save = useMutation({
    mutationFn: () =>
      call(practiceRoutes.updatePractice, {
        params: practiceParams,
        body: {
          name: f.name,
          legalForm: orNull(f.legalForm),
          siren: orNull(f.siren),
          siret: orNull(f.siret),
          address: orNull(f.address),
          controllerName: f.controllerName,
          dpoContact: orNull(f.dpoContact),
          idleLockMinutes: f.idleLockMinutes,
          alsaceMoselle: f.alsaceMoselle,
          phone: orNull(f.phone),
          email: orNull(f.email),
          overseasTerritory: (f.overseasTerritory || null) as PracticeResponse['overseasTerritory'],
        },
      }),
    onMutate: () => onSaved(false),
    onSuccess: () => {
      onSaved(true);
      void qc.invalidateQueries({ queryKey: keyOf(practiceRoutes.getPractice, { params: practiceParams }) });
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
  const text = (
    key: 'name' | 'siren' | 'siret' | 'address' | 'controllerName' | 'dpoContact' | 'phone' | 'email',
    required = false,
  ) => (
    <TextInput
      label={t(`practice.${key}`)}
      value={f[key]}
      onChange={(e) => setF({ ...f, [key]: e.currentTarget.value })}
      required={required}
      readOnly={!canEdit}
      error={fieldError(save.error, key)}
    />
  );
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <Stack maw={760}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('name', true)}
          <Autocomplete
            label={t('practice.legalForm')}
            description={t('practice.legalFormHelp')}
            data={LEGAL_FORMS}
            value={f.legalForm}
            onChange={(v) => setF({ ...f, legalForm: v })}
            readOnly={!canEdit}
            error={fieldError(save.error, 'legalForm')}
          />
          {text('siren')}
          {text('siret')}
          {text('controllerName', true)}
          {text('dpoContact')}
          {text('phone')}
          {text('email')}
        </SimpleGrid>
        {text('address')}
        <NumberInput
          label={t('practice.idleLockMinutes')}
          description={t('practice.idleLockHelp')}
          min={1}
          max={60}
          value={f.idleLockMinutes}
          onChange={(v) => setF({ ...f, idleLockMinutes: typeof v === 'number' ? v : Number(v) || 1 })}
          readOnly={!canEdit}
          error={fieldError(save.error, 'idleLockMinutes')}
          maw={240}
        />
        <Checkbox
          label={t('practice.alsaceMoselle')}
          description={t('practice.alsaceMoselleHelp')}
          checked={f.alsaceMoselle}
          onChange={(e) => setF({ ...f, alsaceMoselle: e.currentTarget.checked })}
          disabled={!canEdit}
        />
        <NativeSelect
          label={t('practice.overseasTerritory')}
          description={t('practice.overseasTerritoryHelp')}
          data={[
            { value: '', label: t('practice.metropolitan') },
            ...OVERSEAS_TERRITORIES.map((v) => ({ value: v, label: t(`practice.territories.${v}`) })),
          ]}
          value={f.overseasTerritory}
          onChange={(e) => setF({ ...f, overseasTerritory: e.currentTarget.value })}
          disabled={!canEdit}
          maw={360}
        />
        <ErrorAlert error={save.error} />
        {saved && <Text role="status">{t('practice.saved')}</Text>}
        {canEdit && <FormActions submit={t('practice.save')} pending={save.isPending} onCancel={() => setF(initial)} />}
      </Stack>
    </form>
  );
}
