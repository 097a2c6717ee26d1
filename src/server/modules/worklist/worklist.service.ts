import { FIRST_STEPS, type FirstStep, type WorklistItem } from '../../../contracts/worklist.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { Actor } from '../../shared/actor.js';
import { can, type Access, type Permission } from '../access/index.js';

/**
 * A module's contribution to the to-do list: what is due in this practice. A provider is asked only when the
 * person's role holds its permission, so nobody sees a task about data they may not read.
 */
export interface WorklistProvider {
  module: string;
  permission: Permission;
  list(tx: Executor, practiceId: string, now: Date): Promise<WorklistItem[]>;
}

/** One of a new practice's first steps, and how to tell it is done (asked only when the role holds its permission). */
export interface FirstStepProvider {
  step: FirstStep['step'];
  permission: Permission;
  path: string;
  done(tx: Executor, practiceId: string, now: Date): Promise<boolean>;
}

/** "À faire": one list, by due date, of everything with a deadline across modules; the first steps while not done. */
export class Worklist {
  private readonly providers: WorklistProvider[] = [];
  private readonly steps: FirstStepProvider[] = [];

  registerStep(step: FirstStepProvider): void {
    this.steps.push(step);
  }

  constructor(private readonly deps: { access: Access; clock: Clock }) {}

  register(provider: WorklistProvider): void {
    this.providers.push(provider);
  }

  /** The modules that put tasks in the list (the digest names each). */
  modules(): string[] {
    return this.providers.map((p) => p.module);
  }

  /** The to-do list a role would see, for the daily e-mail digest (a system job: the digest carries no subject). */
  async itemsForRole(tx: Executor, practiceId: string, role: string, now: Date): Promise<WorklistItem[]> {
    const items: WorklistItem[] = [];
    for (const p of this.providers)
      if (can(role as Parameters<typeof can>[0], p.permission)) items.push(...(await p.list(tx, practiceId, now)));
    return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  }

  list(actor: Actor, practiceId: string): Promise<{ items: WorklistItem[]; firstSteps: FirstStep[] }> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'worklist.read',
        action: 'worklist.read',
        targetType: 'practice',
        targetId: practiceId,
        readOnly: true,
      },
      async ({ tx, role, audit }) => {
        const now = this.deps.clock.now();
        const items: WorklistItem[] = [];
        for (const p of this.providers)
          if (role === 'admin' || can(role, p.permission)) items.push(...(await p.list(tx, practiceId, now)));
        items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
        const firstSteps: FirstStep[] = [];
        for (const st of [...this.steps].sort((a, b) => FIRST_STEPS.indexOf(a.step) - FIRST_STEPS.indexOf(b.step))) {
          if (role === 'admin' || can(role, st.permission))
            firstSteps.push({ step: st.step, done: await st.done(tx, practiceId, now), path: st.path });
        }
        audit.details = { count: items.length };
        return { items, firstSteps };
      },
    );
  }
}
