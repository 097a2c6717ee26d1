import type { FormEvent } from 'react';

/** A form's onSubmit that keeps the browser from navigating and runs the step (a mutation) instead. */
export const submitWith =
  (run: () => void) =>
  (e: FormEvent): void => {
    e.preventDefault();
    run();
  };
