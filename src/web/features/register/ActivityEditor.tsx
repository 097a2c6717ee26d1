import { Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { dynamicKey } from '../../i18n/index.js';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ART9_CONDITIONS,
  DATA_KINDS,
  DPIA_CRITERIA,
  LEGAL_BASES,
  PEOPLE,
  RECIPIENT_TYPES,
  SAFEGUARDS,
  SECURITY_MEASURES,
  SENSITIVE_KINDS,
} from '../../../contracts/register.js';
import { registerRoutes } from '../../../contracts/register.routes.js';
import { call } from '../../app/api.js';
import { usePracticeParams } from '../../app/session.js';
import { ErrorAlert, fieldError } from '../../components/ErrorAlert.js';
import { type Fields, type CategoryRow } from './ActivityPage.js';
import { submitWith } from '../../components/submit.js';
import { oneOf } from '../../app/forms.js';
import { ProcessorPicker } from '../../components/ProcessorPicker.js';

/** A list of rows of the same shape, each removable, with an add button. */
function Rows<T>({
  title,
  rows,
  onChange,
  blank,
  render,
  describe,
}: {
  title: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: T;
  render: (row: T, set: (patch: Partial<T>) => void, i: number) => ReactNode;
  describe: (row: T) => string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Title order={3} size="h5" component="legend">
        {title}
      </Title>
      {rows.map((row, i) => (
        <Card key={i} withBorder padding="xs">
          <Group align="end" wrap="nowrap">
            <div style={{ flex: 1 }}>
              {render(row, (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))), i)}
            </div>
            <Button
              size="xs"
              variant="default"
              aria-label={t('register.fields.remove', { n: i + 1, what: describe(row) || title })}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ✕
            </Button>
          </Group>
        </Card>
      ))}
      <Group>
        <Button size="xs" variant="default" onClick={() => onChange([...rows, blank])}>
          {t('register.fields.add')} — {title}
        </Button>
      </Group>
    </Stack>
  );
}

/** One row of a kind from a closed list and its details (people, recipients, security measures). */
function KindAndDetails<K extends string>(p: {
  kindLabel: string;
  data: { value: K; label: string }[];
  kind: K;
  onKind: (kind: K) => void;
  details: string;
  onDetails: (details: string) => void;
  /** The details must be given (recipients), with the server's message for that row when it refused them. */
  detailsRequired?: boolean;
  detailsError?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select
        label={p.kindLabel}
        data={p.data}
        value={p.kind}
        allowDeselect={false}
        onChange={(v) =>
          p.onKind(
            oneOf(
              p.data.map((d) => d.value),
              v,
            ) ?? p.kind,
          )
        }
      />
      <TextInput
        label={t('register.fields.details')}
        value={p.details}
        onChange={(e) => p.onDetails(e.currentTarget.value)}
        required={p.detailsRequired ?? false}
        error={p.detailsError}
      />
    </SimpleGrid>
  );
}

