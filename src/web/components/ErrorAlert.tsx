import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.js';

/** The server's own message (already in the person's language), never a stack trace. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t('errors.unexpected');
  const fields = error instanceof ApiError ? error.issues.filter((i) => i.message) : [];
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      {message}
      {fields.length > 0 && (
        <ul>
          {fields.map((i) => (
            <li key={`${i.path}:${i.code}`}>{i.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** The reason for one field, to show under it. */
export const fieldError = (error: unknown, path: string): string | undefined => (error instanceof ApiError ? error.field(path) : undefined);
