import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../shared/actor.js';
import type { Access, UseCase } from '../access/index.js';
import type { AuditAction } from '../audit-trail/index.js';

/** A use case on the register (activities, processors, notices): the chokepoint with the register as its target. */
export function runInRegister<T>(
  access: Access,
  actor: Actor,
  practiceId: string,
  permission: UseCase['permission'],
  action: AuditAction,
  targetId: string | null,
  work: (tx: Executor, audit: { targetId?: string | null; details?: Record<string, unknown> }) => Promise<T>,
): Promise<T> {
  return access.run(actor, practiceId, { permission, action, targetType: 'register', targetId }, ({ tx, audit }) =>
    work(tx, audit),
  );
}
