import { Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RightsRequestListResponseSchema } from '../../../contracts/rights-requests.js';
import { api, downloadFile } from '../../app/api.js';
import { formatDate, todayInParis } from '../../app/format.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';

/** Patients' requests, soonest due first: what is open, or everything. */
export function RequestsPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState('true');
  const list = useQuery({
    queryKey: ['practice', s.practiceId, 'requests', open],
    queryFn: () =>
      api(
        'GET',
        `/api/v1/practices/${s.practiceId}/rights-requests?limit=200${open === 'true' ? '&open=true' : ''}`,
        RightsRequestListResponseSchema,
      ),
  });
  const today = todayInParis();
  const download = useMutation({
    mutationFn: (format: 'pdf' | 'csv' | 'xlsx') =>
      downloadFile(`/api/v1/practices/${s.practiceId}/rights-requests/export?format=${format}`, `registre.${format}`),
  });
  return (
    <Page
      title={t('requests.title')}
      actions={
        s.can('request.manage') && <Button onClick={() => void navigate('/requests/new')}>{t('requests.new')}</Button>
      }
    >
      <Text>{t('requests.intro')}</Text>
      <Group>
        {(['pdf', 'csv', 'xlsx'] as const).map((f) => (
          <Button
            key={f}
            variant="default"
            onClick={() => download.mutate(f)}
            loading={download.isPending && download.variables === f}
          >
            {t(`answers.register.${f}`)}
          </Button>
        ))}
      </Group>
      <Text size="sm">{t('answers.register.help')}</Text>
      <ErrorAlert error={download.error} />
      <SegmentedControl
        aria-label={t('requests.show')}
        value={open}
        onChange={setOpen}
        data={[
          { value: 'true', label: t('requests.open') },
          { value: 'false', label: t('requests.all') },
        ]}
        w="fit-content"
      />
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && (
        <Text>{open === 'true' ? t('requests.noneOpen') : t('requests.none')}</Text>
      )}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('requests.dueOn')}</Table.Th>
                <Table.Th scope="col">{t('requests.kind')}</Table.Th>
                <Table.Th scope="col">{t('requests.requester')}</Table.Th>
                <Table.Th scope="col">{t('requests.receivedOn')}</Table.Th>
                <Table.Th scope="col">{t('requests.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id} data-testid="request-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.dueOn ? (
                      <Badge
                        variant="filled"
                        style={{ overflow: 'visible' }}
                        color={r.dueOn < today && !r.closedOn ? 'red.9' : 'teal.9'}
                      >
                        {formatDate(r.dueOn, i18n.language)}
                      </Badge>
                    ) : (
                      t('requests.suspended')
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Link to={`/requests/${r.id}`}>{t(`requestKinds.${r.kind}`)}</Link>
                  </Table.Td>
                  <Table.Td>{r.requester.name}</Table.Td>
                  <Table.Td>{formatDate(r.receivedOn, i18n.language)}</Table.Td>
                  <Table.Td>{t(`requestStatuses.${r.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  );
}