/** The CNIL fiche's rubrics as a form; saving makes the activity a draft until the owner validates it again. */
export function ActivityEditor({
  initial,
  activityId,
  onSaved,
}: {
  initial: Fields;
  activityId: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const params = { ...usePracticeParams(), activityId };
  const [f, setF] = useState<Fields>(initial);
  const save = useMutation({ mutationFn: () => call(registerRoutes.update, { params, body: f }), onSuccess: onSaved });
  const set = (patch: Partial<Fields>) => setF({ ...f, ...patch });
  const opts = <T extends string>(family: string, values: readonly T[]) =>
    values.map((v) => ({ value: v, label: t(dynamicKey(`registerValues.${family}.${v}`)) }));
  const err = (p: string) => fieldError(save.error, p);
  const retention = (
    r: { active: string; archive: string; deletion: string },
    setR: (r: { active: string; archive: string; deletion: string }) => void,
    at: string,
  ) => (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput
        label={t('register.fields.active')}
        value={r.active}
        onChange={(e) => setR({ ...r, active: e.currentTarget.value })}
        error={err(`${at}.retention.active`)}
      />
      <TextInput
        label={t('register.fields.archive')}
        value={r.archive}
        onChange={(e) => setR({ ...r, archive: e.currentTarget.value })}
      />
      <TextInput
        label={t('register.fields.deletion')}
        value={r.deletion}
        onChange={(e) => setR({ ...r, deletion: e.currentTarget.value })}
      />
    </SimpleGrid>
  );
  // The data and the sensitive data: a category, a description and its retention each.
  const categoryRows = (key: 'data' | 'sensitive', values: readonly string[], blankCategory: string) => (
    <Rows<CategoryRow>
      title={t(`register.fields.${key}`)}
      rows={f[key]}
      onChange={(rows) => set({ [key]: rows })}
      blank={{ category: blankCategory, description: '', retention: { active: '', archive: '', deletion: '' } }}
      describe={(r) => t(dynamicKey(`registerValues.${key}.${r.category}`))}
      render={(r, setR, i) => (
        <Stack gap={4}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('register.fields.category')}
              data={opts(key, values)}
              value={r.category}
              allowDeselect={false}
              onChange={(v) => setR({ category: v ?? r.category })}
            />
            <TextInput
              label={t('register.fields.description')}
              value={r.description}
              onChange={(e) => setR({ description: e.currentTarget.value })}
            />
          </SimpleGrid>
          {retention(r.retention, (retention) => setR({ retention }), `${key}.${i}`)}
        </Stack>
      )}
    />
  );
  return (
    <Card withBorder component="section" aria-labelledby="editor-title">
      <form onSubmit={submitWith(() => save.mutate())}>
        <Stack>
          <Title order={2} size="h3" id="editor-title">
            {t('register.fields.general')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('register.fields.name')}
              value={f.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              required
              error={err('name')}
            />
            <TextInput
              label={t('register.fields.ref')}
              value={f.ref}
              onChange={(e) => set({ ref: e.currentTarget.value })}
              error={err('ref')}
            />
            <TextInput
              label={t('register.fields.software')}
              value={f.software}
              onChange={(e) => set({ software: e.currentTarget.value })}
            />
            <TextInput
              label={t('register.fields.jointController')}
              value={f.jointController}
              onChange={(e) => set({ jointController: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Rows
            title={t('register.fields.purposes')}
            rows={f.purposes}
            onChange={(purposes) => set({ purposes })}
            blank={{ purpose: '', legalBasis: null, art9Condition: null }}
            describe={(r) => r.purpose}
            render={(r, setR, i) => (
              <Stack gap={4}>
                <TextInput
                  label={t('register.fields.purpose')}
                  value={r.purpose}
                  onChange={(e) => setR({ purpose: e.currentTarget.value })}
                  required
                  error={err(`purposes.${i}.purpose`)}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label={t('register.fields.legalBasis')}
                    data={opts('legalBases', LEGAL_BASES)}
                    value={r.legalBasis}
                    onChange={(v) => setR({ legalBasis: v })}
                    clearable
                  />
                  <Select
                    label={t('register.fields.art9Condition')}
                    data={opts('art9', ART9_CONDITIONS)}
                    value={r.art9Condition}
                    onChange={(v) => setR({ art9Condition: v })}
                    clearable
                    placeholder={t('register.fields.none')}
                  />
                </SimpleGrid>
              </Stack>
            )}
          />
          <Rows
            title={t('register.fields.people')}
            rows={f.people}
            onChange={(people) => set({ people })}
            blank={{ category: 'patients' as const, details: '' }}
            describe={(r) => t(`registerValues.people.${r.category}`)}
            render={(r, setR) => (
              <KindAndDetails
                kindLabel={t('register.fields.category')}
                data={opts('people', PEOPLE)}
                kind={r.category}
                onKind={(category) => setR({ category })}
                details={r.details}
                onDetails={(details) => setR({ details })}
              />
            )}
          />
          {categoryRows('data', DATA_KINDS, 'identity')}
          {categoryRows('sensitive', SENSITIVE_KINDS, 'health')}
          <Rows
            title={t('register.fields.recipients')}
            rows={f.recipients}
            onChange={(recipients) => set({ recipients })}
            blank={{ type: 'internal' as const, details: '' }}
            describe={(r) => r.details}
            render={(r, setR, i) => (
              <>
                <KindAndDetails
                  kindLabel={t('register.fields.type')}
                  data={opts('recipients', RECIPIENT_TYPES)}
                  kind={r.type}
                  onKind={(type) => setR({ type })}
                  details={r.details}
                  onDetails={(details) => setR({ details })}
                  detailsRequired
                  detailsError={err(`recipients.${i}.details`)}
                />
                {r.type === 'processor' && (
                  <ProcessorPicker
                    value={r.processorId}
                    onChange={(processorId, name) => setR({ processorId, details: r.details || name || '' })}
                    error={err(`recipients.${i}.processorId`)}
                  />
                )}
              </>
            )}
          />
          <Rows
            title={t('register.fields.transfers')}
            rows={f.transfers}
            onChange={(transfers) => set({ transfers })}
            blank={{ recipient: '', country: '', safeguard: 'scc' as const, documentation: '' }}
            describe={(r) => r.recipient}
            render={(r, setR, i) => (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('register.fields.recipient')}
                  value={r.recipient}
                  onChange={(e) => setR({ recipient: e.currentTarget.value })}
                  required
                  error={err(`transfers.${i}.recipient`)}
                />
                <TextInput
                  label={t('register.fields.country')}
                  value={r.country}
                  onChange={(e) => setR({ country: e.currentTarget.value })}
                  required
                  error={err(`transfers.${i}.country`)}
                />
                <Select
                  label={t('register.fields.safeguard')}
                  data={opts('safeguards', SAFEGUARDS)}
                  value={r.safeguard}
                  allowDeselect={false}
                  onChange={(v) => setR({ safeguard: v ?? r.safeguard })}
                />
                <TextInput
                  label={t('register.fields.documentation')}
                  value={r.documentation}
                  onChange={(e) => setR({ documentation: e.currentTarget.value })}
                />
              </SimpleGrid>
            )}
          />
          <Rows
            title={t('register.fields.security')}
            rows={f.security}
            onChange={(security) => set({ security })}
            blank={{ type: 'access_control' as const, details: '' }}
            describe={(r) => t(`registerValues.security.${r.type}`)}
            render={(r, setR) => (
              <KindAndDetails
                kindLabel={t('register.fields.type')}
                data={opts('security', SECURITY_MEASURES)}
                kind={r.type}
                onKind={(type) => setR({ type })}
                details={r.details}
                onDetails={(details) => setR({ details })}
              />
            )}
          />
          <Checkbox.Group
            label={t('register.fields.dpia')}
            description={t('register.fields.dpiaHelp')}
            value={f.dpiaCriteria}
            onChange={(v) => set({ dpiaCriteria: v })}
          >
            <Stack gap={4} mt={4}>
              {DPIA_CRITERIA.map((c) => (
                <Checkbox key={c} value={c} label={t(`registerValues.dpia.${c}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Textarea
            label={t('register.fields.notes')}
            value={f.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
            autosize
            minRows={2}
          />
          <ErrorAlert error={save.error} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('register.activity.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
