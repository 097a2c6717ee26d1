import { Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  PROCESSOR_DATA,
  PROCESSOR_KINDS,
  PROCESSOR_ROLES,
  type KindTemplate,
  type ProcessorKind,
} from '../../../contracts/processors.js';
import { processorRoutes } from '../../../contracts/processors.routes.js';
import { call, keyOf } from '../../app/api.js';
import { oneOf, useFocusFirstError, useSessionDraft } from '../../app/forms.js';
import { usePracticeParams } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { Loading } from '../../components/Loading.js';
import { Page } from '../../components/Page.js';
import { submitWith } from '../../components/submit.js';
import { countryOptions } from './countries.js';
import { ProcessorBasics } from './ProcessorBasics.js';

interface Draft {
  name: string;
  role: (typeof PROCESSOR_ROLES)[number];
  handlesHealthData: boolean;
  hostsHealthData: boolean;
  services: string;
  dataCategories: (typeof PROCESSOR_DATA)[number][];
  country: string | null;
  signedOn: string;
}

const fromTemplate = (k: KindTemplate, lang: 'fr' | 'en'): Draft => ({
  name: '',
  role: k.role,
  handlesHealthData: k.handlesHealthData,
  hostsHealthData: k.hostsHealthData,
  services: k.services[lang],
  dataCategories: k.dataCategories,
  country: 'FR',
  signedOn: '',
});

/** Adding a processor: the kind first (its template fills in the rest), then what differs; the kind lives in the URL. */
export function NewProcessorPage() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const kind = oneOf(PROCESSOR_KINDS, search.get('kind'));
  const params = usePracticeParams();
  const templates = useQuery({
    queryKey: keyOf(processorRoutes.templates, { params }),
    queryFn: () => call(processorRoutes.templates, { params }),
  });
  return (
    <Page title={t('processors.new.title')}>
      {templates.isPending && <Loading />}
      <ErrorAlert error={templates.error} />
      {templates.data && !kind && (
        <Stack gap="xs">
          <Text fw={600}>{t('processors.new.chooseKind')}</Text>
          <Text size="sm">{t('processors.new.chooseKindHelp')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {templates.data.map((k) => (
              <UnstyledButton key={k.kind} onClick={() => setSearch({ kind: k.kind })} data-testid={`kind-${k.kind}`}>
                <Card withBorder padding="sm" h="100%">
                  <Text fw={600}>{t(`processorValues.kinds.${k.kind}`)}</Text>
                  <Text size="sm">{k.services[i18n.language === 'en' ? 'en' : 'fr']}</Text>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {templates.data && kind && (
        <NewProcessorForm
          kind={kind}
          template={templates.data.find((k) => k.kind === kind)!}
          onOtherKind={() => setSearch({})}
        />
      )}
    </Page>
  );
}

function NewProcessorForm({
  kind,
  template,
  onOtherKind,
}: {
  kind: ProcessorKind;
  template: KindTemplate;
  onOtherKind: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const params = usePracticeParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [d, setD, clear] = useSessionDraft<Draft>(`gardien.new-processor.${params.practiceId}.${kind}`, () =>
    fromTemplate(template, lang),
  );
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const save = useMutation({
    mutationFn: () =>
      call(processorRoutes.create, {
        params,
        body: {
          name: d.name,
          kind,
          role: d.role,
          handlesHealthData: d.handlesHealthData,
          hostsHealthData: d.hostsHealthData,
          services: d.services,
          dataCategories: d.dataCategories,
          ...(d.country ? { storage: { country: d.country } } : {}),
          ...(d.signedOn ? { contract: { signedOn: d.signedOn } } : {}),
        },
      }),
    onSuccess: (p) => {
      clear();
      void qc.invalidateQueries({ queryKey: keyOf(processorRoutes.list, { params }) });
      void navigate(`/processors/${p.id}`);
    },
  });
  const err = (path: string) => fieldError(save.error, path);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, save.error);
  return (
    <form ref={form} onSubmit={submitWith(() => save.mutate())} noValidate>
      <Stack>
        <Group>
          <Text fw={600}>{t('processors.fields.kindIs', { kind: t(`processorValues.kinds.${kind}`) })}</Text>
          <Button variant="subtle" size="xs" onClick={onOtherKind}>
            {t('processors.new.otherKind')}
          </Button>
        </Group>
        <TextInput
          label={t('processors.new.name')}
          description={t('processors.new.nameHelp')}
          value={d.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          required
          error={err('name')}
          data-autofocus
        />
        <ProcessorBasics value={d} onChange={set} err={err} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('processors.storage.country')}
            data={countryOptions(lang)}
            value={d.country}
            onChange={(v) => set({ country: v })}
            searchable
            clearable
            error={err('storage.country')}
          />
          <TextInput
            type="date"
            label={t('processors.contract.signedOn')}
            value={d.signedOn}
            onChange={(e) => set({ signedOn: e.currentTarget.value })}
            error={err('contract.signedOn')}
          />
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('processors.new.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
