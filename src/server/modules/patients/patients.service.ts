import type { CreatePatientRequest, PatientResponse, UpdatePatientRequest } from '../../../contracts/patients.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import type { Access } from '../access/index.js';
import * as repo from './patients.repository.js';
import { searchKey } from './patients.rules.js';

export const presentPatient = (p: repo.PatientRow): PatientResponse => ({
  id: p.id, externalId: p.external_id, lastName: p.last_name, firstName: p.first_name, birthDate: p.birth_date, email: p.email, phone: p.phone,
  address: p.address, lastCareOn: p.last_care_on, deathOn: p.death_on, isRestricted: Number(p.is_restricted) === 1, objectsToSms: Number(p.objects_to_sms) === 1,
  marketingConsent: Number(p.marketing_consent) === 1, createdAt: p.created_at, updatedAt: p.updated_at,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The minimal patient index: what compliance work needs (identity, contact, last care, death, flags), never clinical
 * content. Every read is audited, lists included.
 */
export class PatientsService {
  constructor(private readonly deps: { access: Access; clock: Clock }) {}

  create(actor: Actor, practiceId: string, input: CreatePatientRequest): Promise<PatientResponse> {
    return this.deps.access.run(actor, practiceId, { permission: 'patient.write', action: 'patient.created', targetType: 'patient' }, async ({ tx, audit }) => {
      await this.assertExternalIdFree(tx, practiceId, input.externalId ?? null);
      const now = this.deps.clock.now().toISOString();
      const row: repo.PatientRow = {
        id: newId('pat'), practice_id: practiceId, external_id: input.externalId ?? null, last_name: input.lastName, first_name: input.firstName,
        birth_date: input.birthDate, email: input.email ?? null, phone: input.phone ?? null, address: input.address ?? null, last_care_on: input.lastCareOn ?? null,
        death_on: input.deathOn ?? null, is_restricted: input.isRestricted ? 1 : 0, objects_to_sms: input.objectsToSms ? 1 : 0, marketing_consent: input.marketingConsent ? 1 : 0,
        search_key: searchKey(input.lastName, input.firstName), created_at: now, updated_at: now,
      };
      await repo.insertPatient(tx, row);
      audit.targetId = row.id;
      return presentPatient(row);
    });
  }

  get(actor: Actor, practiceId: string, patientId: string): Promise<PatientResponse> {
    return this.deps.access.run(actor, practiceId, { permission: 'patient.read', action: 'patient.read', targetType: 'patient', targetId: patientId }, async ({ tx }) => {
      const p = await repo.findPatient(tx, practiceId, patientId);
      if (!p) throw new AppError('NOT_FOUND');
      return presentPatient(p);
    });
  }

  search(actor: Actor, practiceId: string, query: { q?: string | undefined; limit: number; offset: number }): Promise<{ items: PatientResponse[]; total: number }> {
    return this.deps.access.run(actor, practiceId, { permission: 'patient.read', action: 'patient.listed', targetType: 'patient', targetId: null }, async ({ tx, audit }) => {
      const q = query.q?.trim();
      const f = q && DATE.test(q) ? { birthDate: q } : q ? { key: searchKey(q).replace(/[%_]/g, ''), externalId: q } : {};
      const { rows, total } = await repo.searchPatients(tx, practiceId, { ...f, limit: query.limit, offset: query.offset });
      // Which patients were shown is on record (ids only): a list is a read of each of them.
      audit.details = { count: rows.length, total, patientIds: rows.map((r) => r.id) };
      return { items: rows.map(presentPatient), total };
    });
  }

  update(actor: Actor, practiceId: string, patientId: string, input: UpdatePatientRequest): Promise<PatientResponse> {
    return this.deps.access.run(actor, practiceId, { permission: 'patient.write', action: 'patient.updated', targetType: 'patient', targetId: patientId }, async ({ tx, audit }) => {
      const p = await repo.findPatient(tx, practiceId, patientId);
      if (!p) throw new AppError('NOT_FOUND');
      if (input.externalId !== undefined && input.externalId !== p.external_id) await this.assertExternalIdFree(tx, practiceId, input.externalId);
      const bool = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
      const patch = Object.fromEntries(
        Object.entries({
          external_id: input.externalId, last_name: input.lastName, first_name: input.firstName, birth_date: input.birthDate, email: input.email, phone: input.phone,
          address: input.address, last_care_on: input.lastCareOn, death_on: input.deathOn, is_restricted: bool(input.isRestricted), objects_to_sms: bool(input.objectsToSms),
          marketing_consent: bool(input.marketingConsent),
        }).filter(([, v]) => v !== undefined),
      ) as Partial<repo.PatientRow>;
      const next: repo.PatientRow = { ...p, ...patch, updated_at: this.deps.clock.now().toISOString() };
      next.search_key = searchKey(next.last_name, next.first_name);
      await repo.updatePatient(tx, practiceId, patientId, { ...patch, search_key: next.search_key, updated_at: next.updated_at });
      audit.details = { fields: Object.keys(input).sort() };
      return presentPatient(next);
    });
  }

  /** For another module's use case, inside its transaction: the patient must belong to the practice. */
  async assertExists(tx: Executor, practiceId: string, patientId: string, field: string): Promise<repo.PatientRow> {
    const p = await repo.findPatient(tx, practiceId, patientId);
    if (!p) throw new AppError('VALIDATION_FAILED', { issues: [{ path: field, code: 'unknown_patient' }] });
    return p;
  }

  /** Sets or lifts a flag on the patient (restriction, SMS objection, marketing consent), inside the caller's transaction. */
  async setFlag(tx: Executor, practiceId: string, patientId: string, flag: 'is_restricted' | 'objects_to_sms' | 'marketing_consent', value: boolean): Promise<void> {
    await repo.updatePatient(tx, practiceId, patientId, { [flag]: value ? 1 : 0, updated_at: this.deps.clock.now().toISOString() });
  }

  private async assertExternalIdFree(tx: Executor, practiceId: string, externalId: string | null): Promise<void> {
    if (externalId && (await repo.findByExternalId(tx, practiceId, externalId))) throw new AppError('CONFLICT', { issues: [{ path: 'externalId', code: 'external_id_taken' }] });
  }
}
