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
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      return stored ? (JSON.parse(stored) as T) : initial();
    } catch {
      return initial();
    }
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or refused: the form still works, only without surviving a reload.
      }
    },
    [key],
  );
  const clear = useCallback(() => sessionStorage.removeItem(key), [key]);
  return [value, set, clear];
}

/**
 * After a refused submit, the keyboard and the screen reader go to the first field the server named (Mantine marks it
 * aria-invalid), not back to the top of the page.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (!error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
}
