import { Checkbox, Group, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EEA_CODES } from '../../../contracts/countries.js';
import { HDS_ACTIVITIES, HDS_REFERENTIALS, TRANSFER_MECHANISMS } from '../../../contracts/processors.js';
import { oneOf } from '../../app/forms.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { Section } from '../../components/Section.js';
import { countryOptions } from './countries.js';
import type { Detail } from './processor-save.js';
import { SectionForm, useSectionDraft } from './ProcessorForm.js';

/** The HDS certificate (CSP L1111-8): required or not, and its number, body, activities, referential and expiry. */
export function HdsSection({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const init = () => ({
    certificateNumber: p.hds.certificateNumber,
    certifyingBody: p.hds.certifyingBody,
    activities: p.hds.activities,
    referential: p.hds.referential,
    expiresOn: p.hds.expiresOn ?? '',
  });
  const [f, setF, clear] = useSectionDraft(p, 'hds', init);
  const [start] = useState(init);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const body = (x: typeof f) => ({ hds: { ...x, expiresOn: x.expiresOn || null } });
  return (
    <Section id="hds" title={t('processors.hds.title')}>
      <Text data-testid="hds-state">
        {p.hds.required ? t('processors.hds.required') : t('processors.hds.notRequired')}{' '}
        {p.hds.required && <strong>{t(`processorValues.hdsStatuses.${p.hds.status}`)}</strong>}
      </Text>
      {p.hds.required && (
        <SectionForm p={p} value={body(f)} initial={body(start)} onSaved={clear}>
          {(err) => (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('processors.hds.certificateNumber')}
                  value={f.certificateNumber}
                  onChange={(e) => set({ certificateNumber: e.currentTarget.value })}
                  error={err('hds.certificateNumber')}
                />
                <TextInput
                  label={t('processors.hds.certifyingBody')}
                  value={f.certifyingBody}
                  onChange={(e) => set({ certifyingBody: e.currentTarget.value })}
                />
                <Select
                  label={t('processors.hds.referential')}
                  description={t('processors.hds.referentialHelp')}
                  data={HDS_REFERENTIALS.map((r) => ({ value: r, label: t(`processors.hds.${r}`) }))}
                  value={f.referential}
                  clearable
                  onChange={(v) => set({ referential: oneOf(HDS_REFERENTIALS, v) })}
                />
                <TextInput
                  type="date"
                  label={t('processors.hds.expiresOn')}
                  value={f.expiresOn}
                  onChange={(e) => set({ expiresOn: e.currentTarget.value })}
                  error={err('hds.expiresOn')}
                />
              </SimpleGrid>
              <ChoiceGroup
                label={t('processors.hds.activities')}
                values={HDS_ACTIVITIES}
                value={f.activities}
                onChange={(v) => set({ activities: v })}
                labelOf={(a) => t(`processorValues.hdsActivities.${a}`)}
              />
              <Text size="sm">{t('processors.hds.checkList')}</Text>
            </>
          )}
        </SectionForm>
      )}
    </Section>
  );
}

