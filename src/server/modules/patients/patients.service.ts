import { readFlag } from '../../platform/db/codecs.js';
import type {
  CreatePatientRequest,
  PatientListResponse,
  PatientResponse,
  UpdatePatientRequest,
} from '../../../contracts/patients.js';
import { parisDate, type Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../shared/actor.js';
import { AppError, conflict } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import type { Access } from '../access/index.js';
import * as repo from './patients.repository.js';
import { guessMapping, parseCsv, planImport, type ColumnMapping, type RejectedLine } from './patients.import.rules.js';
import { patientDatesProblem, searchedBirthDate, searchKey, type PatientDates } from './patients.rules.js';

/** Rows written per statement: 17,000 parameters, under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const IMPORT_BATCH = 1000;

export interface ImportResult {
  dryRun: boolean;
  headers: string[];
  mapping: ColumnMapping;
  lines: number;
  valid: number;
  created: number;
  /** Known software ids whose data changed in the export. */
  updated: number;
  /** Known software ids with nothing new. */
  unchanged: number;
  rejected: RejectedLine[];
}

export const presentPatient = (p: repo.PatientRow): PatientResponse => ({
  id: p.id,
  externalId: p.external_id,
  lastName: p.last_name,
  firstName: p.first_name,
  birthDate: p.birth_date,
  email: p.email,
  phone: p.phone,
  address: p.address,
  lastCareOn: p.last_care_on,
  deathOn: p.death_on,
  isRestricted: readFlag(p.is_restricted),
  objectsToSms: readFlag(p.objects_to_sms),
  marketingConsent: readFlag(p.marketing_consent),
  createdAt: p.created_at,
  updatedAt: p.updated_at,
});

/** A new patient as stored, whether typed in the app or read from an import (flags off unless given). */
function newPatientRow(practiceId: string, input: CreatePatientRequest, now: string): repo.PatientRow {
  return {
    id: newId('pat'),
    practice_id: practiceId,
    external_id: input.externalId ?? null,
    last_name: input.lastName,
    first_name: input.firstName,
    birth_date: input.birthDate,
    email: input.email ?? null,
    phone: input.phone ?? null,
    address: input.address ?? null,
    last_care_on: input.lastCareOn ?? null,
    death_on: input.deathOn ?? null,
    is_restricted: input.isRestricted ? 1 : 0,
    objects_to_sms: input.objectsToSms ? 1 : 0,
    marketing_consent: input.marketingConsent ? 1 : 0,
    search_key: searchKey(input.lastName, input.firstName),
    created_at: now,
    updated_at: now,
  };
}

/**
 * The minimal patient index: what compliance work needs (identity, contact, last care, death, flags), never clinical
 * content. Every read is audited, lists included.
 */
export class PatientsService {
  constructor(
    private readonly deps: {
      access: Access;
      clock: Clock;
      /** Whether a rights request's restriction (Art. 18) is in force for the patient: it is lifted there, with its notice. */
      restrictionInForce?: (tx: Executor, practiceId: string, patientId: string) => Promise<boolean>;
    },
  ) {}

