import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../shared/actor.js';
import type { Access, UseCase } from '../access/index.js';
import type { AuditAction } from '../audit-trail/index.js';
import * as repo from './rights-requests.repository.js';

/** The context an answer file is sealed with: bound to its id, so a sealed file cannot be passed off as another. */
export const fileContext = (id: string) => `request_file:${id}`;

/** A step on one request of the practice (the chokepoint loads it; another practice's or none answers 404). */
export function runOnRequest<T>(
  access: Access,
  actor: Actor,
  practiceId: string,
  requestId: string,
  permission: UseCase['permission'],
  action: AuditAction,
  work: (tx: Executor, r: repo.RequestRow, audit: { details?: Record<string, unknown> }) => Promise<T>,
): Promise<T> {
  return access.run(
    actor,
    practiceId,
    {
      permission,
      action,
      targetType: 'rights_request',
      targetId: requestId,
      load: (tx) => repo.findRequest(tx, practiceId, requestId),
    },
    ({ tx, audit }, r) => work(tx, r, audit),
  );
}