/** Where the data is stored (EEA, adequacy or neither), remote access from outside the EEA, the transfer's safeguard. */
export function StorageSection({ p }: { p: Detail }) {
  const { t, i18n } = useTranslation();
  const init = () => ({
    country: p.storage?.country ?? null,
    remoteAccessOutsideEea: p.storage?.remoteAccessOutsideEea ?? false,
    transferMechanism: p.storage?.transferMechanism ?? null,
  });
  const [f, setF, clear] = useSectionDraft(p, 'storage', init);
  const [start] = useState(init);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const body = (x: typeof f) => ({
    storage: x.country
      ? { country: x.country, remoteAccessOutsideEea: x.remoteAccessOutsideEea, transferMechanism: x.transferMechanism }
      : null,
  });
  const st = p.storage;
  const place = !st
    ? t('processors.storage.countryNone')
    : st.inEea
      ? t('processors.storage.inEea')
      : st.adequacyScope === 'partial'
        ? t('processors.storage.adequacyPartial')
        : st.adequacy
          ? t('processors.storage.adequacy')
          : t('processors.storage.outside');
  // The safeguard matters once data leaves the EEA: stored outside it, or reached from outside it.
  const leaves = (f.country !== null && !EEA_CODES.includes(f.country)) || f.remoteAccessOutsideEea;
  return (
    <Section id="storage" title={t('processors.storage.title')}>
      <Text data-testid="storage-state">{place}</Text>
      <SectionForm p={p} value={body(f)} initial={body(start)} onSaved={clear}>
        {(err) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('processors.storage.country')}
                data={countryOptions(i18n.language === 'en' ? 'en' : 'fr')}
                value={f.country}
                searchable
                clearable
                onChange={(v) => set({ country: v })}
                error={err('storage.country')}
              />
              {leaves && (
                <Select
                  label={t('processors.storage.mechanism')}
                  data={TRANSFER_MECHANISMS.map((m) => ({ value: m, label: t(`processorValues.mechanisms.${m}`) }))}
                  value={f.transferMechanism}
                  clearable
                  onChange={(v) => set({ transferMechanism: oneOf(TRANSFER_MECHANISMS, v) })}
                />
              )}
            </SimpleGrid>
            <Checkbox
              label={t('processors.storage.remoteAccess')}
              {...(f.country ? {} : { description: t('processors.storage.countryFirst') })}
              disabled={!f.country}
              checked={f.remoteAccessOutsideEea && f.country !== null}
              onChange={(e) => set({ remoteAccessOutsideEea: e.currentTarget.checked })}
            />
            {leaves && <Text size="xs">{t('processors.storage.adequacyDefault')}</Text>}
          </>
        )}
      </SectionForm>
    </Section>
  );
}

type Tri = 'yes' | 'no' | 'unknown';
const toTri = (v: boolean | null): Tri => (v === null ? 'unknown' : v ? 'yes' : 'no');
const fromTri = (v: Tri): boolean | null => (v === 'unknown' ? null : v === 'yes');

/** Yes, no, or not known yet: the answer to a question of the checklist, which can go back to "not known". */
function TriState({ label, value, onChange }: { label: string; value: Tri; onChange: (v: Tri) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} value={value} onChange={(v) => onChange(v === 'yes' || v === 'no' ? v : 'unknown')}>
      <Group gap="md" mt={4}>
        <Radio value="yes" label={t('processors.yes')} />
        <Radio value="no" label={t('processors.no')} />
        <Radio value="unknown" label={t('processors.unknown')} />
      </Group>
    </Radio.Group>
  );
}

/** The confidentiality undertaking and the security charter (the seed's checklist). */
export function CommitmentsSection({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const init = () => ({
    confidentialityUndertaking: toTri(p.confidentialityUndertaking),
    securityCharter: toTri(p.securityCharter),
  });
  const [f, setF, clear] = useSectionDraft(p, 'commitments', init);
  const [start] = useState(init);
  const body = (x: typeof f) => ({
    confidentialityUndertaking: fromTri(x.confidentialityUndertaking),
    securityCharter: fromTri(x.securityCharter),
  });
  return (
    <Section id="commitments" title={t('processors.commitments.title')}>
      <SectionForm p={p} value={body(f)} initial={body(start)} onSaved={clear}>
        {() => (
          <Stack>
            <TriState
              label={t('processors.commitments.confidentiality')}
              value={f.confidentialityUndertaking}
              onChange={(v) => setF({ ...f, confidentialityUndertaking: v })}
            />
            <TriState
              label={t('processors.commitments.charter')}
              value={f.securityCharter}
              onChange={(v) => setF({ ...f, securityCharter: v })}
            />
          </Stack>
        )}
      </SectionForm>
    </Section>
  );
}
