import { Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * Choosing a file and sending it, with its real progress said as text and as a bar; a file over `maxBytes` is refused
 * before it is sent. The chosen file is cleared once the server has it.
 */
export function FileUpload({
  words,
  maxBytes,
  send,
  percent,
}: {
  words: { label: string; clear: string; tooLarge: string; send: string; uploading: (percent: number) => string };
  maxBytes: number;
  send: UseMutationResult<unknown, Error, File>;
  percent: number;
}) {
  const [chosen, setChosen] = useState<File | null>(null);
  const tooLarge = chosen !== null && chosen.size > maxBytes;
  return (
    <>
      <Group align="end">
        <FileInput
          label={words.label}
          value={chosen}
          onChange={setChosen}
          clearable
          clearButtonProps={{ 'aria-label': words.clear }}
          error={tooLarge ? words.tooLarge : undefined}
          w={320}
        />
        <Button
          variant="default"
          disabled={!chosen || tooLarge}
          loading={send.isPending}
          onClick={() => chosen && send.mutate(chosen, { onSuccess: () => setChosen(null) })}
        >
          {words.send}
        </Button>
      </Group>
      {send.isPending && (
        <Stack gap={4} role="status">
          <Text size="sm">{words.uploading(percent)}</Text>
          <Progress value={percent} aria-label={words.uploading(percent)} />
        </Stack>
      )}
    </>
  );
}
