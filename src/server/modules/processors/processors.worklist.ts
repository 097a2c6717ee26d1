import type { WorklistItem } from '../../../contracts/worklist.js';
import { endOfParisDay, parisDate } from '../../platform/clock.js';
import type { FirstStepProvider, WorklistProvider } from '../worklist/index.js';
import { presentProcessor } from './processors.presenter.js';
import * as repo from './processors.repository.js';
import { dueTasks, type DueTask } from './processors.rules.js';

/** The tasks of one processor on `today`, from its stored row. */
export function tasksOf(r: repo.ProcessorRow, today: string): DueTask[] {
  return dueTasks({ ...presentProcessor(r, today, null), createdOn: parisDate(new Date(r.created_at)) }, today);
}

/**
 * Processors in the to-do list: a contract missing, incomplete or expired; an HDS certificate missing, expired,
 * expiring or under the 2018 referential where it is required; a contract ending within 60 days; the yearly review once
 * it falls due.
 */
export function processorsWorklistProvider(): WorklistProvider {
  return {
    module: 'processors',
    permission: 'processor.read',
    async list(tx, practiceId, now) {
      const today = parisDate(now);
      return (await repo.listProcessors(tx, practiceId)).flatMap((r) =>
        tasksOf(r, today).map((task): WorklistItem => ({
          id: `processors:${r.id}:${task.kind}`,
          module: 'processors',
          kind: task.kind,
          subject: r.name,
          dueAt: endOfParisDay(task.dueOn),
          targetType: 'processor',
          targetId: r.id,
          path: `/processors/${r.id}`,
        })),
      );
    },
  };
}

/** A first step: the partners that touch the practice's data are listed, each processor with a signed contract. */
export function processorsFirstSteps(): FirstStepProvider[] {
  return [
    {
      step: 'processors',
      permission: 'processor.read',
      path: '/processors',
      async done(tx, practiceId, now) {
        const rows = await repo.listProcessors(tx, practiceId);
        const today = parisDate(now);
        return (
          rows.length > 0 && rows.every((r) => !presentProcessor(r, today, null).issues.includes('contract_missing'))
        );
      },
    },
  ];
}
