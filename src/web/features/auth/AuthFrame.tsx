import { Box, Center, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.js';

/** The frame of the screens before the work: setup, sign-in, second factor, lock, forced password change. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Box component="main" mih="100vh" p="md" bg="gray.0">
      <Center mih="90vh">
        <Paper withBorder shadow="sm" p="xl" w="100%" maw={520}>
          <Stack>
            <Group justify="space-between">
              <Text fw={700} size="lg" component="span">
                {t('app.name')}
              </Text>
              <SegmentedControl
                aria-label={t('nav.language')}
                size="xs"
                value={i18n.language}
                onChange={(v) => s.setLanguage(v as 'fr' | 'en')}
                data={[
                  { value: 'fr', label: 'FR' },
                  { value: 'en', label: 'EN' },
                ]}
              />
            </Group>
            <Title order={1} size="h2">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
