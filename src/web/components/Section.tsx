import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a page: a card named by its heading (h2), an optional line of explanation, an optional action. */
export function Section({
  id,
  title,
  intro,
  action,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id={`${id}-title`}>
            {title}
          </Title>
          {action}
        </Group>
        {intro && <Text size="sm">{intro}</Text>}
        {children}
      </Stack>
    </Card>
  );
}
