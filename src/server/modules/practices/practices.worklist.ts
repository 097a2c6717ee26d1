import { noticeGaps } from '../../../contracts/practices.js';
import type { FirstStepProvider } from '../worklist/index.js';
import * as repo from './practices.repository.js';

/**
 * First steps: the practice identity complete enough for letters and notices (address, a way to reach it); a team
 * (someone besides the owner added, or invited).
 */
export function practicesFirstSteps(): FirstStepProvider[] {
  return [
    {
      step: 'identity',
      permission: 'practice.read',
      path: '/practice',
      async done(tx, practiceId) {
        const p = await repo.findPractice(tx, practiceId);
        return (
          !!p &&
          noticeGaps({ address: p.address, phone: p.phone ?? null, email: p.email ?? null, dpoContact: p.dpo_contact })
            .length === 0
        );
      },
    },
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
