import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Page } from './Page.js';

/** An address the app does not know: said so, with the way home, instead of silently opening another page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Page title={t('notFound.title')}>
      <Text data-testid="not-found">{t('notFound.text', { path: pathname })}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Page>
  );
}
