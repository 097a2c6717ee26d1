import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { OnceAMinute, type AuditTrail } from '../audit-trail/index.js';

/** A refusal of the HTTP layer, before any use case ran (the chokepoint audits its own). */
export interface Refusal {
  /** The chain it goes to: the practice's when the person works there, else the server chain. */
  chain: string;
  actorId: string;
  actorRole: string;
  ip: string | null;
  requestId: string | null;
  method: string;
  route: string;
  reason: string;
  /** For invalid input: the fields refused (names only, never the values). */
  fields?: string[];
}

/**
 * Writes refusals into the audit trail without letting a flood grow it without bound: identical refusals (same chain,
 * person — or address, for an anonymous caller —, route and reason) are written once a minute, the first of the minute,
 * carrying how many were not written in the previous minute (docs/security-decisions.md).
 */
export class RefusalRecorder {
  private readonly once = new OnceAMinute();

  constructor(private readonly deps: { db: Db; auditTrail: AuditTrail; clock: Clock }) {}

  async record(r: Refusal): Promise<void> {
    // A known person is one source wherever they send from; an anonymous caller is known only by their address.
    const key = [r.chain, r.actorId === 'anonymous' ? r.ip : '', r.actorId, r.method, r.route, r.reason].join('|');
    const admitted = this.once.admit(key, this.deps.clock.now().getTime());
    if (!admitted) return;
    const repeatsBefore = admitted.repeatsPreviousMinute;
    await this.deps.db.transaction().execute((tx) =>
      this.deps.auditTrail.append(
        tx,
        {
          practiceId: r.chain,
          action: 'request.refused',
          targetType: 'route',
          targetId: `${r.method} ${r.route}`.slice(0, 200),
          outcome: 'denied',
          details: {
            reason: r.reason,
            ...(r.fields ? { fields: r.fields.slice(0, 20) } : {}),
            ...(repeatsBefore ? { repeatsPreviousMinute: repeatsBefore } : {}),
          },
        },
        { actorId: r.actorId, actorRole: r.actorRole, requestId: r.requestId, ip: r.ip },
      ),
    );
  }
}
