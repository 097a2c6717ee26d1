import { Checkbox, Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROCESSOR_ROLES } from '../../../contracts/processors.js';
import { oneOf } from '../../app/forms.js';

type Role = (typeof PROCESSOR_ROLES)[number];
interface Value {
  role: Role;
  handlesHealthData: boolean;
  hostsHealthData: boolean;
}

/**
 * The role (each with its one-line meaning) and the two health-data questions that decide the HDS rule: keeping health
 * data for the practice is handling it, so ticking the second ticks the first, and unticking the first unticks both.
 */
export function RoleAndHealthData({ value, onChange }: { value: Value; onChange: (patch: Partial<Value>) => void }) {
  const { t } = useTranslation();
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
    </>
  );
}
