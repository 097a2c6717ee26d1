import { Select } from '@mantine/core';

/** The language of a document to generate (a letter, a notice): French or English, each named in its own language. */
export function LanguageSelect({
  label,
  value,
  onChange,
  w,
}: {
  label: string;
  value: 'fr' | 'en';
  onChange: (lang: 'fr' | 'en') => void;
  w?: number;
}) {
  return (
    <Select
      label={label}
      data={[
        { value: 'fr', label: 'Français' },
        { value: 'en', label: 'English' },
      ]}
      value={value}
      allowDeselect={false}
      onChange={(v) => onChange(v === 'en' ? 'en' : 'fr')}
      {...(w ? { w } : {})}
    />
  );
}
