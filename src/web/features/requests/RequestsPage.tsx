import { Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { rightsRequestRoutes } from '../../../contracts/rights-requests.routes.js';
import { requestAnswerRoutes } from '../../../contracts/request-answers.routes.js';
import { call, download, keyOf } from '../../app/api.js';
import { formatDate, todayInParis } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';

/** Patients' requests, soonest due first: what is open, or everything. */
export function RequestsPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const navigate = useNavigate();
  // The filter lives in the URL (?all), so a reload or a second tab shows the same list.
  const [search, setSearch] = useSearchParams();
  const open = search.has('all') ? 'false' : 'true';
  const setOpen = (v: string) => setSearch(v === 'true' ? {} : { all: '' }, { replace: true });
  const params = usePracticeParams();
  const listed = { params, query: { limit: 200, ...(open === 'true' ? { open: 'true' as const } : {}) } };
  const list = useQuery({
    queryKey: keyOf(rightsRequestRoutes.list, listed),
    queryFn: () => call(rightsRequestRoutes.list, listed),
  });
  const today = todayInParis();
  const file = useMutation({
    mutationFn: (format: 'pdf' | 'csv' | 'xlsx') =>
      download(requestAnswerRoutes.exportRegister, `registre.${format}`, { params, query: { format } }),
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
            onClick={() => file.mutate(f)}
            loading={file.isPending && file.variables === f}
          >
            {t(`answers.register.${f}`)}
          </Button>
        ))}
      </Group>
      <Text size="sm">{t('answers.register.help')}</Text>
      <ErrorAlert error={file.error} />
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
