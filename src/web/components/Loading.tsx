import { Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What a page shows while its data loads: a spinner announced as a status. A bare `<Loader aria-label>` renders a span
 * with no role, on which aria-label is not allowed (axe: aria-prohibited-attr), and is not announced.
 */
export function Loading() {
  const { t } = useTranslation();
  return <Loader role="status" aria-label={t('app.loading')} />;
}