  create(actor: Actor, practiceId: string, input: CreatePatientRequest): Promise<PatientResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'patient.write', action: 'patient.created', targetType: 'patient' },
      async ({ tx, audit }) => {
        this.assertDatesPossible({
          birthDate: input.birthDate,
          lastCareOn: input.lastCareOn ?? null,
          deathOn: input.deathOn ?? null,
        });
        await this.assertExternalIdFree(tx, practiceId, input.externalId ?? null);
        const now = this.deps.clock.now().toISOString();
        const row = newPatientRow(practiceId, input, now);
        await repo.insertPatient(tx, row);
        audit.targetId = row.id;
        return presentPatient(row);
      },
    );
  }

  get(actor: Actor, practiceId: string, patientId: string): Promise<PatientResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'patient.read',
        action: 'patient.read',
        targetType: 'patient',
        targetId: patientId,
        readOnly: true,
        load: (tx) => repo.findPatient(tx, practiceId, patientId),
      },
      async (_scope, p) => presentPatient(p),
    );
  }

  search(
    actor: Actor,
    practiceId: string,
    query: { q?: string | undefined; limit: number; offset: number },
  ): Promise<PatientListResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'patient.read', action: 'patient.listed', targetType: 'patient', targetId: null, readOnly: true },
      async ({ tx, audit }) => {
        const q = query.q?.trim();
        const birth = q ? searchedBirthDate(q) : null;
        const f = birth ? { birthDate: birth } : q ? { key: searchKey(q).replace(/[%_]/g, ''), externalId: q } : {};
        const { rows, total, totalCapped } = await repo.searchPatients(tx, practiceId, {
          ...f,
          limit: query.limit,
          offset: query.offset,
        });
        // Which patients were shown is on record (ids only): a list is a read of each of them.
        audit.details = { count: rows.length, total, patientIds: rows.map((r) => r.id) };
        return { items: rows.map(presentPatient), total, totalCapped };
      },
    );
  }

  update(actor: Actor, practiceId: string, patientId: string, input: UpdatePatientRequest): Promise<PatientResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'patient.write',
        action: 'patient.updated',
        targetType: 'patient',
        targetId: patientId,
        load: (tx) => repo.findPatient(tx, practiceId, patientId),
      },
      async ({ tx, audit }, p) => {
        this.assertDatesPossible({
          birthDate: input.birthDate ?? p.birth_date,
          lastCareOn: input.lastCareOn !== undefined ? input.lastCareOn : p.last_care_on,
          deathOn: input.deathOn !== undefined ? input.deathOn : p.death_on,
        });
        if (input.externalId !== undefined && input.externalId !== p.external_id)
          await this.assertExternalIdFree(tx, practiceId, input.externalId);
        // Art. 18(3): a restriction granted on request is lifted from the request, after the person has been told.
        if (
          input.isRestricted === false &&
          readFlag(p.is_restricted) &&
          (await this.deps.restrictionInForce?.(tx, practiceId, patientId))
        ) {
          throw conflict('isRestricted', 'restriction_lift_via_request');
        }
        const bool = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
        const patch = Object.fromEntries(
          Object.entries({
            external_id: input.externalId,
            last_name: input.lastName,
            first_name: input.firstName,
            birth_date: input.birthDate,
            email: input.email,
            phone: input.phone,
            address: input.address,
            last_care_on: input.lastCareOn,
            death_on: input.deathOn,
            is_restricted: bool(input.isRestricted),
            objects_to_sms: bool(input.objectsToSms),
            marketing_consent: bool(input.marketingConsent),
          }).filter(([, v]) => v !== undefined),
        ) as Partial<repo.PatientRow>;
        const next: repo.PatientRow = { ...p, ...patch, updated_at: this.deps.clock.now().toISOString() };
        next.search_key = searchKey(next.last_name, next.first_name);
        await repo.updatePatient(tx, practiceId, patientId, {
          ...patch,
          search_key: next.search_key,
          updated_at: next.updated_at,
        });
        audit.details = { fields: Object.keys(input).sort() };
        return presentPatient(next);
      },
    );
  }

  /**
   * CSV import from the practice software's export. Every line is checked as if typed in the app; a dry run reports
   * and writes nothing; a real run writes every valid line in one transaction (all or nothing), creating new patients
   * and updating those whose software id is already known. One audit entry records the import and its counts.
   */
  /** Dates that cannot be true answer 400 on their field (patients.rules.ts). */
  private assertDatesPossible(dates: PatientDates): void {
    const problem = patientDatesProblem(dates, parisDate(this.deps.clock.now()));
    if (problem) throw new AppError('VALIDATION_FAILED', { issues: [problem] });
  }

  importCsv(
    actor: Actor,
    practiceId: string,
    input: { csv: string; mapping?: ColumnMapping | undefined; dryRun: boolean },
    onProgress?: (done: number, total: number, stage: string) => void,
  ): Promise<ImportResult> {
    const csv = parseCsv(input.csv);
    const mapping = input.mapping ?? guessMapping(csv.headers);
    const plan = planImport(csv, mapping, parisDate(this.deps.clock.now()));
    const action = input.dryRun ? 'patient.import-checked' : 'patient.imported';
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'patient.write', action, targetType: 'patient', targetId: null },
      async ({ tx, audit }) => {
        const known = new Map((await repo.patientsWithExternalId(tx, practiceId)).map((r) => [r.external_id, r]));
        const fresh = plan.valid.filter((v) => !v.patient.externalId || !known.has(v.patient.externalId));
        const existing = plan.valid.filter((v) => v.patient.externalId && known.has(v.patient.externalId));
        const total = plan.valid.length;
        let changed = 0;
        if (!input.dryRun) {
          const now = this.deps.clock.now().toISOString();
          let done = 0;
          const insert = repo.patientInserter(tx);
          for (let i = 0; i < fresh.length; i += IMPORT_BATCH) {
            const rows = fresh.slice(i, i + IMPORT_BATCH).map(({ patient }) => newPatientRow(practiceId, patient, now));
            await insert(rows);
            done += rows.length;
            onProgress?.(done, total, 'création');
          }
          for (const { patient: p } of existing) {
            // Only what the export carries is updated, and only when it changed; the flags set in Gardien (restriction,
            // objections) stay.
            const row = known.get(p.externalId!)!;
            const patch = Object.fromEntries(
              Object.entries({
                last_name: p.lastName,
                first_name: p.firstName,
                birth_date: p.birthDate,
                email: p.email,
                phone: p.phone,
                address: p.address,
                last_care_on: p.lastCareOn,
                death_on: p.deathOn,
              }).filter(([k, v]) => v !== undefined && row[k as keyof repo.PatientRow] !== v),
            );
            if (Object.keys(patch).length) {
              await repo.updatePatient(tx, practiceId, row.id, {
                ...patch,
                search_key: searchKey(p.lastName, p.firstName),
                updated_at: now,
              });
              changed++;
            }
            done++;
            if (done % IMPORT_BATCH === 0 || done === total) onProgress?.(done, total, 'mise à jour');
          }
        }
        const result: ImportResult = {
          dryRun: input.dryRun,
          headers: csv.headers,
          mapping,
          lines: csv.rows.length,
          valid: total,
          created: input.dryRun ? 0 : fresh.length,
          updated: changed,
          unchanged: input.dryRun ? 0 : existing.length - changed,
          rejected: plan.rejected,
        };
        audit.details = {
          lines: result.lines,
          valid: result.valid,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: plan.rejected.length,
          wouldCreate: fresh.length,
          wouldUpdate: existing.length,
        };
        return result;
      },
    );
  }

  /** For another module's use case, inside its transaction: the patient must belong to the practice. */
  async assertExists(tx: Executor, practiceId: string, patientId: string, field: string): Promise<repo.PatientRow> {
    const p = await repo.findPatient(tx, practiceId, patientId);
    if (!p) throw new AppError('VALIDATION_FAILED', { issues: [{ path: field, code: 'unknown_patient' }] });
    return p;
  }

  /** Sets or lifts a flag on the patient (restriction, SMS objection, marketing consent), inside the caller's transaction. */
  async setFlag(
    tx: Executor,
    practiceId: string,
    patientId: string,
    flag: 'isRestricted' | 'objectsToSms' | 'marketingConsent',
    value: boolean,
  ): Promise<void> {
    const column = (
      { isRestricted: 'is_restricted', objectsToSms: 'objects_to_sms', marketingConsent: 'marketing_consent' } as const
    )[flag];
    await repo.updatePatient(tx, practiceId, patientId, {
      [column]: value ? 1 : 0,
      updated_at: this.deps.clock.now().toISOString(),
    });
  }

  private async assertExternalIdFree(tx: Executor, practiceId: string, externalId: string | null): Promise<void> {
    if (externalId && (await repo.findByExternalId(tx, practiceId, externalId)))
      throw conflict('externalId', 'external_id_taken');
  }
}
