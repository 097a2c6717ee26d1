import type { Decision, DecisionInput, LetterKind, LetterResponse } from '../../../contracts/request-answers.js';
import type { ActivityFields } from '../../../contracts/register.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { type FileOut } from '../../platform/documents/file.js';
import type { Lang } from '../../platform/http/messages.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict, validationError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import type { Access } from '../access/index.js';
import type { PatientsService } from '../patients/index.js';
import type { PracticesService } from '../practices/index.js';
import { decisionProblems, effectFor, effectsOf, outcomeOf, propose, retentionEndsOn } from './decision.rules.js';
import {
  contextOf,
  decisionOf,
  loadDetail,
  patientFacts,
  presentLetter,
  presentRequest,
} from './rights-requests.detail.js';
import { requestLetter } from './rights-requests.letters.js';
import { letterFileOut, requestsRegisterFile } from './request-answers.documents.js';
import { runOnRequest } from './request-answers.scope.js';
import * as repo from './rights-requests.repository.js';
import { assertDay, isFinal, isHealthRecord } from './rights-requests.rules.js';
import { parisDate } from '../../platform/clock.js';

export interface RequestAnswersDeps {
  access: Access;
  clock: Clock;
  patients: PatientsService;
  practices: PracticesService;
  /** AES-256-GCM key of the installation: the answer files are sealed with it. */
  dataKey: Buffer;
  /** The register's activities concerning patients (the Art. 15 answer is generated from them once validated). */
  register?: (tx: Executor, practiceId: string) => Promise<{ fields: ActivityFields[]; validated: boolean }>;
}

/** The restriction granted by this request still holds (answered, restriction carried out, not lifted yet). */
const restrictionInForce = (r: repo.RequestRow) =>
  r.kind === 'restriction' &&
  r.status === 'answered' &&
  r.restriction_lifted_on === null &&
  (decisionOf(r)?.items.some((i) => i.subject === 'restriction' && i.verdict === 'carried_out') ?? false);

/**
 * How a request is answered: the decision item by item (proposed by the rules, confirmed by a person with
 * `request.decide`), the patient's flags it sets, the letters and their log, the encrypted files of the answer and
 * their ZIP, the requests register. Every step goes through the access chokepoint and appends its audit entry.
 */
export class RequestAnswersService {
  constructor(private readonly deps: RequestAnswersDeps) {}

  private today(): string {
    return parisDate(this.deps.clock.now());
  }

