import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { processorRoutes } from '../../contracts/processors.routes.js';
import { call, keyOf } from '../app/api.js';
import { usePracticeParams, useSession } from '../app/session.js';

/** Links a recipient of the register to one of the practice's processors (none: the free text stays as it is). */
export function ProcessorPicker({
  value,
  onChange,
  error,
}: {
  value: string | undefined;
  onChange: (processorId: string | undefined, name: string | undefined) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const s = useSession();
  const params = usePracticeParams();
  const list = useQuery({
    queryKey: keyOf(processorRoutes.list, { params }),
    queryFn: () => call(processorRoutes.list, { params }),
    enabled: s.can('processor.read'),
  });
  if (!s.can('processor.read')) return null;
  // Recipients that are processors: not a separate or joint controller, not a relationship that has ended.
  const items = (list.data?.items ?? []).filter((p) => p.role === 'processor' && (!p.endedOn || p.id === value));
  return (
    <Select
      label={t('register.fields.processorLink')}
      description={t('register.fields.processorLinkHelp')}
      data={items.map((p) => ({ value: p.id, label: p.name }))}
      value={value ?? null}
      clearable
      searchable
      onChange={(id) => onChange(id ?? undefined, items.find((p) => p.id === id)?.name)}
      error={error}
    />
  );
}
