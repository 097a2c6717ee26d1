import { Alert, Button, Group, Stack } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateProcessorInput } from '../../../contracts/processors.js';
import { useFocusFirstError, useSessionDraft } from '../../app/forms.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { submitWith } from '../../components/submit.js';
import { type Detail, useSaveProcessor } from './processor-save.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a section changed: the fields (and the fields of a nested object, the clauses one by one) that differ from what
 * it started from. The server merges, so a change made meanwhile elsewhere in the record is not sent back over.
 */
export function changes(now: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(now)) {
    const b = before[k];
    if (JSON.stringify(v) === JSON.stringify(b)) continue;
    if (isObject(v) && isObject(b)) {
      const inner = changes(v, b);
      if (Object.keys(inner).length) out[k] = inner;
    } else out[k] = v;
  }
  return out;
}

/**
 * A section's state, started from the processor as the server answered it and kept in the tab across a reload until
 * it is saved (the key names the version it was started from: a newer version starts afresh).
 */
export function useSectionDraft<T>(p: Detail, section: string, init: () => T) {
  return useSessionDraft<T>(`gardien.processor.${p.id}.${section}.${p.updatedAt}`, init);
}

/**
 * A section's form: its fields, disabled for a role that only reads, the save button, the error and the "saved" line.
 * It sends what changed since it started, with the version it started from: if the processor changed meanwhile (in
 * another tab, by a colleague), the server answers 409 and nothing is overwritten.
 */
export function SectionForm({
  p,
  value,
  initial,
  onSaved,
  children,
}: {
  p: Detail;
  /** The section's fields now, and as it started, in the request's shape. */
  value: UpdateProcessorInput;
  initial: UpdateProcessorInput;
  onSaved?: () => void;
  children: (err: (path: string) => string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const manage = useSession().can('processor.manage');
  const { save, saved } = useSaveProcessor(p.id);
  // What the section last saved: the next save sends only what changed after it.
  const [base, setBase] = useState(initial);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, save.error);
  const submit = () => {
    const body = changes(value, base) as UpdateProcessorInput;
    if (Object.keys(body).length === 0) return;
    save.mutate(
      { ...body, expectedUpdatedAt: p.updatedAt },
      {
        onSuccess: () => {
          setBase(value);
          onSaved?.();
        },
      },
    );
  };
  return (
    <form ref={form} onSubmit={submitWith(submit)} noValidate>
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
