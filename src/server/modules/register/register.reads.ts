import type { ActivityFields } from '../../../contracts/register.js';
import type { Executor } from '../../platform/db/database.js';
import { fieldsOf } from './register.presenter.js';
import * as repo from './register.repository.js';

// What other modules read of the register inside their own use case (after it passed the chokepoint): no access check
// and no audit entry of their own here, the calling use case has both.

/** Validated activities concerning patients (for the Art. 15 answer and the notices); the drafts when none is validated yet. */
export async function patientActivities(
  tx: Executor,
  practiceId: string,
  rows?: readonly repo.ActivityRow[],
): Promise<{ fields: ActivityFields[]; validated: boolean }> {
  const pick = (fs: ActivityFields[]) => fs.filter((f) => f.people.some((p) => p.category === 'patients'));
  const fromVersions = pick((await repo.latestVersions(tx, practiceId)).map(fieldsOf));
  if (fromVersions.length > 0) return { fields: fromVersions, validated: true };
  return { fields: pick((rows ?? (await repo.listActivities(tx, practiceId))).map(fieldsOf)), validated: false };
}

/** The practice's activities by id with their names (inside another module's use case: processors link to them). */
export async function activityNames(tx: Executor, practiceId: string): Promise<Map<string, string>> {
  return new Map((await repo.listActivities(tx, practiceId)).map((r) => [r.id, fieldsOf(r).name]));
}

/** For each processor a recipient names, the activities that name it (the link made from the register's side). */
export async function activitiesNaming(tx: Executor, practiceId: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await repo.listActivities(tx, practiceId))
    for (const rec of fieldsOf(r).recipients)
      if (rec.processorId && !out.get(rec.processorId)?.includes(r.id))
        out.set(rec.processorId, [...(out.get(rec.processorId) ?? []), r.id]);
  return out;
}
