import { useCallback, useEffect, useState, type RefObject } from 'react';

/** A Select's value narrowed to the list it offers (Mantine's Select hands back a plain string), or null. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return values.find((v) => v === value) ?? null;
}

/**
 * A form's state kept in the tab's sessionStorage under `key`, so that what a person typed survives a reload; `clear`
 * forgets it once saved. A second tab starts from `initial` (sessionStorage is per tab) and never overwrites this one.
 */
export function useSessionDraft<T>(key: string, initial: () => T): [T, (next: T) => void, () => void] {
  // `dirty`: typed since the last save. A draft follows its key: when the key changes (the record saved elsewhere on the
  // page), what is typed is kept under the new one.
  const [state, setState] = useState<{ value: T; dirty: boolean }>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      return stored ? { value: JSON.parse(stored) as T, dirty: true } : { value: initial(), dirty: false };
    } catch {
      return { value: initial(), dirty: false };
    }
  });
  const set = useCallback((next: T) => setState({ value: next, dirty: true }), []);
  const clear = useCallback(() => {
    setState((s) => ({ ...s, dirty: false }));
    sessionStorage.removeItem(key);
  }, [key]);
  useEffect(() => {
    if (!state.dirty) return;
    try {
      sessionStorage.setItem(key, JSON.stringify(state.value));
    } catch {
      // Storage full or refused: the form still works, only without surviving a reload.
    }
  }, [key, state]);
  return [state.value, set, clear];
}

/**
 * After a refused submit, the keyboard and the screen reader go to the first field the server named (Mantine marks it
 * aria-invalid, or a group's first box), not back to the top of the page.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A group of checkboxes marks no input invalid: its error message (id "…-error") sits in the group's wrapper.
    const inGroup = form.current
      ?.querySelector('[id$="-error"]')
      ?.parentElement?.querySelector<HTMLElement>('input, textarea, select');
    (invalid ?? inGroup)?.focus();
  }, [form, error]);
}
