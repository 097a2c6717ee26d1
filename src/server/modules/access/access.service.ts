import type { Role } from '../../../contracts/roles.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/app-error.js';
import type { AuditAction } from '../audit-trail/index.js';
import {
  OnceAMinute,
  SERVER_CHAIN,
  type AppendInput,
  type AuditContext,
  type AuditTrail,
  type GroupCommit,
} from '../audit-trail/index.js';
import type { Clock } from '../../platform/clock.js';
import { can, type Permission } from './access.policy.js';
import * as repo from './access.repository.js';

export interface UseCase {
  permission: Permission;
  /** The audit event written with the change (or the read) in the same transaction. */
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  /**
   * The use case only reads. Its audit entry is then appended right after, in a commit shared with the other reads
   * of the moment (group commit: one disk flush for many entries); the answer still waits for that commit, so no
   * read is ever answered without its entry on disk.
   */
  readOnly?: boolean;
  /**
   * With readOnly: the work runs on the database itself (`tx` is then no transaction) after the role is checked, for a
   * long read that must not hold SQLite's one connection meanwhile (verifying an audit chain of a million entries held
   * every other request for seconds). Only for work that needs no snapshot of its own.
   */
  withoutTransaction?: boolean;
}

/**
 * A use case about one object of the practice: `load` reads it inside the use case's transaction, after the permission
 * check; nothing found answers 404 (audited as a refusal, like another practice's object) and `work` receives it.
 */
export interface UseCaseOn<R> extends UseCase {
  load: (tx: Executor) => Promise<R | null | undefined>;
}

export interface UseCaseScope {
  tx: Executor;
  role: Role | 'admin';
  /** What the use case reports into its audit entry: the target id it created, small non-clinical details. */
  audit: { targetId?: string | null; details?: Record<string, unknown> };
}

export interface AccessDeps {
  db: Db;
  auditTrail: AuditTrail;
  /** Where the audit entries of reads are appended: commits shared by the reads of the moment (audit-trail module). */
  groupCommit: GroupCommit;
  /** Told when a request was audited by a use case, so token use is not audited twice. */
  onAudited?: (actor: Actor) => void;
  clock: Clock;
}

/** The audit entry of a use case: what it reported, and the API token it came through. */
function entryOf(actor: Actor, practiceId: string, useCase: UseCase, audit: UseCaseScope['audit']): AppendInput {
  return {
    practiceId,
    action: useCase.action,
    targetType: useCase.targetType,
    targetId: audit.targetId ?? useCase.targetId ?? null,
    details: { ...(audit.details ?? {}), ...(actor.kind === 'user' && actor.tokenId ? { via: actor.tokenId } : {}) },
  };
}

export function auditContext(actor: Actor, role: string): AuditContext {
  return { actorId: actorId(actor), actorRole: role, requestId: actor.requestId, ip: actor.ip };
}

/**
 * The one chokepoint for practice data: check the permission, then run the use case and append its audit entry
 * in one transaction. Refusals are audited too. Not a member (or a token for another practice) answers 404,
 * exactly like a practice that does not exist, so nothing confirms another practice's data exists.
 */
export class Access {
  /** Refusals of people who are not members: ten a minute per practice, person and action, then counted (a foreign flood). */
  private readonly foreign = new OnceAMinute(10);

  constructor(private readonly deps: AccessDeps) {}

  async resolveRole(actor: Actor, practiceId: string, db: Executor = this.deps.db): Promise<Role | 'admin' | null> {
    if (actor.kind === 'admin') return (await repo.practiceExists(db, practiceId)) ? 'admin' : null;
    if (actor.kind !== 'user') return null;
    if (actor.tokenPracticeId !== null && actor.tokenPracticeId !== practiceId) return null;
    return ((await repo.findActiveRole(db, practiceId, actor.userId)) as Role | undefined) ?? null;
  }

  /** When each person who is or was a member was one (inside a use case's transaction). */
  memberPeriods(tx: Executor, practiceId: string) {
    return repo.memberPeriods(tx, practiceId);
  }

  /** Everyone who is or was a member of the practice (inside a use case's transaction). */
  memberIds(tx: Executor, practiceId: string): Promise<string[]> {
    return repo.memberIds(tx, practiceId);
  }

  run<T, R>(
    actor: Actor,
    practiceId: string,
    useCase: UseCaseOn<R>,
    work: (scope: UseCaseScope, target: R) => Promise<T>,
  ): Promise<T>;
  run<T>(actor: Actor, practiceId: string, useCase: UseCase, work: (scope: UseCaseScope) => Promise<T>): Promise<T>;
  run<T, R>(
    actor: Actor,
    practiceId: string,
    useCase: UseCase | UseCaseOn<R>,
    work: (scope: UseCaseScope, target: R) => Promise<T>,
  ): Promise<T> {
    if (!('load' in useCase))
      return this.runChecked(actor, practiceId, useCase, (scope) => work(scope, undefined as R));
    const { load } = useCase;
    return this.runChecked(actor, practiceId, useCase, async (scope) => {
      const target = await load(scope.tx);
      if (target === null || target === undefined) throw new AppError('NOT_FOUND');
      return work(scope, target);
    });
  }

