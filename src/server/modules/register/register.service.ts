import { z } from 'zod';
import {
  ActivityInputSchema,
  ProcessorActivityInputSchema,
  type ActivityFields,
  type ActivityInput,
} from '../../../contracts/register.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { CSV_TYPE, DOCX_TYPE, PDF_TYPE, XLSX_TYPE, type FileOut } from '../../platform/documents/file.js';
import type { Lang } from '../../platform/http/messages.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict, validationError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import { type Access, type UseCase } from '../access/index.js';
import type { AuditAction } from '../audit-trail/index.js';
import type { PatientsService } from '../patients/index.js';
import type { PracticesService } from '../practices/index.js';
import type { TeamService } from '../team/index.js';
import { registerCsv, registerDocx, registerJson, registerPdf, registerXlsx } from './register.documents.js';
import { fieldsOf, presentActivity, presentProcessor } from './register.presenter.js';
import * as repo from './register.repository.js';
import * as reads from './register.reads.js';
import { runInRegister } from './register.scope.js';
import { adaptTemplate, fingerprint, missingFields, reviewDueOn, unknownPartner } from './register.rules.js';
import { templateByKey, templates } from './register.templates.js';
import { parisDate } from '../../platform/clock.js';

export interface RegisterDeps {
  access: Access;
  clock: Clock;
  practices: PracticesService;
  team: TeamService;
  patients: PatientsService;
  /** The practice's processors, for the recipients that name one and the register's exports (processors module). */
  partners?: RegisterPartners;
}

/** What the register needs of the processors: their names by id, and their list as the exports print it. */
export interface RegisterPartners {
  names(tx: Executor, practiceId: string): Promise<Map<string, string>>;
  table(tx: Executor, practiceId: string, lang: Lang): Promise<{ header: string[]; rows: string[][] }>;
}

type ProcessorInput = z.output<typeof ProcessorActivityInputSchema>;

/**
 * The register of processing activities: dental templates, drafts, validation by the owner into immutable dated
 * versions with a review due twelve months later, the processor register, the exports, and the patient information
 * generated from it. Every read and write goes through the access chokepoint with its audit entry.
 */
export class RegisterService {
  constructor(private readonly deps: RegisterDeps) {}

