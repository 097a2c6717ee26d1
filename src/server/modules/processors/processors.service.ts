import { createHash } from 'node:crypto';
import {
  MAX_CONTRACT_FILE_BYTES,
  type CreateProcessor,
  type Processor,
  type UpdateProcessor,
} from '../../../contracts/processors.js';
import { parisDate, type Clock } from '../../platform/clock.js';
import { openBytes, sealBytes } from '../../platform/crypto/secret-box.js';
import type { Executor } from '../../platform/db/database.js';
import { mediaTypeOf, type FileOut } from '../../platform/documents/file.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict, validationError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import { withoutAccents } from '../../shared/text.js';
import type { Access, UseCase } from '../access/index.js';
import type { AuditAction } from '../audit-trail/index.js';
import type { PracticesService } from '../practices/index.js';
import type { RegisterPartners, RegisterService } from '../register/index.js';
import { listHeader, listRow } from './processors.documents.js';
import type { TeamService } from '../team/index.js';
import { fieldsColumn, presentProcessor, presentReview, type StoredFields } from './processors.presenter.js';
import * as repo from './processors.repository.js';
import { contractDateProblem, nextYear } from './processors.rules.js';
import { KIND_TEMPLATES, templateOf } from './processors.templates.js';

export interface ProcessorsDeps {
  access: Access;
  clock: Clock;
  practices: PracticesService;
  team: TeamService;
  register: RegisterService;
  /** AES-256-GCM key of the installation: the signed contracts are sealed with it. */
  dataKey: Buffer;
}

