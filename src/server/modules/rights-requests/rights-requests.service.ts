import { readFlag } from '../../platform/db/codecs.js';
import type {
  CreateRightsRequest,
  RequestKind,
  RequestStatus,
  RightsRequestResponse,
} from '../../../contracts/rights-requests.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict, validationError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import type { Access, UseCase } from '../access/index.js';
import type { AuditAction } from '../audit-trail/index.js';
import type { PatientsService } from '../patients/index.js';
import type { PracticesService } from '../practices/index.js';
import { canExtend } from './deadline.rules.js';
import * as repo from './rights-requests.repository.js';
import { loadDetail, presentRequest, type RegisterLookup } from './rights-requests.detail.js';
import { assertDay, canMove, isFinal, isHealthRecord, requestDates, suspendedDueOn } from './rights-requests.rules.js';
import { parisDate } from '../../platform/clock.js';

export { presentRequest };

export interface RightsRequestsDeps {
  access: Access;
  clock: Clock;
  patients: PatientsService;
  practices: PracticesService;
  /** The register's patient activities (the proposal says where the Art. 15 information comes from, what is portable). */
  register?: RegisterLookup;
}

/**
 * Patients' rights requests: intake, the legal clocks, the identity suspension, the extension, the workflow.
 * Every step goes through the access chokepoint, is audited, and is written to the request's own history.
 */
export class RightsRequestsService {
  constructor(private readonly deps: RightsRequestsDeps) {}

  private today(): string {
    return parisDate(this.deps.clock.now());
  }

