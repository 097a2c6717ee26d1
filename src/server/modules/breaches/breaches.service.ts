import { guideOf } from '../../../contracts/breach-guides.js';
import type { Assessment, BreachDetail, CreateBreach, Decision as DecisionInput } from '../../../contracts/breaches.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict, validationError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import type { Access, UseCase } from '../access/index.js';
import type { AuditAction } from '../audit-trail/index.js';
import type { PatientsService } from '../patients/index.js';
import type { PracticesService } from '../practices/index.js';
import type { TeamService } from '../team/index.js';
import { readFlag } from '../../platform/db/codecs.js';
import { loadDetail, presentBreach } from './breaches.presenter.js';
import * as repo from './breaches.repository.js';
import {
  decisionProblems,
  isInFuture,
  isLate,
  notifyByOf,
  severityOf,
  timelineProblem,
  toUtc,
} from './breaches.rules.js';
import { parisDate } from '../../platform/clock.js';

export interface BreachesDeps {
  access: Access;
  clock: Clock;
  patients: PatientsService;
  practices: PracticesService;
  team: TeamService;
}

type Lang = 'fr' | 'en';
/** An instant typed by a person, stored in UTC; empty stays empty. */
const orNull = (s: string | null | undefined): string | null => (s === undefined || s === null ? null : toUtc(s));

export class BreachesService {
  constructor(private readonly deps: BreachesDeps) {}