  private async runChecked<T>(
    actor: Actor,
    practiceId: string,
    useCase: UseCase,
    work: (scope: UseCaseScope) => Promise<T>,
  ): Promise<T> {
    if (useCase.readOnly) return this.read(actor, practiceId, useCase, work);
    const role = await this.resolveRole(actor, practiceId);
    if (role === null || (role !== 'admin' && !can(role, useCase.permission))) {
      await this.recordDenial(actor, practiceId, useCase, role);
      throw new AppError(role === null ? 'NOT_FOUND' : 'FORBIDDEN');
    }
    let result: T;
    try {
      result = await this.transact(actor, practiceId, useCase, role, work);
    } catch (e) {
      await this.recordRefusal(e, actor, practiceId, useCase, role);
      throw e;
    }
    this.deps.onAudited?.(actor);
    return result;
  }

  private transact<T>(
    actor: Actor,
    practiceId: string,
    useCase: UseCase,
    role: Role | 'admin',
    work: (scope: UseCaseScope) => Promise<T>,
  ): Promise<T> {
    return this.deps.db.transaction().execute(async (tx) => {
      // Re-read the role inside the transaction: a membership ended a moment ago must not slip through.
      const current = role === 'admin' ? 'admin' : await this.resolveRole(actor, practiceId, tx);
      if (current !== role) throw new AppError('NOT_FOUND');
      const scope: UseCaseScope = { tx, role, audit: {} };
      const value = await work(scope);
      await this.deps.auditTrail.append(
        tx,
        entryOf(actor, practiceId, useCase, scope.audit),
        auditContext(actor, role),
      );
      return value;
    });
  }

  /**
   * A read: the role is read once, inside the read's own transaction (a change reads it before, to decide, and again
   * inside its transaction; `withoutTransaction`: no transaction), then the audit entry goes through the group commit
   * and the answer waits for it. A refusal is audited exactly as for a change.
   */
  private async read<T>(
    actor: Actor,
    practiceId: string,
    useCase: UseCase,
    work: (scope: UseCaseScope) => Promise<T>,
  ): Promise<T> {
    const audit: UseCaseScope['audit'] = {};
    const seen: { role: Role | 'admin' | null } = { role: null };
    let value: T;
    const checked = async (tx: Executor) => {
      const role = (seen.role = await this.resolveRole(actor, practiceId, tx));
      if (role === null) throw new AppError('NOT_FOUND');
      if (role !== 'admin' && !can(role, useCase.permission)) throw new AppError('FORBIDDEN');
      return work({ tx, role, audit });
    };
    try {
      // Read only: READ ONLY on PostgreSQL, DEFERRED on SQLite; a read use case that tried to write would fail.
      value = useCase.withoutTransaction
        ? await checked(this.deps.db)
        : await this.deps.db.transaction().setAccessMode('read only').execute(checked);
    } catch (e) {
      await this.recordRefusal(e, actor, practiceId, useCase, seen.role);
      throw e;
    }
    await this.deps.groupCommit.append(entryOf(actor, practiceId, useCase, audit), auditContext(actor, seen.role!));
    this.deps.onAudited?.(actor);
    return value;
  }

  /** An object of another practice (or none) answers 404 like a missing one, and the attempt is on record (ASVS 8.2.2). */
  private async recordRefusal(
    e: unknown,
    actor: Actor,
    practiceId: string,
    useCase: UseCase,
    role: Role | 'admin' | null,
  ): Promise<void> {
    if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN'))
      await this.recordDenial(actor, practiceId, useCase, role, e.code);
  }

  /**
   * A refused attempt goes into the practice's own chain when the practice exists. An attempt by someone who is not a
   * member goes into the server chain too, whether the practice exists or not: the caller's own sign-ins view reads
   * that chain, and the two cases must look alike there (no existence oracle).
   */
  private async recordDenial(
    actor: Actor,
    practiceId: string,
    useCase: UseCase,
    role: Role | 'admin' | null,
    reason: 'NOT_FOUND' | 'FORBIDDEN' = role === null ? 'NOT_FOUND' : 'FORBIDDEN',
  ): Promise<void> {
    const admitted =
      role === null
        ? this.foreign.admit(
            [practiceId, actorId(actor), useCase.action, useCase.targetType].join('|'),
            this.deps.clock.now().getTime(),
          )
        : { repeatsPreviousMinute: 0 };
    if (!admitted) return this.deps.onAudited?.(actor);
    const repeats = admitted.repeatsPreviousMinute ? { repeatsPreviousMinute: admitted.repeatsPreviousMinute } : {};
    await this.deps.db.transaction().execute(async (tx) => {
      const exists = await repo.practiceExists(tx, practiceId);
      const entry = (chain: string, withPracticeId: boolean): AppendInput => ({
        practiceId: chain,
        action: 'access.denied',
        targetType: useCase.targetType,
        targetId: useCase.targetId ?? null,
        outcome: 'denied',
        details: {
          permission: useCase.permission,
          attempted: useCase.action,
          reason: reason === 'NOT_FOUND' ? 'not_found' : 'forbidden',
          ...(withPracticeId ? { practiceId: practiceId.slice(0, 80) } : {}),
          ...repeats,
        },
      });
      if (exists) await this.deps.auditTrail.append(tx, entry(practiceId, false), auditContext(actor, role ?? 'none'));
      if (role === null) await this.deps.auditTrail.append(tx, entry(SERVER_CHAIN, true), auditContext(actor, 'none'));
    });
    this.deps.onAudited?.(actor);
  }
}
