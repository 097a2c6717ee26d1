import { Alert, Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateProcessorInput } from '../../../contracts/processors.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { submitWith } from '../../components/submit.js';
import { useSaveProcessor } from './processor-save.js';

/** A section's form: its fields, disabled for a role that only reads, the save button, the error and the "saved" line. */
export function SectionForm({
  processorId,
  body,
  children,
}: {
  processorId: string;
  body: () => UpdateProcessorInput;
  children: (err: (path: string) => string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const manage = useSession().can('processor.manage');
  const { save, saved } = useSaveProcessor(processorId);
  return (
    <form onSubmit={submitWith(() => save.mutate(body()))} noValidate>
      <fieldset disabled={!manage} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          {children((path) => fieldError(save.error, path))}
          <ErrorAlert error={save.error} />
          {saved && (
            <Alert color="teal" role="status">
              {t('processors.fields.saved')}
            </Alert>
          )}
          {manage && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('processors.fields.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
