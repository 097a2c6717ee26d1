import type { WorklistItem } from '../../../contracts/worklist.js';
import type { WorklistProvider } from '../worklist/index.js';
import * as repo from './register.repository.js';
import { endOfParisDay } from '../../platform/clock.js';

/** Reviews of validated activities: in the to-do list from sixty days before they fall due (twelve months after validation). */
export function registerWorklistProvider(): WorklistProvider {
  return {
    module: 'register',
    permission: 'register.read',
    async list(tx, practiceId, now) {
      const horizon = new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
      const rows = await repo.reviewsDue(tx, practiceId);
      return rows
        .filter((r) => r.review_due_on !== null && r.review_due_on <= horizon)
        .map((r): WorklistItem => ({
          id: `register:${r.id}`, module: 'register', kind: 'register_review', subject: (JSON.parse(r.fields) as { name: string }).name,
          dueAt: endOfParisDay(r.review_due_on!), targetType: 'register', targetId: r.id, path: `/register/${r.id}`,
        }));
    },
  };
}