  create(actor: Actor, practiceId: string, input: CreateRightsRequest): Promise<RightsRequestResponse> {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'request.manage', action: 'request.created', targetType: 'rights_request' },
      async ({ tx, audit }) => {
        assertDay('receivedOn', input.receivedOn, this.today(), null);
        // A receipt before the GDPR applied (25 May 2018) is a typing slip, not a request to track.
        if (input.receivedOn < '2018-05-25') throw validationError('receivedOn', 'date_implausible');
        if (input.patientId) await this.deps.patients.assertExists(tx, practiceId, input.patientId, 'patientId');
        if (isHealthRecord(input.kind) && !input.healthRecord)
          throw validationError('healthRecord.olderThanFiveYears', 'required_for_health_record');
        const older = isHealthRecord(input.kind) ? (input.healthRecord?.olderThanFiveYears ?? false) : null;
        const holidays = await this.deps.practices.holidayOptions(tx, practiceId);
        const dates = requestDates(
          {
            kind: input.kind,
            receivedOn: input.receivedOn,
            olderThanFiveYears: older,
            extended: false,
            identityRequestedOn: null,
            identityReceivedOn: null,
          },
          holidays,
        );
        const now = this.deps.clock.now().toISOString();
        const row: repo.RequestRow = {
          id: newId('req'),
          practice_id: practiceId,
          kind: input.kind,
          channel: input.channel,
          received_on: input.receivedOn,
          requester_name: input.requester.name,
          requester_relation: input.requester.relation,
          requester_civility: input.requester.civility ?? null,
          requester_address: input.requester.address ?? null,
          patient_id: input.patientId ?? null,
          older_than_five_years: older === null ? null : older ? 1 : 0,
          status: 'received',
          identity_requested_on: null,
          identity_received_on: null,
          extended: 0,
          extension_reason: null,
          extension_notified_on: null,
          due_on: dates.dueOn,
          earliest_on: dates.earliestOn,
          closed_on: null,
          note: input.note ?? null,
          created_by: actorId(actor),
          created_at: now,
          updated_at: now,
          decision: null,
          decided_by: null,
          decided_at: null,
          restriction_lifted_on: null,
        };
        await repo.insertRequest(tx, row);
        await repo.recordEvent(tx, this.deps.clock.now(), actor, row, 'created', {
          kind: row.kind,
          channel: row.channel,
          dueOn: row.due_on,
        });
        audit.targetId = row.id;
        audit.details = { kind: row.kind, channel: row.channel, relation: row.requester_relation, dueOn: row.due_on };
        return presentRequest(row);
      },
    );
  }

  list(
    actor: Actor,
    practiceId: string,
    q: {
      status?: RequestStatus | undefined;
      kind?: RequestKind | undefined;
      dueBefore?: string | undefined;
      open?: 'true' | 'false' | undefined;
      limit: number;
      offset: number;
    },
  ) {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'request.read',
        action: 'request.listed',
        targetType: 'rights_request',
        targetId: null,
        readOnly: true,
      },
      async ({ tx, audit }) => {
        const { rows, total } = await repo.listRequests(tx, practiceId, {
          status: q.status,
          kind: q.kind,
          dueBefore: q.dueBefore,
          openOnly: q.open === 'true',
          limit: q.limit,
          offset: q.offset,
        });
        audit.details = { count: rows.length, total };
        return { items: rows.map(presentRequest), total };
      },
    );
  }

  get(actor: Actor, practiceId: string, requestId: string) {
    return this.deps.access.run(
      actor,
      practiceId,
      {
        permission: 'request.read',
        action: 'request.read',
        targetType: 'rights_request',
        targetId: requestId,
        readOnly: true,
        load: (tx) => repo.findRequest(tx, practiceId, requestId),
      },
      async ({ tx }, r) => {
        return loadDetail(tx, this.deps.patients, r, this.today(), this.deps.register);
      },
    );
  }

  /** Art. 12(3): two more months (three in all from receipt), only before the original due date, the requester told why. */
  extend(actor: Actor, practiceId: string, requestId: string, input: { reason: string; notifiedOn: string }) {
    return this.change(actor, practiceId, requestId, 'request.extended', async (tx, r) => {
      if (isHealthRecord(r.kind)) throw conflict('', 'extension_not_applicable');
      if (readFlag(r.extended)) throw conflict('', 'already_extended');
      assertDay('notifiedOn', input.notifiedOn, this.today(), r.received_on);
      // While identity is awaited the clock stands still: the extension is judged against the due date it would have if
      // the proof arrived today (décret 2019-536 art. 77), never against no date at all.
      const dueOn =
        r.due_on ?? suspendedDueOn(r, this.today(), await this.deps.practices.holidayOptions(tx, practiceId));
      const verdict = canExtend(dueOn, this.today(), input.notifiedOn, r.received_on);
      if (verdict === 'deadline_passed')
        throw new AppError('DEADLINE_PASSED', { issues: [{ path: '', code: 'deadline_passed', params: { dueOn } }] });
      if (verdict !== 'ok') throw validationError('notifiedOn', verdict, { dueOn });
      return {
        patch: { extended: 1, extension_reason: input.reason, extension_notified_on: input.notifiedOn },
        event: { previousDueOn: r.due_on, notifiedOn: input.notifiedOn },
      };
    });
  }

  /** Art. 12(6): asking for proof of identity; the GDPR clock stops until it arrives (décret 2019-536 art. 77). */
  requestIdentity(actor: Actor, practiceId: string, requestId: string, requestedOn: string) {
    return this.change(actor, practiceId, requestId, 'request.identity-requested', async (_tx, r) => {
      if (r.identity_requested_on && !r.identity_received_on) throw conflict('', 'identity_already_requested');
      if (r.identity_received_on) throw conflict('', 'identity_already_received');
      assertDay('requestedOn', requestedOn, this.today(), r.received_on);
      // The suspension stops a clock that still runs (décret 2019-536 art. 77): once the due date is past, nothing stops it,
      // whatever day is typed (a date before the due date, entered after it, would hide a late answer).
      if (!isHealthRecord(r.kind) && r.due_on !== null && (requestedOn > r.due_on || this.today() > r.due_on)) {
        throw new AppError('DEADLINE_PASSED', {
          issues: [{ path: 'requestedOn', code: 'identity_after_due_date', params: { dueOn: r.due_on } }],
        });
      }
      if (!canMove(r.status, 'identity_check')) throw conflict('status', 'status_transition');
      return { patch: { identity_requested_on: requestedOn, status: 'identity_check' }, event: { requestedOn } };
    });
  }

  identityReceived(actor: Actor, practiceId: string, requestId: string, receivedOn: string) {
    return this.change(actor, practiceId, requestId, 'request.identity-received', async (_tx, r) => {
      if (!r.identity_requested_on || r.identity_received_on) throw conflict('', 'identity_not_requested');
      assertDay('receivedOn', receivedOn, this.today(), r.identity_requested_on);
      return { patch: { identity_received_on: receivedOn, status: 'in_progress' }, event: { receivedOn } };
    });
  }

  /** In progress, or withdrawn by the requester; answering and refusing go through the decision (request-answers). */
  changeStatus(
    actor: Actor,
    practiceId: string,
    requestId: string,
    input: { status: 'in_progress' | 'withdrawn'; on: string; note?: string | undefined },
  ) {
    return this.change(actor, practiceId, requestId, 'request.status-changed', async (_tx, r) => {
      if (!canMove(r.status, input.status)) throw conflict('status', 'status_transition');
      assertDay('on', input.on, this.today(), r.received_on);
      const closing = isFinal(input.status);
      return {
        patch: {
          status: input.status,
          closed_on: closing ? input.on : null,
          ...(input.note ? { note: input.note } : {}),
        },
        event: { from: r.status, to: input.status, on: input.on },
      };
    });
  }

  /** One step of the workflow: access check, the change, the due date recomputed, history and audit, one transaction. */
  private change(
    actor: Actor,
    practiceId: string,
    requestId: string,
    action: AuditAction,
    decide: (
      tx: Executor,
      r: repo.RequestRow,
    ) => Promise<{ patch: Partial<repo.RequestRow>; event: Record<string, unknown> }>,
  ) {
    const useCase: UseCase = {
      permission: 'request.manage',
      action,
      targetType: 'rights_request',
      targetId: requestId,
    };
    return this.deps.access.run(
      actor,
      practiceId,
      { ...useCase, load: (tx) => repo.findRequest(tx, practiceId, requestId) },
      async ({ tx, audit }, r) => {
        if (isFinal(r.status)) throw conflict('status', 'request_closed');
        const { patch, event } = await decide(tx, r);
        const next: repo.RequestRow = { ...r, ...patch, updated_at: this.deps.clock.now().toISOString() };
        const holidays = await this.deps.practices.holidayOptions(tx, practiceId);
        const dates = requestDates(
          {
            kind: next.kind,
            receivedOn: next.received_on,
            olderThanFiveYears: readFlag(next.older_than_five_years),
            extended: readFlag(next.extended),
            identityRequestedOn: next.identity_requested_on,
            identityReceivedOn: next.identity_received_on,
          },
          holidays,
        );
        next.due_on = dates.dueOn;
        next.earliest_on = dates.earliestOn;
        await repo.updateRequest(tx, practiceId, requestId, {
          ...patch,
          due_on: next.due_on,
          earliest_on: next.earliest_on,
          updated_at: next.updated_at,
        });
        const details = { ...event, dueOn: next.due_on };
        await repo.recordEvent(tx, this.deps.clock.now(), actor, next, action.replace('request.', ''), details);
        audit.details = { kind: next.kind, status: next.status, ...details };
        return presentRequest(next);
      },
    );
  }
}
