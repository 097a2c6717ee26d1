import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { GUIDES, type BreachResponse } from '../../../contracts/breaches.js';
import { breachRoutes } from '../../../contracts/breaches.routes.js';
import { call, download, keyOf } from '../../app/api.js';
import { formatInstant, useNow } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';

/** The badge of a breach's 72-hour clock: hours left, passed, notified, or no notification decided. */
function ClockBadge({ b }: { b: BreachResponse }) {
  const { t } = useTranslation();
  const now = useNow();
  if (b.decision?.decision === 'record_only')
    return (
      <Badge color="gray.8" variant="filled">
        {t('breaches.notRequired')}
      </Badge>
    );
  if (b.notifiedAt)
    return (
      <Badge color="teal.9" variant="filled">
        {t('breaches.notifiedShort')}
      </Badge>
    );
  const hours = Math.floor((Date.parse(b.notifyBy) - now) / 3_600_000);
  if (hours < 0)
    return (
      <Badge color="red.9" variant="filled">
        {t('breaches.passedShort')}
      </Badge>
    );
  return (
    <Badge color={hours <= 24 ? 'red.9' : 'blue.9'} variant="filled">
      {t('breaches.left', { hours })}
    </Badge>
  );
}

/** The breaches, the guided starts for the difficult situations, and the register to download. */
export function BreachesPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const navigate = useNavigate();
  const params = usePracticeParams();
  const list = useQuery({
    queryKey: keyOf(breachRoutes.list, { params, query: { limit: 200 } }),
    queryFn: () => call(breachRoutes.list, { params, query: { limit: 200 } }),
  });
  const file = useMutation({
    mutationFn: (format: 'pdf' | 'csv' | 'xlsx') =>
      download(breachRoutes.exportRegister, `registre.${format}`, { params, query: { format } }),
  });
  return (
    <Page
      title={t('breaches.title')}
      actions={
        s.can('breach.report') && (
          <Button color="red.9" onClick={() => void navigate('/breaches/new')}>
            {t('breaches.report')}
          </Button>
        )
      }
    >
      <Text>{t('breaches.intro')}</Text>
      {s.can('breach.report') && (
        <Stack gap="xs" component="section" aria-labelledby="guides-title">
          <Title order={2} size="h3" id="guides-title">
            {t('breaches.guidesTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {GUIDES.map((g) => (
              <UnstyledButton
                key={g}
                onClick={() => void navigate(`/breaches/new?guide=${g}`)}
                data-testid={`guide-${g}`}
              >
                <Card withBorder padding="sm" h="100%">
                  <Text fw={600}>{t(`breachValues.guides.${g}`)}</Text>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      <ErrorAlert error={list.error ?? file.error} />
      {list.data && list.data.items.length === 0 && <Text>{t('breaches.none')}</Text>}
      {list.data && list.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('breaches.colAware')}</Table.Th>
                <Table.Th scope="col">{t('breaches.colTitle')}</Table.Th>
                <Table.Th scope="col">{t('breaches.colDeadline')}</Table.Th>
                <Table.Th scope="col">{t('breaches.colDecision')}</Table.Th>
                <Table.Th scope="col">{t('breaches.colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((b) => (
                <Table.Tr key={b.id} data-testid="breach-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatInstant(b.awareAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Link to={`/breaches/${b.id}`}>{b.title}</Link>
                  </Table.Td>
                  <Table.Td>{b.status === 'closed' ? '—' : <ClockBadge b={b} />}</Table.Td>
                  <Table.Td>{b.decision ? t(`breachValues.decisions.${b.decision.decision}`) : '—'}</Table.Td>
                  <Table.Td>{b.status === 'closed' ? t('breaches.statusClosed') : t('breaches.statusOpen')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack gap="xs" component="section" aria-labelledby="register-title">
        <Title order={2} size="h3" id="register-title">
          {t('breaches.registerTitle')}
        </Title>
        <Text size="sm">{t('breaches.registerHelp')}</Text>
        <Group>
          <Button
            variant="default"
            onClick={() => file.mutate('pdf')}
            loading={file.isPending && file.variables === 'pdf'}
          >
            {t('breaches.exportPdf')}
          </Button>
          <Button
            variant="default"
            onClick={() => file.mutate('csv')}
            loading={file.isPending && file.variables === 'csv'}
          >
            {t('breaches.exportCsv')}
          </Button>
          <Button
            variant="default"
            onClick={() => file.mutate('xlsx')}
            loading={file.isPending && file.variables === 'xlsx'}
          >
            {t('breaches.exportXlsx')}
          </Button>
        </Group>
      </Stack>
    </Page>
  );
}
