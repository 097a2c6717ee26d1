import { Checkbox, MultiSelect, Radio, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROCESSOR_DATA, PROCESSOR_ROLES } from '../../../contracts/processors.js';
import { DATA_KINDS, SENSITIVE_KINDS } from '../../../contracts/register.js';
import { oneOf } from '../../app/forms.js';

/** The register's data vocabulary named in the reader's language (the Art. 9 categories after the others). */
function useDataOptions() {
  const { t } = useTranslation();
  return [
    ...DATA_KINDS.map((c) => ({ value: c, label: t(`registerValues.data.${c}`) })),
    ...SENSITIVE_KINDS.map((c) => ({ value: c, label: t(`registerValues.sensitive.${c}`) })),
  ];
}

type Role = (typeof PROCESSOR_ROLES)[number];
interface Value {
  role: Role;
  handlesHealthData: boolean;
  hostsHealthData: boolean;
  services: string;
  dataCategories: (typeof PROCESSOR_DATA)[number][];
}

/**
 * What a partner is for the practice: its role (each with its one-line meaning), the two health-data questions that
 * decide the HDS rule (keeping health data for the practice is handling it: ticking the second ticks the first,
 * unticking the first unticks both), its services and the data it receives.
 */
export function ProcessorBasics({
  value,
  onChange,
  err,
}: {
  value: Value;
  onChange: (patch: Partial<Value>) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const dataOptions = useDataOptions();
  return (
    <>
      <Radio.Group
        label={t('processors.fields.role')}
        value={value.role}
        onChange={(v) => onChange({ role: oneOf(PROCESSOR_ROLES, v) ?? value.role })}
      >
        <Stack gap={6} mt={4}>
          {PROCESSOR_ROLES.map((r) => (
            <Radio
              key={r}
              value={r}
              label={t(`processorValues.roles.${r}`)}
              description={t(`processorValues.roleHelp.${r}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Checkbox
        label={t('processors.fields.handlesHealthData')}
        checked={value.handlesHealthData}
        onChange={(e) =>
          onChange(
            e.currentTarget.checked
              ? { handlesHealthData: true }
              : { handlesHealthData: false, hostsHealthData: false },
          )
        }
      />
      <Checkbox
        label={t('processors.fields.hostsHealthData')}
        description={t('processors.fields.hostsHealthDataHelp')}
        checked={value.hostsHealthData}
        onChange={(e) =>
          onChange(
            e.currentTarget.checked ? { hostsHealthData: true, handlesHealthData: true } : { hostsHealthData: false },
          )
        }
      />
      <Textarea
        label={t('processors.fields.services')}
        value={value.services}
        onChange={(e) => onChange({ services: e.currentTarget.value })}
        autosize
        minRows={2}
        error={err('services')}
      />
      <MultiSelect
        label={t('processors.fields.dataCategories')}
        data={dataOptions}
        value={value.dataCategories}
        onChange={(v) => onChange({ dataCategories: v.map((x) => oneOf(PROCESSOR_DATA, x)).filter((x) => x !== null) })}
        error={err('dataCategories')}
      />
    </>
  );
}