  /** run, on one activity of the register: missing (or another practice's) answers 404. */
  private runOnActivity<T>(
    actor: Actor,
    practiceId: string,
    permission: UseCase['permission'],
    action: AuditAction,
    activityId: string,
    work: (
      tx: Executor,
      audit: { targetId?: string | null; details?: Record<string, unknown> },
      r: repo.ActivityRow,
    ) => Promise<T>,
  ): Promise<T> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission,
        action,
        targetType: 'register',
        targetId: activityId,
        load: (tx) => repo.findActivity(tx, practiceId, activityId),
      },
      ({ tx, audit }, r) => work(tx, audit, r),
    );
  }

  /** A recipient may name one of the practice's processors, never another practice's or one that does not exist. */
  private async checkPartners(tx: Executor, practiceId: string, fields: ActivityFields): Promise<void> {
    if (!fields.recipients.some((r) => r.processorId)) return;
    const path = unknownPartner(fields, (await this.deps.partners?.names(tx, practiceId)) ?? new Map());
    if (path) throw validationError(path, 'unknown_processor');
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }

  templates(actor: Actor, practiceId: string) {
    return runInRegister(
      this.deps.access,
      actor,
      practiceId,
      'register.read',
      'register.templates-listed',
      null,
      async (tx) => {
        const practice = await this.deps.practices.identity(tx, practiceId);
        return templates().map((t) => ({ ...t, fields: adaptTemplate(t.fields, practice) }));
      },
    );
  }

  list(actor: Actor, practiceId: string) {
    return runInRegister(
      this.deps.access,
      actor,
      practiceId,
      'register.read',
      'register.listed',
      null,
      async (tx, audit) => {
        const items = (await repo.listActivities(tx, practiceId)).map(presentActivity);
        audit.details = { count: items.length };
        return { items };
      },
    );
  }

  /** From a template (the start assistant) or from the full fields. */
  create(actor: Actor, practiceId: string, input: { templateKey: string } | ActivityInput) {
    return runInRegister(
      this.deps.access,
      actor,
      practiceId,
      'register.manage',
      'register.activity-created',
      null,
      async (tx, audit) => {
        let fields: ActivityFields;
        let templateKey: string | null = null;
        if ('templateKey' in input) {
          const t = templateByKey(input.templateKey);
          if (!t)
            throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'templateKey', code: 'unknown_template' }] });
          fields = adaptTemplate(t.fields, await this.deps.practices.identity(tx, practiceId));
          templateKey = t.key;
        } else fields = ActivityInputSchema.parse(input);
        await this.checkPartners(tx, practiceId, fields);
        const now = this.now();
        const row: repo.ActivityRow = {
          id: newId('act'),
          practice_id: practiceId,
          template_key: templateKey,
          status: 'draft',
          fields: JSON.stringify(fields),
          version: 0,
          validated_at: null,
          validated_by: null,
          review_due_on: null,
          created_by: actorId(actor),
          created_at: now,
          updated_at: now,
        };
        await repo.insertActivity(tx, row);
        audit.targetId = row.id;
        audit.details = { templateKey, name: fields.name };
        return presentActivity(row);
      },
    );
  }

  get(actor: Actor, practiceId: string, activityId: string) {
    return this.runOnActivity(
      actor,
      practiceId,
      'register.read',
      'register.read',
      activityId,
      async (tx, _audit, r) => {
        const versions = await repo.findVersions(tx, practiceId, activityId);
        return {
          ...presentActivity(r),
          versions: versions.map((v) => ({
            version: Number(v.version),
            validatedAt: v.validated_at,
            validatedBy: v.validated_by,
            fields: fieldsOf(v),
            sha256: v.sha256,
          })),
        };
      },
    );
  }

  /** Any change makes the activity a draft again until the owner validates it; the validated versions stay as they were. */
  update(actor: Actor, practiceId: string, activityId: string, input: ActivityInput) {
    return this.runOnActivity(
      actor,
      practiceId,
      'register.manage',
      'register.activity-updated',
      activityId,
      async (tx, audit, r) => {
        const fields = ActivityInputSchema.parse(input);
        await this.checkPartners(tx, practiceId, fields);
        const patch = { fields: JSON.stringify(fields), status: 'draft' as const, updated_at: this.now() };
        await repo.updateActivity(tx, practiceId, activityId, patch);
        audit.details = { name: fields.name, version: Number(r.version) };
        return presentActivity({ ...r, ...patch });
      },
    );
  }

  /** Only an activity never validated can be deleted: a validated one is part of the register's history. */
  remove(actor: Actor, practiceId: string, activityId: string) {
    return this.runOnActivity(
      actor,
      practiceId,
      'register.manage',
      'register.activity-deleted',
      activityId,
      async (tx, audit, r) => {
        if (Number(r.version) > 0) throw conflict('', 'activity_validated_kept');
        await repo.deleteActivity(tx, practiceId, activityId);
        audit.details = { name: fieldsOf(r).name };
        return { ok: true as const };
      },
    );
  }

  /** The owner validates: a dated, immutable version with its fingerprint; the review falls due twelve months later. */
  validate(actor: Actor, practiceId: string, activityId: string) {
    return this.runOnActivity(
      actor,
      practiceId,
      'register.validate',
      'register.activity-validated',
      activityId,
      async (tx, audit, r) => {
        if (r.status === 'validated') throw conflict('', 'already_validated');
        const fields = fieldsOf(r);
        const missing = missingFields(fields);
        if (missing.length > 0)
          throw new AppError('CONFLICT', { issues: missing.map((path) => ({ path, code: 'activity_incomplete' })) });
        const now = this.deps.clock.now();
        const version = Number(r.version) + 1;
        const sha256 = fingerprint(fields);
        await repo.insertVersion(tx, {
          id: newId('acv'),
          practice_id: practiceId,
          activity_id: activityId,
          version,
          fields: JSON.stringify(fields),
          sha256,
          validated_at: now.toISOString(),
          validated_by: actorId(actor),
        });
        const patch = {
          status: 'validated' as const,
          version,
          validated_at: now.toISOString(),
          validated_by: actorId(actor),
          review_due_on: reviewDueOn(now),
          updated_at: now.toISOString(),
        };
        await repo.updateActivity(tx, practiceId, activityId, patch);
        audit.details = { version, sha256, reviewDueOn: patch.review_due_on };
        return presentActivity({ ...r, ...patch });
      },
    );
  }

  /** The whole register as PDF, DOCX, XLSX, CSV or JSON, from live data. */
  async export(
    actor: Actor,
    practiceId: string,
    format: 'pdf' | 'docx' | 'xlsx' | 'csv' | 'json',
    lang: Lang,
  ): Promise<FileOut> {
    const data = await runInRegister(
      this.deps.access,
      actor,
      practiceId,
      'register.read',
      'register.exported',
      null,
      async (tx, audit) => {
        const activities = (await repo.listActivities(tx, practiceId)).map(presentActivity);
        const processors = (await repo.listProcessors(tx, practiceId)).map(presentProcessor);
        audit.details = { format, activities: activities.length, processors: processors.length };
        return {
          activities,
          processors,
          practice: await this.deps.practices.identity(tx, practiceId),
          names: await this.deps.team.memberNames(tx, practiceId),
          partnerNames: (await this.deps.partners?.names(tx, practiceId)) ?? new Map<string, string>(),
          partners: (await this.deps.partners?.table(tx, practiceId, lang)) ?? { header: [], rows: [] },
        };
      },
    );
    const now = this.deps.clock.now();
    const d = { ...data, asOf: parisDate(now), generatedAt: now.toISOString() };
    const base = `${lang === 'fr' ? 'registre-traitements' : 'processing-register'}-${d.asOf}`;
    switch (format) {
      case 'pdf':
        return { filename: `${base}.pdf`, contentType: PDF_TYPE, body: await registerPdf(d, lang) };
      case 'docx':
        return {
          filename: `${base}.docx`,
          contentType: DOCX_TYPE,
          body: await registerDocx(d, lang),
        };
      case 'xlsx':
        return { filename: `${base}.xlsx`, contentType: XLSX_TYPE, body: await registerXlsx(d, lang, now) };
      case 'csv':
        return { filename: `${base}.csv`, contentType: CSV_TYPE, body: registerCsv(d, lang) };
      case 'json':
        return { filename: `${base}.json`, contentType: 'application/json; charset=utf-8', body: registerJson(d) };
    }
  }

  listProcessors(actor: Actor, practiceId: string) {
    return runInRegister(this.deps.access, actor, practiceId, 'register.read', 'register.listed', null, async (tx) => ({
      items: (await repo.listProcessors(tx, practiceId)).map(presentProcessor),
    }));
  }

  createProcessor(actor: Actor, practiceId: string, input: ProcessorInput) {
    return runInRegister(
      this.deps.access,
      actor,
      practiceId,
      'register.manage',
      'register.processor-saved',
      null,
      async (tx, audit) => {
        const now = this.now();
        const row = {
          id: newId('pra'),
          practice_id: practiceId,
          fields: JSON.stringify(input),
          created_at: now,
          updated_at: now,
        };
        await repo.insertProcessor(tx, row);
        audit.targetId = row.id;
        return presentProcessor(row);
      },
    );
  }

  updateProcessor(actor: Actor, practiceId: string, id: string, input: ProcessorInput) {
    return runInRegister(
      this.deps.access,
      actor,
      practiceId,
      'register.manage',
      'register.processor-saved',
      id,
      async (tx) => {
        const r = await repo.findProcessor(tx, practiceId, id);
        if (!r) throw new AppError('NOT_FOUND');
        const patch = { fields: JSON.stringify(input), updated_at: this.now() };
        await repo.updateProcessor(tx, practiceId, id, patch);
        return presentProcessor({ ...r, ...patch });
      },
    );
  }

  removeProcessor(actor: Actor, practiceId: string, id: string) {
    return runInRegister(
      this.deps.access,
      actor,
      practiceId,
      'register.manage',
      'register.processor-deleted',
      id,
      async (tx) => {
        if (!(await repo.findProcessor(tx, practiceId, id))) throw new AppError('NOT_FOUND');
        await repo.deleteProcessor(tx, practiceId, id);
        return { ok: true as const };
      },
    );
  }

  // Reads for other modules' use cases, inside their transaction once they passed the chokepoint (register.reads.ts).
  patientActivities = reads.patientActivities;
  activityNames = reads.activityNames;
  activitiesNaming = reads.activitiesNaming;
}
