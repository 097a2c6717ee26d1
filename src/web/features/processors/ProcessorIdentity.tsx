import {
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROCESSOR_KINDS } from '../../../contracts/processors.js';
import { registerRoutes } from '../../../contracts/register.routes.js';
import { call, keyOf } from '../../app/api.js';
import { oneOf } from '../../app/forms.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { Section } from '../../components/Section.js';
import { countryOptions } from './countries.js';
import type { Detail } from './processor-save.js';
import { ProcessorBasics } from './ProcessorBasics.js';
import { SectionForm, useSectionDraft } from './ProcessorForm.js';

type Sub = Detail['subProcessors'][number];

/** Who the provider is, what it does, what it receives, for which activities, and its own sub-processors. */
export function IdentitySection({ p }: { p: Detail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const s = useSession();
  const practice = usePracticeParams();
  const activities = useQuery({
    queryKey: keyOf(registerRoutes.list, { params: practice }),
    queryFn: () => call(registerRoutes.list, { params: practice }),
    enabled: s.can('register.read'),
  });
  const init = () => ({
    name: p.name,
    kind: p.kind,
    role: p.role,
    handlesHealthData: p.handlesHealthData,
    hostsHealthData: p.hostsHealthData,
    services: p.services,
    dataCategories: p.dataCategories,
    contact: p.contact,
    activityIds: p.activityIds,
    subProcessors: p.subProcessors,
    notes: p.notes,
  });
  const [f, setF, clear] = useSectionDraft(p, 'identity', init);
  const [start] = useState(init);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });
  const setSub = (i: number, patch: Partial<Sub>) =>
    set({ subProcessors: f.subProcessors.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
  return (
    <Section id="identity" title={t('processors.page.identityTitle')}>
      <SectionForm p={p} value={f} initial={start} onSaved={clear}>
        {(err) => (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('processors.new.name')}
                value={f.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
                required
                error={err('name')}
              />
              <Select
                label={t('processors.fields.kind')}
                data={PROCESSOR_KINDS.map((k) => ({ value: k, label: t(`processorValues.kinds.${k}`) }))}
                value={f.kind}
                allowDeselect={false}
                onChange={(v) => set({ kind: oneOf(PROCESSOR_KINDS, v) ?? f.kind })}
              />
            </SimpleGrid>
            <ProcessorBasics value={f} onChange={set} err={err} />
            {activities.data && (
              <MultiSelect
                label={t('processors.fields.activities')}
                description={t('processors.fields.activitiesHelp')}
                data={activities.data.items.map((a) => ({ value: a.id, label: a.fields.name }))}
                value={f.activityIds}
                onChange={(v) => set({ activityIds: v })}
                error={err('activityIds')}
              />
            )}
            {activities.data && p.namedByActivityIds.length > 0 && (
              <Text size="sm" data-testid="named-by">
                {t('processors.fields.namedBy', {
                  names: activities.data.items
                    .filter((a) => p.namedByActivityIds.includes(a.id))
                    .map((a) => a.fields.name)
                    .join(', '),
                })}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('processors.fields.contactName')}
                value={f.contact.name}
                onChange={(e) => set({ contact: { ...f.contact, name: e.currentTarget.value } })}
              />
              <TextInput
                type="email"
                label={t('processors.fields.contactEmail')}
                value={f.contact.email}
                onChange={(e) => set({ contact: { ...f.contact, email: e.currentTarget.value } })}
                error={err('contact.email')}
              />
              <TextInput
                label={t('processors.fields.contactPhone')}
                value={f.contact.phone}
                onChange={(e) => set({ contact: { ...f.contact, phone: e.currentTarget.value } })}
              />
              <Textarea
                label={t('processors.fields.contactAddress')}
                value={f.contact.address}
                onChange={(e) => set({ contact: { ...f.contact, address: e.currentTarget.value } })}
                autosize
              />
            </SimpleGrid>
            <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Title order={3} size="h5" component="legend">
                {t('processors.fields.subProcessors')}
              </Title>
              {f.subProcessors.map((x, i) => (
                <Card key={i} withBorder padding="xs">
                  <Group align="end" wrap="wrap">
                    <TextInput
                      label={t('processors.fields.subName')}
                      value={x.name}
                      onChange={(e) => setSub(i, { name: e.currentTarget.value })}
                      error={err(`subProcessors.${i}.name`)}
                    />
                    <Select
                      label={t('processors.fields.subCountry')}
                      data={countryOptions(lang)}
                      value={x.country}
                      allowDeselect={false}
                      searchable
                      onChange={(v) => setSub(i, { country: v ?? x.country })}
                    />
                    <TextInput
                      label={t('processors.fields.subPurpose')}
                      value={x.purpose}
                      onChange={(e) => setSub(i, { purpose: e.currentTarget.value })}
                    />
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={t('processors.fields.removeSub', { n: i + 1 })}
                      onClick={() => set({ subProcessors: f.subProcessors.filter((_, j) => j !== i) })}
                    >
                      ✕
                    </Button>
                  </Group>
                </Card>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => set({ subProcessors: [...f.subProcessors, { name: '', country: 'FR', purpose: '' }] })}
                >
                  {t('processors.fields.addSub')}
                </Button>
              </Group>
            </Stack>
            <Textarea
              label={t('processors.fields.notes')}
              value={f.notes}
              onChange={(e) => set({ notes: e.currentTarget.value })}
              autosize
            />
          </>
        )}
      </SectionForm>
    </Section>
  );
}