const sameName = (s: string) => withoutAccents(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** The sealed file is bound to its id: a contract moved to another row does not open. */
export const contractFileContext = (id: string) => `gardien/processor-contract/${id}`;

const STORED = [
  'contact',
  'services',
  'dataCategories',
  'subProcessors',
  'activityIds',
  'storage',
  'hds',
  'contract',
  'confidentialityUndertaking',
  'securityCharter',
  'notes',
  'endedOn',
] as const;

/**
 * A change merged into what is stored: a field the body does not name keeps its value; contact, HDS and contract merge
 * field by field, the clauses and their references clause by clause, the storage too (its country needed only when none
 * is stored yet).
 */
export function mergeFields(old: StoredFields, patch: UpdateProcessor): StoredFields {
  const out: StoredFields = { ...old };
  for (const k of STORED) if (patch[k] !== undefined) (out as Record<string, unknown>)[k] = patch[k];
  if (patch.contact) out.contact = { ...old.contact, ...patch.contact };
  if (patch.storage) {
    const country = patch.storage.country ?? old.storage?.country;
    // A place without a country says nothing: the update refuses it before merging (storage.country).
    if (country) out.storage = { ...old.storage, ...patch.storage, country };
  }
  if (patch.hds) out.hds = { ...old.hds, ...patch.hds };
  if (patch.contract) {
    const c = old.contract ?? {};
    out.contract = {
      ...c,
      ...patch.contract,
      clauses: { ...c.clauses, ...patch.contract.clauses },
      references: { ...c.references, ...patch.contract.references },
    };
  }
  return out;
}

/**
 * Processors and partners: the inventory from a kind's template, the contract clause by clause, the HDS certificate,
 * the storage and transfers, the signed contract sealed at rest, the yearly review. Every read and write goes through
 * the access chokepoint with its audit entry.
 */
export class ProcessorsService {
  constructor(private readonly deps: ProcessorsDeps) {}

  private today(): string {
    return parisDate(this.deps.clock.now());
  }

  /** A use case about one processor: another practice's, or none, answers 404. */
  runOn<T>(
    actor: Actor,
    practiceId: string,
    processorId: string,
    uc: { permission: UseCase['permission']; action: AuditAction; readOnly?: boolean },
    work: (
      tx: Executor,
      row: repo.ProcessorRow,
      audit: { targetId?: string | null; details?: Record<string, unknown> },
    ) => Promise<T>,
  ): Promise<T> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        ...uc,
        targetType: 'processor',
        targetId: processorId,
        load: (tx) => repo.findProcessor(tx, practiceId, processorId),
      },
      ({ tx, audit }, row) => work(tx, row, audit),
    );
  }

  templates(actor: Actor, practiceId: string) {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'processor.read',
        action: 'processor.templates-listed',
        targetType: 'processor',
        targetId: null,
        readOnly: true,
      },
      async () => [...KIND_TEMPLATES],
    );
  }

  list(actor: Actor, practiceId: string): Promise<{ items: Processor[] }> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'processor.read',
        action: 'processor.listed',
        targetType: 'processor',
        targetId: null,
        readOnly: true,
      },
      async ({ tx, audit }) => {
        const items = await this.findAll(tx, practiceId);
        audit.details = { count: items.length };
        return { items };
      },
    );
  }

  /** Every processor of the practice as the API answers it (inside a use case that passed the chokepoint: the register's export). */
  async findAll(tx: Executor, practiceId: string): Promise<Processor[]> {
    const rows = await repo.listProcessors(tx, practiceId);
    const files = await repo.latestFiles(tx, practiceId);
    const named = await this.deps.register.activitiesNaming(tx, practiceId);
    const today = this.today();
    return rows.map((r) => presentProcessor(r, today, files.get(r.id), named.get(r.id)));
  }

  /** One processor as the API answers it (inside a use case that passed the chokepoint). */
  async present(tx: Executor, practiceId: string, row: repo.ProcessorRow): Promise<Processor> {
    const files = await repo.latestFiles(tx, practiceId, [row.id]);
    const named = await this.deps.register.activitiesNaming(tx, practiceId);
    return presentProcessor(row, this.today(), files.get(row.id), named.get(row.id));
  }

  /** The register's view of the processors (inside its use cases): their names, and their list as its exports print it. */
  partnersOfRegister(): RegisterPartners {
    return {
      names: async (tx, practiceId) => new Map((await repo.listProcessors(tx, practiceId)).map((r) => [r.id, r.name])),
      table: async (tx, practiceId, lang) => {
        const items = await this.findAll(tx, practiceId);
        return { header: listHeader(lang), rows: items.map((p) => listRow(p, lang)) };
      },
    };
  }

  get(actor: Actor, practiceId: string, processorId: string) {
    return this.runOn(
      actor,
      practiceId,
      processorId,
      { permission: 'processor.read', action: 'processor.read', readOnly: true },
      async (tx, row) => this.detail(tx, practiceId, row),
    );
  }

  private async detail(tx: Executor, practiceId: string, row: repo.ProcessorRow) {
    const names = await this.deps.team.memberNames(tx, practiceId);
    const reviews = await repo.findReviews(tx, practiceId, row.id);
    return { ...(await this.present(tx, practiceId, row)), reviews: reviews.map((r) => presentReview(r, names)) };
  }

  /**
   * Checks what a person typed against the practice: dates that cannot be true (the contract as it will be), and the
   * register activities the request names (an activity deleted since stays linked until the links are changed).
   */
  private async check(tx: Executor, practiceId: string, f: StoredFields, activityIds?: string[]): Promise<void> {
    const problem = contractDateProblem(f.contract ?? {}, this.today());
    if (problem) throw validationError(problem.path, problem.code);
    if (activityIds?.length) {
      const known = await this.deps.register.activityNames(tx, practiceId);
      const i = activityIds.findIndex((id) => !known.has(id));
      if (i >= 0) throw validationError(`activityIds.${i}`, 'unknown_activity');
    }
  }

  /** One record per partner: a second one with the same name (accents, case and spaces aside) is refused while the first runs. */
  private async checkName(tx: Executor, practiceId: string, name: string, self: string | null): Promise<void> {
    const key = sameName(name);
    const today = this.today();
    for (const r of await repo.listProcessors(tx, practiceId)) {
      if (r.id === self || sameName(r.name) !== key) continue;
      const ended = fieldsColumn.read(r.fields).endedOn;
      if (!ended || ended > today) throw conflict('name', 'processor_exists');
    }
  }

  create(actor: Actor, practiceId: string, input: CreateProcessor) {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'processor.manage', action: 'processor.created', targetType: 'processor' },
      async ({ tx, audit }) => {
        const fields: StoredFields = {};
        for (const k of STORED) if (input[k] !== undefined) (fields as Record<string, unknown>)[k] = input[k];
        await this.check(tx, practiceId, fields, input.activityIds);
        await this.checkName(tx, practiceId, input.name, null);
        const now = this.deps.clock.now().toISOString();
        const row: repo.ProcessorRow = {
          id: newId('prc'),
          practice_id: practiceId,
          name: input.name,
          kind: input.kind,
          role: input.role ?? 'processor',
          handles_health_data: input.handlesHealthData ? 1 : 0,
          hosts_health_data:
            (input.hostsHealthData ?? (input.handlesHealthData && templateOf(input.kind).hostsHealthData)) ? 1 : 0,
          fields: JSON.stringify(fields),
          // Art. 28 contracts are reviewed every year (the seed's yearly ritual): the first, a year after it was added.
          review_due_on: nextYear(this.today()),
          last_reviewed_on: null,
          created_by: actorId(actor),
          created_at: now,
          updated_at: now,
        };
        await repo.insertProcessor(tx, row);
        const p = presentProcessor(row, this.today(), null);
        audit.targetId = row.id;
        audit.details = {
          kind: row.kind,
          role: row.role,
          hds: p.hds.status,
          missingClauses: p.contract.missingClauses.length,
        };
        return p;
      },
    );
  }

  update(actor: Actor, practiceId: string, processorId: string, input: UpdateProcessor) {
    return this.runOn(
      actor,
      practiceId,
      processorId,
      { permission: 'processor.manage', action: 'processor.updated' },
      async (tx, row, audit) => {
        if (input.expectedUpdatedAt && input.expectedUpdatedAt !== row.updated_at)
          throw conflict('expectedUpdatedAt', 'changed_elsewhere');
        const stored = fieldsColumn.read(row.fields);
        if (input.storage && !input.storage.country && !stored.storage)
          throw validationError('storage.country', 'required');
        const fields = mergeFields(stored, input);
        await this.check(tx, practiceId, fields, input.activityIds);
        if (input.name !== undefined) await this.checkName(tx, practiceId, input.name, processorId);
        const patch = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.role !== undefined ? { role: input.role } : {}),
          ...(input.handlesHealthData !== undefined ? { handles_health_data: input.handlesHealthData ? 1 : 0 } : {}),
          ...(input.hostsHealthData !== undefined ? { hosts_health_data: input.hostsHealthData ? 1 : 0 } : {}),
          fields: JSON.stringify(fields),
          updated_at: this.deps.clock.now().toISOString(),
        };
        await repo.updateProcessor(tx, practiceId, processorId, patch);
        const d = await this.detail(tx, practiceId, { ...row, ...patch });
        audit.details = {
          changed: Object.keys(input)
            .filter((k) => k !== 'expectedUpdatedAt')
            .sort(),
          hds: d.hds.status,
          missingClauses: d.contract.missingClauses.length,
        };
        return d;
      },
    );
  }

  /** The yearly review: who checked what and when; the next one falls due a year later. */
  review(actor: Actor, practiceId: string, processorId: string, input: { checked: string[]; note: string }) {
    return this.runOn(
      actor,
      practiceId,
      processorId,
      { permission: 'processor.manage', action: 'processor.reviewed' },
      async (tx, row, audit) => {
        const today = this.today();
        const review: repo.ReviewRow = {
          id: newId('prv'),
          practice_id: practiceId,
          processor_id: processorId,
          reviewed_on: today,
          reviewed_by: actorId(actor),
          checked: JSON.stringify(input.checked),
          note: input.note,
          created_at: this.deps.clock.now().toISOString(),
        };
        await repo.insertReview(tx, review);
        const patch = { last_reviewed_on: today, review_due_on: nextYear(today) };
        await repo.updateProcessor(tx, practiceId, processorId, patch);
        audit.details = { reviewId: review.id, checked: input.checked, nextDueOn: patch.review_due_on };
        return this.detail(tx, practiceId, { ...row, ...patch });
      },
    );
  }

  /** The signed contract, sealed with AES-256-GCM bound to its id before it reaches the database; the latest one counts. */
  uploadContract(
    actor: Actor,
    practiceId: string,
    processorId: string,
    meta: { name: string; type?: string | undefined },
    content: unknown,
  ) {
    return this.runOn(
      actor,
      practiceId,
      processorId,
      { permission: 'processor.manage', action: 'processor.contract-uploaded' },
      async (tx, row, audit) => {
        if (!Buffer.isBuffer(content) || content.length === 0) throw validationError('file', 'file_required');
        if (content.length > MAX_CONTRACT_FILE_BYTES)
          throw validationError('file', 'file_too_large', { max: MAX_CONTRACT_FILE_BYTES });
        const id = newId('pcf');
        const file: repo.FileRow = {
          id,
          practice_id: practiceId,
          processor_id: processorId,
          name: meta.name,
          media_type: mediaTypeOf(meta.name, meta.type),
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content: sealBytes(this.deps.dataKey, content, contractFileContext(id)),
          uploaded_at: this.deps.clock.now().toISOString(),
          uploaded_by: actorId(actor),
        };
        await repo.insertFile(tx, file);
        audit.details = { fileId: id, size: file.size, sha256: file.sha256 };
        return this.detail(tx, practiceId, row);
      },
    );
  }

  contractFile(actor: Actor, practiceId: string, processorId: string): Promise<FileOut> {
    return this.runOn(
      actor,
      practiceId,
      processorId,
      { permission: 'processor.read', action: 'processor.contract-downloaded' },
      async (tx, _row, audit) => {
        const f = await repo.findLatestFile(tx, practiceId, processorId);
        if (!f) throw new AppError('NOT_FOUND');
        audit.details = { fileId: f.id };
        return {
          filename: f.name,
          contentType: f.media_type,
          body: openBytes(this.deps.dataKey, f.content, contractFileContext(f.id)),
        };
      },
    );
  }
}
