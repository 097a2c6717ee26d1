import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patientRoutes } from '../../contracts/patients.routes.js';
import { call, keyOf } from '../app/api.js';
import { formatDate } from '../app/format.js';
import { usePracticeParams, useSession } from '../app/session.js';

/** Finds a patient of the index by name, birth date or software id, as the person types (each search is audited). */
export function PatientPicker({
  value,
  onChange,
  label,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const q = search.trim();
  const input = { params: usePracticeParams(), query: { limit: 20, q } };
  const found = useQuery({
    queryKey: keyOf(patientRoutes.search, input),
    queryFn: () => call(patientRoutes.search, input),
    enabled: q.length >= 2 && s.can('patient.read') && q !== chosen?.label,
  });
  const options = (found.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.lastName} ${p.firstName} (${formatDate(p.birthDate, i18n.language)})`,
  }));
  // The chosen patient stays an option while the search text shows its label.
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      label={label}
      description={t('patients.pickerHelp')}
      searchable
      clearable
      data={data}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={q.length >= 2 ? t('patients.noneFound') : t('patients.typeMore')}
      error={error}
    />
  );
}