  /** Art. 12: the answer item by item with its legal ground; sets the patient's flags; writes the answer letter into the log. */
  decide(actor: Actor, practiceId: string, requestId: string, input: DecisionInput) {
    return runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.decide',
      'request.decided',
      async (tx, r, audit) => {
        if (isFinal(r.status)) throw conflict('status', 'request_closed');
        assertDay('on', input.on, this.today(), r.received_on);
        const kind = r.kind;
        let patientId = r.patient_id;
        if (input.patientId && r.patient_id && input.patientId !== r.patient_id)
          throw validationError('patientId', 'patient_already_linked');
        if (input.patientId && !r.patient_id) {
          await this.deps.patients.assertExists(tx, practiceId, input.patientId, 'patientId');
          patientId = input.patientId;
        }
        const proposal = propose(
          kind,
          await patientFacts(tx, this.deps.patients, practiceId, patientId),
          this.today(),
          await contextOf(tx, r, this.deps.register),
        );
        const problems = decisionProblems(kind, input.items, proposal);
        if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { issues: problems });
        const outcome = outcomeOf(input.items);
        const waitingIdentity = r.identity_requested_on !== null && r.identity_received_on === null;
        // Art. 12(6) and CSP R1111-1: nothing is communicated before the identity is checked (a refusal may still be given).
        if (outcome === 'answered' && waitingIdentity) throw conflict('', 'identity_awaited');
        // CSP L1111-7: not before the 48-hour reflection period.
        if (outcome === 'answered' && isHealthRecord(kind) && r.earliest_on && input.on < r.earliest_on)
          throw validationError('on', 'before_reflection_period', { earliestOn: r.earliest_on });
        const effects = effectsOf(input.items);
        if (effects.length > 0 && !patientId) throw validationError('patientId', 'patient_required_for_effect');
        for (const e of effects) await this.deps.patients.setFlag(tx, practiceId, patientId!, e.flag, e.value);
        const now = this.deps.clock.now().toISOString();
        const decision: Decision = {
          on: input.on,
          items: input.items.map((it) => {
            const p = proposal.items.find((x) => x.subject === it.subject)!;
            return {
              subject: it.subject,
              verdict: it.verdict,
              ground: it.ground,
              reasons: it.reasons?.trim() || null,
              proposed: { verdict: p.verdict, ground: p.ground },
              effect: effectFor(it.subject, it.verdict),
            };
          }),
          note: input.note?.trim() || null,
          decidedBy: actorId(actor),
          decidedAt: now,
        };
        const late = r.due_on !== null && input.on > r.due_on;
        const patch = {
          status: outcome,
          closed_on: input.on,
          patient_id: patientId,
          decision: JSON.stringify(decision),
          decided_by: decision.decidedBy,
          decided_at: now,
          updated_at: now,
        };
        await repo.updateRequest(tx, practiceId, requestId, patch);
        const next: repo.RequestRow = { ...r, ...patch };
        const summary = decision.items.map((i) => ({
          subject: i.subject,
          verdict: i.verdict,
          ground: i.ground,
          departs: i.verdict !== i.proposed.verdict || i.ground !== i.proposed.ground,
        }));
        await repo.recordEvent(tx, this.deps.clock.now(), actor, next, 'decided', {
          outcome,
          on: input.on,
          items: summary,
          effects,
          ...(late ? { late: true } : {}),
        });
        const letter = await this.writeLetter(
          tx,
          actor,
          next,
          outcome === 'answered' ? 'answer' : 'refusal',
          input.language,
        );
        audit.details = {
          kind,
          outcome,
          items: summary,
          effects,
          patientId,
          letterId: letter.id,
          ...(late ? { late: true } : {}),
        };
        return loadDetail(tx, this.deps.patients, next, this.today(), this.deps.register);
      },
    );
  }

  /** Art. 18(3): a restriction is lifted only once the patient has been told (the notice letter sent on or before). */
  liftRestriction(actor: Actor, practiceId: string, requestId: string, liftedOn: string) {
    return runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.decide',
      'request.restriction-lifted',
      async (tx, r, audit) => {
        if (!restrictionInForce(r)) throw conflict('', 'no_restriction_in_force');
        assertDay('liftedOn', liftedOn, this.today(), r.closed_on ?? r.received_on, 'before_decision');
        const notices = (await repo.findLetters(tx, practiceId, [r.id])).filter(
          (l) => l.kind === 'restriction_lift' && l.sent_on !== null && l.sent_on <= liftedOn,
        );
        if (notices.length === 0) throw conflict('liftedOn', 'lift_notice_not_sent');
        if (r.patient_id) await this.deps.patients.setFlag(tx, practiceId, r.patient_id, 'isRestricted', false);
        const now = this.deps.clock.now().toISOString();
        await repo.updateRequest(tx, practiceId, requestId, { restriction_lifted_on: liftedOn, updated_at: now });
        const next = { ...r, restriction_lifted_on: liftedOn, updated_at: now };
        await repo.recordEvent(tx, this.deps.clock.now(), actor, next, 'restriction-lifted', {
          liftedOn,
          noticeSentOn: notices[0]!.sent_on,
        });
        audit.details = { liftedOn, patientId: r.patient_id, noticeLetterId: notices[0]!.id };
        return loadDetail(tx, this.deps.patients, next, this.today(), this.deps.register);
      },
    );
  }

  /** A letter generated from the request as it stands, kept in the log exactly as generated. */
  createLetter(
    actor: Actor,
    practiceId: string,
    requestId: string,
    input: { kind: LetterKind; language: Lang },
  ): Promise<LetterResponse> {
    return runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.manage',
      'request.letter-generated',
      async (tx, r, audit) => {
        // The letter asking for identity says the clock will start again: not once the due date is past (décret 2019-536 art. 77).
        if (
          input.kind === 'identity_request' &&
          !isHealthRecord(r.kind) &&
          r.identity_requested_on === null &&
          r.due_on !== null &&
          this.today() > r.due_on
        ) {
          throw new AppError('DEADLINE_PASSED', {
            issues: [{ path: 'kind', code: 'identity_after_due_date', params: { dueOn: r.due_on } }],
          });
        }
        const problem = letterProblem(input.kind, r);
        if (problem) throw conflict('kind', problem);
        const l = await this.writeLetter(tx, actor, r, input.kind, input.language);
        audit.details = { kind: input.kind, language: input.language, letterId: l.id };
        return l;
      },
    );
  }

  private async writeLetter(
    tx: Executor,
    actor: Actor,
    r: repo.RequestRow,
    kind: LetterKind,
    lang: Lang,
  ): Promise<LetterResponse> {
    const facts = await patientFacts(tx, this.deps.patients, r.practice_id, r.patient_id);
    // Only an answer giving the Art. 15 information reads the register.
    const decision = decisionOf(r);
    const art15 =
      kind === 'answer' &&
      (decision?.items.some((i) => i.subject === 'art15_information' && i.verdict === 'carried_out') ?? false);
    const reg = art15 && this.deps.register ? await this.deps.register(tx, r.practice_id) : null;
    const register = reg?.validated ? reg.fields : [];
    const letter = requestLetter(
      kind,
      {
        request: presentRequest(r),
        decision,
        retentionEndsOn: facts ? retentionEndsOn(facts) : null,
        practice: await this.deps.practices.identity(tx, r.practice_id),
        register,
      },
      lang,
      this.today(),
    );
    const row: repo.LetterRow = {
      id: newId('rql'),
      practice_id: r.practice_id,
      request_id: r.id,
      seq: await repo.nextLetterSeq(tx, r.id),
      kind,
      language: lang,
      subject: letter.subject,
      body: JSON.stringify(letter),
      generated_at: this.deps.clock.now().toISOString(),
      generated_by: actorId(actor),
      sent_on: null,
      sent_channel: null,
      sent_by: null,
    };
    await repo.insertLetter(tx, row);
    await repo.recordEvent(tx, this.deps.clock.now(), actor, r, 'letter-generated', {
      letterId: row.id,
      kind,
      language: lang,
    });
    return presentLetter(row);
  }

  /** The letter as generated, as text (to paste into an e-mail) or PDF (to print or attach). */
  async letterFile(
    actor: Actor,
    practiceId: string,
    requestId: string,
    letterId: string,
    format: 'pdf' | 'txt',
  ): Promise<FileOut> {
    const { l, practice } = await runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.read',
      'request.letter-downloaded',
      async (tx, _r, audit) => {
        const l = await repo.findLetter(tx, practiceId, requestId, letterId);
        if (!l) throw new AppError('NOT_FOUND');
        audit.details = { letterId, kind: l.kind, format };
        return { l, practice: await this.deps.practices.identity(tx, practiceId) };
      },
    );
    return letterFileOut(l, practice, format);
  }

  letterSent(
    actor: Actor,
    practiceId: string,
    requestId: string,
    letterId: string,
    input: { sentOn: string; channel: string },
  ): Promise<LetterResponse> {
    return runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.manage',
      'request.letter-sent',
      async (tx, r, audit) => {
        const l = await repo.findLetter(tx, practiceId, requestId, letterId);
        if (!l) throw new AppError('NOT_FOUND');
        if (l.sent_on !== null) throw conflict('', 'letter_already_sent');
        assertDay('sentOn', input.sentOn, this.today(), parisDate(new Date(l.generated_at)), 'before_generation');
        const patch = { sent_on: input.sentOn, sent_channel: input.channel, sent_by: actorId(actor) };
        await repo.updateLetter(tx, practiceId, letterId, patch);
        await repo.recordEvent(tx, this.deps.clock.now(), actor, r, 'letter-sent', {
          letterId,
          kind: l.kind,
          sentOn: input.sentOn,
          channel: input.channel,
        });
        audit.details = { letterId, kind: l.kind, sentOn: input.sentOn, channel: input.channel };
        return presentLetter({ ...l, ...patch });
      },
    );
  }

  /** The register of requests: each request, its clock, its decision and its letters, as PDF, CSV or XLSX. */
  async exportRegister(actor: Actor, practiceId: string, format: 'pdf' | 'csv' | 'xlsx', lang: Lang): Promise<FileOut> {
    const data = await this.deps.access.run(
      actor,
      practiceId,
      { permission: 'request.read', action: 'request.register-exported', targetType: 'rights_request', targetId: null },
      async ({ tx, audit }) => {
        const rows = await repo.allRequests(tx, practiceId);
        const letters = await repo.findLetters(
          tx,
          practiceId,
          rows.map((r) => r.id),
        );
        audit.details = { format, count: rows.length };
        return { rows, letters, practice: await this.deps.practices.identity(tx, practiceId) };
      },
    );
    return requestsRegisterFile(data, format, lang, this.deps.clock.now());
  }

  /** For the patient form: a restriction granted by a request is in force for this patient (no access check: the caller's use case made it). */
  async restrictionInForceFor(tx: Executor, practiceId: string, patientId: string): Promise<boolean> {
    return (await repo.requestsOfPatient(tx, practiceId, patientId)).some(restrictionInForce);
  }
}

/** Why a letter of this kind cannot be generated for the request as it stands, or null. */
function letterProblem(kind: LetterKind, r: repo.RequestRow): string | null {
  if (kind === 'answer' && r.status !== 'answered') return 'letter_needs_answer';
  if (kind === 'refusal' && r.status !== 'refused') return 'letter_needs_refusal';
  if (kind === 'extension' && Number(r.extended) !== 1) return 'letter_needs_extension';
  if (kind === 'restriction_lift' && !restrictionInForce(r)) return 'no_restriction_in_force';
  if (kind === 'identity_request' && isFinal(r.status)) return 'request_closed';
  return null;
}
