import {
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ProcessorActivityInput } from '../../../contracts/register.js';
import { registerRoutes } from '../../../contracts/register.routes.js';
import { call, download, keyOf } from '../../app/api.js';
import { formatDate } from '../../app/format.js';
import { usePracticeParams, useSession } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { submitWith } from '../../components/submit.js';

const FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json'] as const;

/** The register: the start assistant when it is empty, then the activities with their state, the exports, the processor register. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const s = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const params = usePracticeParams();
  const activities = useQuery({
    queryKey: keyOf(registerRoutes.list, { params }),
    queryFn: () => call(registerRoutes.list, { params }),
  });
  const templates = useQuery({
    queryKey: keyOf(registerRoutes.templates, { params }),
    queryFn: () => call(registerRoutes.templates, { params }),
  });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [addKey, setAddKey] = useState<string>('blank');
  const refresh = () => void qc.invalidateQueries({ queryKey: keyOf(registerRoutes.list, { params }) });
  const create = useMutation({
    mutationFn: async (keys: string[]) => {
      for (const k of keys) await call(registerRoutes.create, { params, body: { templateKey: k } });
    },
    onSuccess: refresh,
  });
  const addOne = useMutation({
    mutationFn: () =>
      addKey === 'blank'
        ? call(registerRoutes.create, {
            params,
            body: {
              name: t('register.start.blankName'),
              purposes: [],
              people: [],
              data: [],
              sensitive: [],
              recipients: [],
              transfers: [],
              security: [],
            },
          })
        : call(registerRoutes.create, { params, body: { templateKey: addKey } }),
    onSuccess: (a) => {
      refresh();
      void navigate(`/register/${a.id}`);
    },
  });
  const file = useMutation({
    mutationFn: (format: (typeof FORMATS)[number]) =>
      download(registerRoutes.export, `registre.${format}`, { params, query: { format } }),
  });
  const manage = s.can('register.manage');
  const items = activities.data?.items ?? [];
  const tpl = templates.data ?? [];
  const selected = chosen ?? tpl.filter((x) => x.preselected).map((x) => x.key);
  const title = (k: { title: string; titleEn: string }) => (i18n.language === 'en' ? k.titleEn : k.title);
  return (
    <Page title={t('register.title')}>
      <Text>{t('register.intro')}</Text>
      <ErrorAlert error={activities.error ?? templates.error} />
      {activities.data && items.length === 0 && manage && (
        <Section id="start" title={t('register.start.title')} intro={t('register.start.intro')}>
          {tpl.map((x) => (
            <Checkbox
              key={x.key}
              label={title(x)}
              description={i18n.language === 'en' ? x.summaryEn : x.summary}
              checked={selected.includes(x.key)}
              onChange={(e) =>
                setChosen(e.currentTarget.checked ? [...selected, x.key] : selected.filter((k) => k !== x.key))
              }
            />
          ))}
          <ErrorAlert error={create.error} />
          <Group>
            <Button onClick={() => create.mutate(selected)} loading={create.isPending} disabled={selected.length === 0}>
              {t('register.start.create')}
            </Button>
          </Group>
        </Section>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('register.list.name')}</Table.Th>
                <Table.Th scope="col">{t('register.list.status')}</Table.Th>
                <Table.Th scope="col">{t('register.list.completeness')}</Table.Th>
                <Table.Th scope="col">{t('register.list.review')}</Table.Th>
                <Table.Th scope="col">{t('register.list.dpia')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id} data-testid="activity-row">
                  <Table.Td>
                    <Link to={`/register/${a.id}`}>
                      {a.fields.ref ? `${a.fields.ref} — ${a.fields.name}` : a.fields.name}
                    </Link>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="filled"
                      color={a.status === 'validated' ? 'teal.9' : 'gray.8'}
                      style={{ overflow: 'visible' }}
                    >
                      {a.status === 'validated'
                        ? t('register.list.validated', { version: a.version })
                        : a.version > 0
                          ? t('register.list.changed', { version: a.version })
                          : t('register.list.draft')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {a.missing.length === 0
                      ? t('register.list.complete')
                      : t('register.list.missing', { count: a.missing.length })}
                  </Table.Td>
                  <Table.Td>{formatDate(a.reviewDueOn, i18n.language)}</Table.Td>
                  <Table.Td>{a.dpiaLikely ? t('register.list.dpiaLikely') : t('register.list.dpiaNo')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {items.length > 0 && manage && (
        <Group align="end">
          <Select
            label={t('register.start.add')}
            data={[
              { value: 'blank', label: t('register.start.blank') },
              ...tpl.map((x) => ({ value: x.key, label: `${t('register.start.fromTemplate')} : ${title(x)}` })),
            ]}
            value={addKey}
            allowDeselect={false}
            onChange={(v) => setAddKey(v ?? 'blank')}
            w={380}
          />
          <Button variant="default" onClick={() => addOne.mutate()} loading={addOne.isPending}>
            {t('register.start.addButton')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={addOne.error} />
      <Section id="export" title={t('register.export.title')} intro={t('register.export.help')}>
        <Group>
          {FORMATS.map((f) => (
            <Button
              key={f}
              variant="default"
              onClick={() => file.mutate(f)}
              loading={file.isPending && file.variables === f}
            >
              {f.toUpperCase()}
            </Button>
          ))}
        </Group>
        <ErrorAlert error={file.error} />
      </Section>
      <ProcessorRegister />
    </Page>
  );
}

const EMPTY = {
  clientName: '',
  clientContact: '',
  clientRepresentative: '',
  clientDpo: '',
  categories: '',
  subProcessors: '',
  transfers: '',
  security: '',
};

/** Art. 30(2): what the practice does on behalf of others, when it does. */
function ProcessorRegister() {
  const { t } = useTranslation();
  const s = useSession();
  const qc = useQueryClient();
  const params = usePracticeParams();
  const key = keyOf(registerRoutes.listProcessors, { params });
  const list = useQuery({ queryKey: key, queryFn: () => call(registerRoutes.listProcessors, { params }) });
  const [form, setForm] = useState(EMPTY);
  // The entry being edited (PUT), or null when the form adds a new one.
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: () => {
      // Empty fields are left out; the server checks the rest (the client's name is required).
      const body = Object.fromEntries(
        Object.entries(form).filter(([, v]) => v.trim() !== ''),
      ) as ProcessorActivityInput;
      return editing
        ? call(registerRoutes.updateProcessor, { params: { ...params, processorActivityId: editing }, body })
        : call(registerRoutes.createProcessor, { params, body });
    },
    onSuccess: () => {
      setForm(EMPTY);
      setEditing(null);
      refresh();
    },
  });
  const edit = (p: typeof EMPTY & { id: string }) => {
    setEditing(p.id);
    setForm(Object.fromEntries(Object.keys(EMPTY).map((k) => [k, p[k as keyof typeof EMPTY] ?? ''])) as typeof EMPTY);
  };
  const remove = useMutation({
    mutationFn: (id: string) =>
      call(registerRoutes.removeProcessor, { params: { ...params, processorActivityId: id } }),
    onSuccess: refresh,
  });
  const field = (k: keyof typeof EMPTY, long = false) =>
    long ? (
      <Textarea
        key={k}
        label={t(`register.processors.${k}`)}
        value={form[k]}
        onChange={(e) => setForm({ ...form, [k]: e.currentTarget.value })}
        autosize
        minRows={1}
        error={fieldError(add.error, k)}
      />
    ) : (
      <TextInput
        key={k}
        label={t(`register.processors.${k}`)}
        value={form[k]}
        onChange={(e) => setForm({ ...form, [k]: e.currentTarget.value })}
        error={fieldError(add.error, k)}
        required={k === 'clientName'}
      />
    );
  return (
    <Section id="processors" title={t('register.processors.title')} intro={t('register.processors.intro')}>
      {list.data?.items.length === 0 && <Text>{t('register.processors.none')}</Text>}
      {list.data?.items.map((p) => (
        <Group key={p.id} justify="space-between">
          <Text>
            <strong>{p.clientName}</strong> — {p.categories}
          </Text>
          {s.can('register.manage') && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                aria-label={t('register.processors.edit', { name: p.clientName })}
                onClick={() => edit(p)}
              >
                {t('register.processors.editShort')}
              </Button>
              <Button
                size="xs"
                variant="default"
                aria-label={t('register.processors.remove', { name: p.clientName })}
                onClick={() => remove.mutate(p.id)}
              >
                ✕
              </Button>
            </Group>
          )}
        </Group>
      ))}
      {s.can('register.manage') && (
        <form onSubmit={submitWith(() => add.mutate())}>
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {field('clientName')}
              {field('clientContact')}
              {field('clientRepresentative')}
              {field('clientDpo')}
            </SimpleGrid>
            {field('categories', true)}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {field('subProcessors', true)}
              {field('transfers', true)}
              {field('security', true)}
            </SimpleGrid>
            <ErrorAlert error={add.error ?? remove.error} />
            <Group>
              <Button type="submit" variant="default" loading={add.isPending}>
                {editing ? t('register.processors.save') : t('register.processors.add')}
              </Button>
              {editing && (
                <Button
                  variant="subtle"
                  onClick={() => {
                    setEditing(null);
                    setForm(EMPTY);
                  }}
                >
                  {t('common.cancel')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
