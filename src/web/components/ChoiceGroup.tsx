import { Checkbox, Group } from '@mantine/core';

/** A labelled group of checkboxes over a closed list of values (the contract's), with the field's error. */
export function ChoiceGroup<T extends string>({
  label,
  values,
  value,
  onChange,
  labelOf,
  error,
  required,
}: {
  label: string;
  values: readonly T[];
  value: T[];
  onChange: (v: T[]) => void;
  labelOf: (v: T) => string;
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <Checkbox.Group label={label} value={value} onChange={(v) => onChange(v)} error={error} withAsterisk={required}>
      <Group mt={4} gap="sm">
        {values.map((v) => (
          <Checkbox key={v} value={v} label={labelOf(v)} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
