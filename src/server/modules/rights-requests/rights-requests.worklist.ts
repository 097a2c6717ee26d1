import type { WorklistItem } from '../../../contracts/worklist.js';
import type { WorklistProvider } from '../worklist/index.js';
import { gdprDeadline } from './deadline.rules.js';
import * as repo from './rights-requests.repository.js';
import { endOfParisDay } from '../../platform/clock.js';

/** Every open request in the to-do list by its due date; one waiting for proof of identity shows when its month would end. */
export function rightsRequestsWorklistProvider(): WorklistProvider {
  return {
    module: 'rights-requests',
    permission: 'request.read',
    async list(tx, practiceId) {
      const rows = await repo.openRequests(tx, practiceId);
      return rows.map((r): WorklistItem => {
        const waiting = r.due_on === null;
        const due = r.due_on ?? gdprDeadline(r.received_on, { alsaceMoselle: false }).calendarEndOn;
        return {
          id: `request:${r.id}`,
          module: 'rights-requests',
          kind: waiting ? 'request_identity_awaited' : `request_${r.kind}`,
          subject: r.requester_name,
          dueAt: endOfParisDay(due),
          targetType: 'rights_request',
          targetId: r.id,
          path: `/requests/${r.id}`,
        };
      });
    },
  };
}
