import type { WorklistItem } from '../../../contracts/worklist.js';
import type { WorklistProvider } from '../worklist/index.js';
import * as repo from './breaches.repository.js';
import { endOfParisDay } from '../../platform/clock.js';

/**
 * Open breaches not yet notified (unless decided "record only") by their 72-hour deadline; people still to inform
 * when the decision says so; every open corrective action by its due date.
 */
export function breachesWorklistProvider(): WorklistProvider {
  return {
    module: 'breaches',
    permission: 'breach.read',
    async list(tx, practiceId) {
      const breaches = await repo.openBreaches(tx, practiceId);
      const ids = breaches.map((b) => b.id);
      const [notifications, informed] = await Promise.all([
        repo.findNotifications(tx, practiceId, ids),
        repo.findInformed(tx, practiceId, ids),
      ]);
      const items: WorklistItem[] = [];
      for (const b of breaches) {
        const notified = notifications.some((n) => n.breach_id === b.id && n.kind !== 'complementary');
        const item = {
          subject: b.title,
          dueAt: b.notify_by,
          targetType: 'breach',
          targetId: b.id,
          path: `/breaches/${b.id}`,
          module: 'breaches',
        };
        if (b.decision === null) items.push({ ...item, id: `breach:${b.id}:decide`, kind: 'breach_decide' });
        else if (b.decision !== 'record_only' && !notified)
          items.push({ ...item, id: `breach:${b.id}:notify`, kind: 'breach_notify' });
        if (b.decision === 'notify_authority_and_people' && !informed.some((i) => i.breach_id === b.id))
          items.push({ ...item, id: `breach:${b.id}:inform`, kind: 'breach_inform_people' });
        // Art. 34(3)(c): when informing each person would take disproportionate effort, a public communication replaces it.
        if (
          b.people_exception === 'disproportionate_effort' &&
          !informed.some((i) => i.breach_id === b.id && i.channel === 'public_communication')
        ) {
          items.push({ ...item, id: `breach:${b.id}:public`, kind: 'breach_public_communication' });
        }
      }
      for (const a of await repo.openActions(tx, practiceId)) {
        items.push({
          id: `breach-action:${a.id}`,
          module: 'breaches',
          kind: 'breach_action',
          subject: `${a.title} — ${a.breach_title}`,
          dueAt: endOfParisDay(a.due_on),
          targetType: 'breach',
          targetId: a.breach_id,
          path: `/breaches/${a.breach_id}`,
        });
      }
      return items;
    },
  };
}
