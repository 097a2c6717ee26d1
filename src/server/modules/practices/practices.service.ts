import type { SetupRequest } from '../../../contracts/setup.js';
import type { PracticeResponse, UpdatePracticeRequest } from '../../../contracts/practices.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, DialectName, Executor } from '../../platform/db/database.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import { auditContext, type Access } from '../access/index.js';
import type { AuditTrail } from '../audit-trail/index.js';
import type { AuthService } from '../auth/index.js';
import { presentPractice } from './practices.presenter.js';
import * as repo from './practices.repository.js';
import type { TeamService } from '../team/index.js';

export interface PracticesDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  access: Access;
  auditTrail: AuditTrail;
  auth: AuthService;
  team: TeamService;
}

export interface CreatePracticeInput {
  name: string;
  owner: { email: string; name: string; password?: string | undefined };
}

/** Practices (tenants): their identity, their creation with an owner. The people are the team module's. */
export class PracticesService {
  constructor(private readonly deps: PracticesDeps) {}

  /**
   * Creates a practice and its owner (the controller) in one transaction: a new account needs a password,
   * an existing account simply gains the owner role there. Server administration (CLI) only.
   */
  async createPractice(
    actor: Actor,
    input: CreatePracticeInput,
  ): Promise<{ practiceId: string; userId: string; isNewUser: boolean }> {
    if (actor.kind !== 'admin') throw new AppError('FORBIDDEN');
    return this.deps.db.transaction().execute((tx) => this.insertPracticeWithOwner(tx, actor, input));
  }

  /**
   * First run from the web (no account exists yet): the first practice and its owner. Refused once any account
   * exists; two setups racing are serialised (SQLite: one writer; PostgreSQL: a transaction lock).
   */
  async setupFirstPractice(
    input: SetupRequest,
    requestId: string | null,
    ip: string | null,
  ): Promise<{ practiceId: string; userId: string }> {
    const actor: Actor = { kind: 'admin', adminId: 'setup:web', requestId, ip };
    return this.deps.db.transaction().execute(async (tx) => {
      await repo.lockForSetup(tx, this.deps.dialect);
      if (!(await this.deps.auth.hasNoUser(tx))) throw conflict('', 'setup_done');
      const r = await this.insertPracticeWithOwner(tx, actor, {
        name: input.practiceName,
        owner: { email: input.ownerEmail, name: input.ownerName, password: input.password },
      });
      await this.deps.auditTrail.append(
        tx,
        { practiceId: r.practiceId, action: 'setup.completed', targetType: 'practice', targetId: r.practiceId },
        auditContext(actor, 'admin'),
      );
      return { practiceId: r.practiceId, userId: r.userId };
    });
  }

  private async insertPracticeWithOwner(
    tx: Executor,
    actor: Actor,
    input: CreatePracticeInput,
  ): Promise<{ practiceId: string; userId: string; isNewUser: boolean }> {
    const now = this.deps.clock.now().toISOString();
    const practiceId = newId('prc');
    await repo.insertPractice(tx, {
      id: practiceId,
      name: input.name,
      legal_form: null,
      siren: null,
      siret: null,
      address: null,
      controller_name: input.owner.name,
      dpo_contact: null,
      idle_lock_minutes: 5,
      alsace_moselle: 0,
      phone: null,
      email: null,
      overseas_territory: null,
      created_at: now,
      updated_at: now,
    });
    const ctx = auditContext(actor, 'admin');
    await this.deps.auditTrail.append(
      tx,
      {
        practiceId,
        action: 'practice.created',
        targetType: 'practice',
        targetId: practiceId,
        details: { by: actorId(actor) },
      },
      ctx,
    );
    const { userId, isNewUser } = await this.deps.team.addOwner(tx, ctx, practiceId, input.owner, now);
    return { practiceId, userId, isNewUser };
  }

  getPractice(actor: Actor, practiceId: string): Promise<PracticeResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'practice.read',
        action: 'practice.read',
        targetType: 'practice',
        targetId: practiceId,
        readOnly: true,
        load: (tx) => repo.findPractice(tx, practiceId),
      },
      async (_scope, p) => presentPractice(p),
    );
  }

  updatePractice(actor: Actor, practiceId: string, input: UpdatePracticeRequest): Promise<PracticeResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'practice.update',
        action: 'practice.updated',
        targetType: 'practice',
        targetId: practiceId,
        load: (tx) => repo.findPractice(tx, practiceId),
      },
      async ({ tx, audit }, p) => {
        const patch = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.legalForm !== undefined ? { legal_form: input.legalForm } : {}),
          ...(input.siren !== undefined ? { siren: input.siren } : {}),
          ...(input.siret !== undefined ? { siret: input.siret } : {}),
          ...(input.address !== undefined ? { address: input.address } : {}),
          ...(input.controllerName !== undefined ? { controller_name: input.controllerName } : {}),
          ...(input.dpoContact !== undefined ? { dpo_contact: input.dpoContact } : {}),
          ...(input.idleLockMinutes !== undefined ? { idle_lock_minutes: input.idleLockMinutes } : {}),
          ...(input.alsaceMoselle !== undefined ? { alsace_moselle: input.alsaceMoselle ? 1 : 0 } : {}),
          ...(input.overseasTerritory !== undefined ? { overseas_territory: input.overseasTerritory } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.email !== undefined ? { email: input.email } : {}),
        };
        const siren = input.siren !== undefined ? input.siren : p.siren;
        const siret = input.siret !== undefined ? input.siret : p.siret;
        // A SIRET is the SIREN of the company followed by 5 digits for the establishment (INSEE).
        if (siren && siret && !siret.startsWith(siren))
          throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'siret', code: 'siret_siren_mismatch' }] });
        const updatedAt = this.deps.clock.now().toISOString();
        await repo.updatePractice(tx, practiceId, { ...patch, updated_at: updatedAt });
        audit.details = { fields: Object.keys(input).sort() };
        return presentPractice({ ...p, ...patch, updated_at: updatedAt });
      },
    );
  }

  /** The practice identity for generated documents (inside another module's transaction, already access-checked). */
  async identity(tx: Executor, practiceId: string): Promise<PracticeResponse> {
    const p = await repo.findPractice(tx, practiceId);
    if (!p) throw new AppError('NOT_FOUND');
    return presentPractice(p);
  }

  /** Every practice of this server (for system jobs such as the daily digest). */
  allPracticeIds(tx: Executor): Promise<string[]> {
    return repo.practiceIds(tx);
  }

  /** The practice's calendar for legal deadlines (inside another module's transaction). */
  async holidayOptions(
    tx: Executor,
    practiceId: string,
  ): Promise<{ alsaceMoselle: boolean; overseasTerritory: PracticeResponse['overseasTerritory'] }> {
    const p = await repo.findPractice(tx, practiceId);
    return {
      alsaceMoselle: Number(p?.alsace_moselle ?? 0) === 1,
      overseasTerritory: p?.overseas_territory ?? null,
    };
  }
}
