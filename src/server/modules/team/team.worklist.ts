import type { FirstStepProvider } from '../worklist/index.js';
import * as repo from './team.repository.js';

/** First step: a team (someone besides the owner added, or invited). */
export function teamFirstSteps(): FirstStepProvider[] {
  return [
    {
      step: 'team',
      permission: 'member.list',
      path: '/team',
      async done(tx, practiceId, now) {
        const members = (await repo.findMembers(tx, practiceId)).filter((m) => m.ended_at === null);
        return members.length > 1 || (await repo.findPendingInvitations(tx, practiceId, now.toISOString())).length > 0;
      },
    },
  ];
}
