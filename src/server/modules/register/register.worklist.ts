import { fieldsOf } from './register.presenter.js';
import type { WorklistItem } from '../../../contracts/worklist.js';
import type { FirstStepProvider, WorklistProvider } from '../worklist/index.js';
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
          id: `register:${r.id}`,
          module: 'register',
          kind: 'register_review',
          subject: fieldsOf(r).name,
          dueAt: endOfParisDay(r.review_due_on!),
          targetType: 'register',
          targetId: r.id,
          path: `/register/${r.id}`,
        }));
    },
  };
}

/** First steps: a register with every activity validated; a patient notice handed out or posted (its distribution recorded). */
export function registerFirstSteps(): FirstStepProvider[] {
  return [
    {
      step: 'register',
      permission: 'register.read',
      path: '/register',
      async done(tx, practiceId) {
        const rows = await repo.listActivities(tx, practiceId);
        return rows.length > 0 && rows.every((r) => r.status === 'validated');
      },
    },
    {
      step: 'notices',
      permission: 'register.read',
      path: '/notices',
      done: async (tx, practiceId) => (await repo.listDistributions(tx, practiceId)).length > 0,
    },
  ];
}
