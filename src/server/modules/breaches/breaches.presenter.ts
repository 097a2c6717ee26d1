import { z } from 'zod';
import {
  AssessmentSchema,
  CircumstanceSchema,
  ConsequenceSchema,
  DataCategorySchema,
  NatureSchema,
  PeopleCategorySchema,
  type BreachDetail,
  type BreachResponse,
} from '../../../contracts/breaches.js';
import { jsonColumn, readFlag } from '../../platform/db/codecs.js';
import type { Executor } from '../../platform/db/database.js';
import * as repo from './breaches.repository.js';
import { severityOf } from './breaches.rules.js';

// Rows to answers: a breach, its detail with notifications, people informed and actions.

const columns = {
  assessment: jsonColumn(AssessmentSchema),
  nature: jsonColumn(z.array(NatureSchema)),
  circumstances: jsonColumn(z.array(CircumstanceSchema)),
  peopleCategories: jsonColumn(z.array(PeopleCategorySchema)),
  dataCategories: jsonColumn(z.array(DataCategorySchema)),
  consequences: jsonColumn(z.array(ConsequenceSchema)),
  patientIds: jsonColumn(z.array(z.string())),
};

/** `notifications`: the breach's notifications when known (the list reads them for its page), for `notifiedAt`. */
export function presentBreach(r: repo.BreachRow, notifications: readonly repo.NotificationRow[] = []): BreachResponse {
  const assessment = columns.assessment.readNullable(r.assessment);
  const facts = {
    approxPeople: r.approx_people === null ? null : Number(r.approx_people),
    encrypted: readFlag(r.encrypted),
  };
  return {
    id: r.id,
    title: r.title,
    awareAt: r.aware_at,
    notifyBy: r.notify_by,
    notifiedAt: notifications.map((n) => n.notified_at).sort()[0] ?? null,
    detectedAt: r.detected_at,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    nature: columns.nature.read(r.nature),
    circumstances: columns.circumstances.read(r.circumstances),
    cause: r.cause as BreachResponse['cause'],
    peopleCategories: columns.peopleCategories.read(r.people_categories),
    dataCategories: columns.dataCategories.read(r.data_categories),
    approxPeople: facts.approxPeople,
    approxRecords: r.approx_records === null ? null : Number(r.approx_records),
    encrypted: facts.encrypted,
    description: r.description,
    consequences: columns.consequences.read(r.consequences),
    consequencesNote: r.consequences_note,
    measures: r.measures,
    guide: r.guide as BreachResponse['guide'],
    assessment,
    severity: assessment ? severityOf(assessment, facts) : null,
    decision: r.decision
      ? {
          decision: r.decision,
          proposed: r.proposed_decision,
          reason: r.decision_reason,
          peopleException: r.people_exception as NonNullable<BreachResponse['decision']>['peopleException'],
          decidedBy: r.decided_by ?? '',
          decidedAt: r.decided_at ?? '',
        }
      : null,
    status: r.status,
    closedOn: r.closed_on,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function presentDetail(
  r: repo.BreachRow,
  notifications: repo.NotificationRow[],
  informed: repo.InformedRow[],
  actions: repo.ActionRow[],
): BreachDetail {
  return {
    ...presentBreach(r, notifications),
    notifications: notifications.map((n) => ({
      id: n.id,
      kind: n.kind as 'initial',
      notifiedAt: n.notified_at,
      reference: n.reference,
      delayReasons: n.delay_reasons,
      late: readFlag(n.late),
      createdBy: n.created_by,
      createdAt: n.created_at,
    })),
    peopleInformed: informed.map((i) => ({
      id: i.id,
      informedOn: i.informed_on,
      channel: i.channel as 'letter',
      recipients: i.recipients,
      peopleCount: Number(i.people_count),
      patientIds: columns.patientIds.read(i.patient_ids),
      note: i.note,
      createdBy: i.created_by,
      createdAt: i.created_at,
    })),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      ownerId: a.owner_id,
      dueOn: a.due_on,
      doneOn: a.done_on,
      doneBy: a.done_by,
      createdAt: a.created_at,
    })),
  };
}

/** Everything about one breach, read inside a use case's transaction. */
export async function loadDetail(tx: Executor, practiceId: string, r: repo.BreachRow): Promise<BreachDetail> {
  const [n, i, a] = await Promise.all([
    repo.findNotifications(tx, practiceId, [r.id]),
    repo.findInformed(tx, practiceId, [r.id]),
    repo.findActions(tx, practiceId, [r.id]),
  ]);
  return presentDetail(r, n, i, a);
}

/**
 * Personal data breaches (Art. 33/34 GDPR): intake and its 72-hour clock, the ENISA assessment, the decision a person
 * confirms, the CNIL notifications, the people informed, the corrective actions. Every step passes the access
 * chokepoint and is audited in the same transaction.
 */