  report(actor: Actor, practiceId: string, input: CreateBreach, lang: Lang): Promise<BreachDetail> {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'breach.report', action: 'breach.reported', targetType: 'breach' },
      async ({ tx, audit }) => {
        const now = this.deps.clock.now();
        const times = {
          awareAt: toUtc(input.awareAt),
          detectedAt: orNull(input.detectedAt),
          startedAt: orNull(input.startedAt),
          endedAt: orNull(input.endedAt),
        };
        const problem = timelineProblem(times, now);
        if (problem) throw validationError(problem.path, problem.code);
        const at = now.toISOString();
        const row: repo.BreachRow = {
          id: newId('brc'),
          practice_id: practiceId,
          title: input.title,
          aware_at: times.awareAt,
          notify_by: notifyByOf(times.awareAt),
          detected_at: times.detectedAt,
          started_at: times.startedAt,
          ended_at: times.endedAt,
          nature: JSON.stringify(input.nature),
          circumstances: JSON.stringify(input.circumstances),
          cause: input.cause ?? null,
          people_categories: JSON.stringify(input.peopleCategories ?? []),
          data_categories: JSON.stringify(input.dataCategories),
          approx_people: input.approxPeople ?? null,
          approx_records: input.approxRecords ?? null,
          encrypted: input.encrypted === undefined ? null : input.encrypted ? 1 : 0,
          description: input.description ?? null,
          consequences: '[]',
          consequences_note: null,
          measures: null,
          guide: input.guide ?? null,
          assessment: null,
          decision: null,
          proposed_decision: null,
          decision_reason: null,
          people_exception: null,
          decided_by: null,
          decided_at: null,
          status: 'open',
          closed_on: null,
          created_by: actorId(actor),
          created_at: at,
          updated_at: at,
        };
        await repo.insertBreach(tx, row);
        const guide = input.guide ? guideOf(input.guide) : undefined;
        let seq = 0;
        for (const step of guide?.firstSteps ?? []) {
          await repo.insertAction(tx, {
            id: newId('bra'),
            practice_id: practiceId,
            breach_id: row.id,
            seq: ++seq,
            title: step[lang],
            owner_id: actorId(actor),
            due_on: parisDate(now),
            done_on: null,
            done_by: null,
            created_by: actorId(actor),
            created_at: at,
          });
        }
        audit.targetId = row.id;
        audit.details = {
          awareAt: row.aware_at,
          notifyBy: row.notify_by,
          nature: input.nature,
          circumstances: input.circumstances,
          ...(input.guide ? { guide: input.guide } : {}),
        };
        return loadDetail(tx, practiceId, row);
      },
    );
  }

  list(actor: Actor, practiceId: string, q: { status?: 'open' | 'closed' | undefined; limit: number; offset: number }) {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'breach.read', action: 'breach.listed', targetType: 'breach', targetId: null, readOnly: true },
      async ({ tx, audit }) => {
        const { rows, total } = await repo.listBreaches(tx, practiceId, q);
        const notifications = await repo.findNotifications(
          tx,
          practiceId,
          rows.map((r) => r.id),
        );
        audit.details = { count: rows.length, total };
        return {
          items: rows.map((r) =>
            presentBreach(
              r,
              notifications.filter((n) => n.breach_id === r.id),
            ),
          ),
          total,
        };
      },
    );
  }

  get(actor: Actor, practiceId: string, breachId: string): Promise<BreachDetail> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'breach.read',
        action: 'breach.read',
        targetType: 'breach',
        targetId: breachId,
        readOnly: true,
        load: (tx) => repo.findBreach(tx, practiceId, breachId),
      },
      async ({ tx }, r) => loadDetail(tx, practiceId, r),
    );
  }

  update(actor: Actor, practiceId: string, breachId: string, input: Record<string, unknown>) {
    return this.change(actor, practiceId, breachId, 'breach.manage', 'breach.updated', async (_tx, r) => {
      const patch: Partial<repo.BreachRow> = {};
      const times = { awareAt: r.aware_at, detectedAt: r.detected_at, startedAt: r.started_at, endedAt: r.ended_at };
      for (const k of ['detectedAt', 'startedAt', 'endedAt'] as const)
        if (k in input) times[k] = orNull(input[k] as string | null);
      const problem = timelineProblem(times, this.deps.clock.now());
      if (problem) throw validationError(problem.path, problem.code);
      const map: Record<string, (v: unknown) => Partial<repo.BreachRow>> = {
        title: (v) => ({ title: v as string }),
        detectedAt: () => ({ detected_at: times.detectedAt }),
        startedAt: () => ({ started_at: times.startedAt }),
        endedAt: () => ({ ended_at: times.endedAt }),
        nature: (v) => ({ nature: JSON.stringify(v) }),
        circumstances: (v) => ({ circumstances: JSON.stringify(v) }),
        cause: (v) => ({ cause: v as string | null }),
        peopleCategories: (v) => ({ people_categories: JSON.stringify(v) }),
        dataCategories: (v) => ({ data_categories: JSON.stringify(v) }),
        approxPeople: (v) => ({ approx_people: v as number | null }),
        approxRecords: (v) => ({ approx_records: v as number | null }),
        encrypted: (v) => ({ encrypted: v === null ? null : v ? 1 : 0 }),
        description: (v) => ({ description: v as string | null }),
        consequences: (v) => ({ consequences: JSON.stringify(v) }),
        consequencesNote: (v) => ({ consequences_note: v as string | null }),
        measures: (v) => ({ measures: v as string | null }),
      };
      for (const [k, v] of Object.entries(input)) Object.assign(patch, map[k]?.(v));
      return { patch, details: { fields: Object.keys(input) } };
    });
  }

  /** The ENISA questionnaire; the severity and the proposed decision are computed from it, never stored apart. */
  assess(actor: Actor, practiceId: string, breachId: string, assessment: Assessment) {
    return this.change(actor, practiceId, breachId, 'breach.manage', 'breach.assessed', async (_tx, r) => {
      const severity = severityOf(assessment, {
        approxPeople: r.approx_people === null ? null : Number(r.approx_people),
        encrypted: readFlag(r.encrypted),
      });
      return {
        patch: { assessment: JSON.stringify(assessment) },
        details: { score: severity.score, band: severity.band, proposed: severity.proposedDecision },
      };
    });
  }

  /** A person confirms the decision; who, when, why and what was proposed are kept (Art. 33(5): the register documents it). */
  decide(actor: Actor, practiceId: string, breachId: string, input: DecisionInput) {
    return this.change(actor, practiceId, breachId, 'breach.decide', 'breach.decided', async (tx, r) => {
      const current = presentBreach(r);
      const proposed = current.severity?.proposedDecision ?? null;
      const problem = decisionProblems(input, proposed);
      if (problem) throw validationError(problem.path, problem.code);
      if (input.decision === 'record_only' && (await repo.findNotifications(tx, practiceId, [r.id])).length > 0)
        throw conflict('decision', 'already_notified');
      return {
        patch: {
          decision: input.decision,
          proposed_decision: proposed,
          decision_reason: input.reason ?? null,
          people_exception: input.peopleException ?? null,
          decided_by: actorId(actor),
          decided_at: this.deps.clock.now().toISOString(),
        },
        details: {
          decision: input.decision,
          proposed,
          ...(input.peopleException ? { peopleException: input.peopleException } : {}),
        },
      };
    });
  }

  /** Art. 33(1) and (4): an initial (or complete) notification, then complementary ones; late ones carry the reasons for the delay. */
  notify(
    actor: Actor,
    practiceId: string,
    breachId: string,
    input: {
      kind: 'initial' | 'complementary' | 'complete';
      notifiedAt: string;
      reference?: string | undefined;
      delayReasons?: string | undefined;
    },
  ) {
    return this.change(actor, practiceId, breachId, 'breach.manage', 'breach.notified', async (tx, r) => {
      if (r.decision === null) throw conflict('', 'decision_required');
      if (r.decision === 'record_only') throw conflict('', 'decision_not_to_notify');
      const at = toUtc(input.notifiedAt);
      if (isInFuture(at, this.deps.clock.now())) throw validationError('notifiedAt', 'date_in_future');
      if (at < r.aware_at) throw validationError('notifiedAt', 'before_awareness');
      const earlier = await repo.findNotifications(tx, practiceId, [r.id]);
      const hasFirst = earlier.some((n) => n.kind !== 'complementary');
      if (input.kind === 'complementary' && !hasFirst) throw conflict('kind', 'initial_required');
      if (input.kind !== 'complementary' && hasFirst) throw conflict('kind', 'already_notified');
      const late = input.kind !== 'complementary' && isLate(at, r.notify_by);
      if (late && !input.delayReasons) throw validationError('delayReasons', 'late_needs_reasons');
      await repo.insertNotification(tx, {
        id: newId('brn'),
        practice_id: practiceId,
        breach_id: r.id,
        kind: input.kind,
        notified_at: at,
        reference: input.reference ?? null,
        delay_reasons: input.delayReasons ?? null,
        late: late ? 1 : 0,
        created_by: actorId(actor),
        created_at: this.deps.clock.now().toISOString(),
      });
      return { patch: {}, details: { kind: input.kind, notifiedAt: at, late } };
    });
  }

  /** Art. 34: who was told, when and how (patients linked to the index when known). */
  recordPeopleInformed(
    actor: Actor,
    practiceId: string,
    breachId: string,
    input: {
      informedOn: string;
      channel: string;
      recipients: string;
      peopleCount: number;
      patientIds?: string[] | undefined;
      note?: string | undefined;
    },
  ) {
    return this.change(actor, practiceId, breachId, 'breach.manage', 'breach.people-informed', async (tx, r) => {
      if (input.informedOn > parisDate(this.deps.clock.now())) throw validationError('informedOn', 'date_in_future');
      if (input.informedOn < parisDate(new Date(r.aware_at))) throw validationError('informedOn', 'before_awareness');
      const ids = [...new Set(input.patientIds ?? [])];
      for (const [i, id] of ids.entries()) await this.deps.patients.assertExists(tx, practiceId, id, `patientIds.${i}`);
      await repo.insertInformed(tx, {
        id: newId('bri'),
        practice_id: practiceId,
        breach_id: r.id,
        informed_on: input.informedOn,
        channel: input.channel,
        recipients: input.recipients,
        people_count: input.peopleCount,
        patient_ids: JSON.stringify(ids),
        note: input.note ?? null,
        created_by: actorId(actor),
        created_at: this.deps.clock.now().toISOString(),
      });
      return { patch: {}, details: { channel: input.channel, peopleCount: input.peopleCount, patients: ids.length } };
    });
  }

  addAction(
    actor: Actor,
    practiceId: string,
    breachId: string,
    input: { title: string; ownerId?: string | null | undefined; dueOn: string },
  ) {
    return this.change(actor, practiceId, breachId, 'breach.manage', 'breach.action-added', async (tx, r) => {
      if (input.ownerId && !(await this.deps.access.memberIds(tx, practiceId)).includes(input.ownerId))
        throw validationError('ownerId', 'not_a_member');
      const id = newId('bra');
      await repo.insertAction(tx, {
        id,
        practice_id: practiceId,
        breach_id: r.id,
        seq: await repo.nextActionSeq(tx, r.id),
        title: input.title,
        owner_id: input.ownerId ?? null,
        due_on: input.dueOn,
        done_on: null,
        done_by: null,
        created_by: actorId(actor),
        created_at: this.deps.clock.now().toISOString(),
      });
      return { patch: {}, details: { actionId: id, dueOn: input.dueOn } };
    });
  }

  completeAction(actor: Actor, practiceId: string, breachId: string, actionId: string, doneOn: string) {
    return this.change(actor, practiceId, breachId, 'breach.manage', 'breach.action-completed', async (tx, r) => {
      const a = await repo.findAction(tx, practiceId, r.id, actionId);
      if (!a) throw new AppError('NOT_FOUND');
      if (a.done_on) throw conflict('', 'action_done');
      if (doneOn > parisDate(this.deps.clock.now())) throw validationError('doneOn', 'date_in_future');
      if (doneOn < parisDate(new Date(a.created_at))) throw validationError('doneOn', 'before_action_created');
      await repo.completeAction(tx, practiceId, a.id, doneOn, actorId(actor));
      return { patch: {}, details: { actionId, doneOn } };
    });
  }

  /** Closing needs the decision and every corrective action done; the breach stays in the register for good. */
  close(actor: Actor, practiceId: string, breachId: string, closedOn: string) {
    return this.change(actor, practiceId, breachId, 'breach.manage', 'breach.closed', async (tx, r) => {
      if (r.decision === null) throw conflict('', 'decision_required');
      const open = (await repo.findActions(tx, practiceId, [r.id])).filter((a) => a.done_on === null);
      if (open.length > 0) throw conflict('', 'actions_open', { count: open.length });
      if (closedOn > parisDate(this.deps.clock.now())) throw validationError('closedOn', 'date_in_future');
      if (closedOn < parisDate(new Date(r.aware_at))) throw validationError('closedOn', 'before_awareness');
      return { patch: { status: 'closed', closed_on: closedOn }, details: { closedOn } };
    });
  }

  /** One step on an open breach: access check, the change, the audit entry, one transaction; answers the whole breach. */
  private change(
    actor: Actor,
    practiceId: string,
    breachId: string,
    permission: UseCase['permission'],
    action: AuditAction,
    decide: (
      tx: Executor,
      r: repo.BreachRow,
    ) => Promise<{ patch: Partial<repo.BreachRow>; details: Record<string, unknown> }>,
  ): Promise<BreachDetail> {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission,
        action,
        targetType: 'breach',
        targetId: breachId,
        load: (tx) => repo.findBreach(tx, practiceId, breachId),
      },
      async ({ tx, audit }, r) => {
        if (r.status === 'closed') throw conflict('', 'breach_closed');
        const { patch, details } = await decide(tx, r);
        const next = { ...r, ...patch, updated_at: this.deps.clock.now().toISOString() };
        await repo.updateBreach(tx, practiceId, breachId, { ...patch, updated_at: next.updated_at });
        audit.details = details;
        return loadDetail(tx, practiceId, next);
      },
    );
  }
}
