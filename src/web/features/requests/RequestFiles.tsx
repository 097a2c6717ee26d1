import { Button, Group, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ANSWER_FILE_BYTES } from '../../../contracts/request-answers.js';
import { requestAnswerRoutes } from '../../../contracts/request-answers.routes.js';
import { call, download, upload } from '../../app/api.js';
import { formatInstant } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FileUpload } from '../../components/FileUpload.js';
import { Section } from '../../components/Section.js';
import { type Detail, useRefresh, useRequestParams } from './RequestAnswer.js';

/** The files of the answer: uploaded with their real progress, encrypted on the server, bundled into a ZIP. */
export function FilesSection({ d }: { d: Detail }) {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const refresh = useRefresh();
  const params = useRequestParams(d.id);
  const [percent, setPercent] = useState(0);
  const closed = ['answered', 'refused', 'withdrawn'].includes(d.status);
  const send = useMutation({
    mutationFn: (f: File) => {
      setPercent(0);
      const query = { name: f.name, ...(f.type ? { type: f.type } : {}) };
      return upload(requestAnswerRoutes.uploadFile, { params, query }, f, setPercent);
    },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => call(requestAnswerRoutes.deleteFile, { params: { ...params, fileId } }),
    onSuccess: refresh,
  });
  // A file of the answer (its id), or the whole answer as a ZIP (no id).
  const file = useMutation({
    mutationFn: ({ fileId, name }: { fileId?: string; name: string }) =>
      fileId
        ? download(requestAnswerRoutes.fileContent, name, { params: { ...params, fileId } })
        : download(requestAnswerRoutes.answerZip, name, { params }),
  });
  if (!s.can('request.manage')) return null;
  return (
    <Section id="files" title={t('answers.files.title')} intro={t('answers.files.intro')}>
      {d.files.length === 0 ? (
        <Text>{t('answers.files.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('answers.files.name')}</Table.Th>
                <Table.Th scope="col">{t('answers.files.size')}</Table.Th>
                <Table.Th scope="col">{t('answers.files.uploaded')}</Table.Th>
                <Table.Th scope="col">{t('answers.files.title')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.files.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{t('answers.files.kib', { size: Math.max(1, Math.round(f.size / 1024)) })}</Table.Td>
                  <Table.Td>{formatInstant(f.uploadedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('answers.files.download', { name: f.name })}
                        onClick={() => file.mutate({ fileId: f.id, name: f.name })}
                      >
                        ↓
                      </Button>
                      {!closed && (
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          aria-label={t('answers.files.remove', { name: f.name })}
                          onClick={() => remove.mutate(f.id)}
                        >
                          ✕
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {d.status !== 'withdrawn' && (
        <FileUpload
          words={{
            label: t('answers.files.add'),
            clear: t('answers.files.clear'),
            tooLarge: t('answers.files.tooLarge'),
            send: t('answers.files.upload'),
            uploading: (p) => t('answers.files.uploading', { percent: p }),
          }}
          maxBytes={MAX_ANSWER_FILE_BYTES}
          send={send}
          percent={percent}
        />
      )}
      <ErrorAlert error={send.error ?? remove.error ?? file.error} />
      {(d.files.length > 0 || d.letters.length > 0) && (
        <Group>
          <Button
            variant="default"
            loading={file.isPending && !file.variables?.fileId}
            onClick={() => file.mutate({ name: 'reponse.zip' })}
          >
            {t('answers.files.zip')}
          </Button>
        </Group>
      )}
    </Section>
  );
}
