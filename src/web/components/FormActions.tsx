import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The end of every form: its submit button (busy while saving) and "Annuler". */
export function FormActions({ submit, pending, onCancel }: { submit: string; pending: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
