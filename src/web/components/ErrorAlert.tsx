import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.js';

/** A reason shown on its own starts with a capital letter (the server's reasons are written to follow a field name). */
export const asSentence = (s: string): string => s.charAt(0).toLocaleUpperCase('fr-FR') + s.slice(1);

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
            <li key={`${i.path}:${i.code}`}>{asSentence(i.message!)}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** The reason for one field, to show under it. */
export const fieldError = (error: unknown, path: string): string | undefined => {
  const reason = error instanceof ApiError ? error.field(path) : undefined;
  return reason ? asSentence(reason) : undefined;
};
