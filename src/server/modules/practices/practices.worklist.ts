import { noticeGaps } from '../../../contracts/practices.js';
import type { FirstStepProvider } from '../worklist/index.js';
import * as repo from './practices.repository.js';

/**
 * First step: the practice identity complete enough for letters and notices (address, a way to reach it).
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
  ];
}
