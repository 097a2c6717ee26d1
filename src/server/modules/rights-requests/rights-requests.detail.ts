import { detailsColumn, jsonColumn, readFlag } from '../../platform/db/codecs.js';
import {
  DecisionSchema,
  type AnswerFile,
  type Decision,
  type LetterResponse,
} from '../../../contracts/request-answers.js';
import type { RightsRequestResponse } from '../../../contracts/rights-requests.js';
import type { Executor } from '../../platform/db/database.js';
import type { PatientsService } from '../patients/index.js';
import { propose, proposalContext, type PatientFacts } from './decision.rules.js';
import type { ActivityFields } from '../../../contracts/register.js';

/** The register's activities concerning patients, and whether they are validated (the register module's answer). */
export type RegisterLookup = (
  tx: Executor,
  practiceId: string,
) => Promise<{ fields: ActivityFields[]; validated: boolean }>;
import * as repo from './rights-requests.repository.js';
import { isFinal } from './rights-requests.rules.js';

export const presentRequest = (r: repo.RequestRow): RightsRequestResponse => ({
  id: r.id,
  kind: r.kind,
  channel: r.channel,
  receivedOn: r.received_on,
  requester: {
    name: r.requester_name,
    relation: r.requester_relation,
    civility: r.requester_civility ?? null,
    address: r.requester_address ?? null,
  },
  patientId: r.patient_id,
  status: r.status,
  dueOn: r.due_on,
  earliestOn: r.earliest_on,
  olderThanFiveYears: readFlag(r.older_than_five_years),
  identityRequestedOn: r.identity_requested_on,
  identityReceivedOn: r.identity_received_on,
  extended: readFlag(r.extended),
  extensionReason: r.extension_reason,
  extensionNotifiedOn: r.extension_notified_on,
  closedOn: r.closed_on,
  restrictionLiftedOn: r.restriction_lifted_on,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const decisionColumn = jsonColumn(DecisionSchema);
export const decisionOf = (r: repo.RequestRow): Decision | null => decisionColumn.readNullable(r.decision);

export const presentLetter = (l: repo.LetterRow): LetterResponse => ({
  id: l.id,
  kind: l.kind,
  language: l.language,
  subject: l.subject,
  generatedAt: l.generated_at,
  generatedBy: l.generated_by,
  sentOn: l.sent_on,
  sentChannel: l.sent_channel as LetterResponse['sentChannel'],
  sentBy: l.sent_by,
});

export const presentFile = (f: repo.FileMetaRow): AnswerFile => ({
  id: f.id,
  name: f.name,
  mediaType: f.media_type,
  size: Number(f.size),
  sha256: f.sha256,
  uploadedAt: f.uploaded_at,
  uploadedBy: f.uploaded_by,
});

/** The facts the rules need about the linked patient (inside the use case's transaction), or null. */
export async function patientFacts(
  tx: Executor,
  patients: PatientsService,
  practiceId: string,
  patientId: string | null,
): Promise<PatientFacts | null> {
  if (!patientId) return null;
  const p = await patients.assertExists(tx, practiceId, patientId, 'patientId');
  return { birthDate: p.birth_date, lastCareOn: p.last_care_on, deathOn: p.death_on };
}

/** A request with its history, the rules' proposal while it is open, its decision, letters and files. */
export async function loadDetail(
  tx: Executor,
  patients: PatientsService,
  r: repo.RequestRow,
  today: string,
  register?: RegisterLookup,
) {
  const [events, letters, files] = await Promise.all([
    repo.findEvents(tx, r.practice_id, r.id),
    repo.findLetters(tx, r.practice_id, [r.id]),
    repo.findFiles(tx, r.practice_id, r.id),
  ]);
  const open = !isFinal(r.status);
  return {
    ...presentRequest(r),
    history: events.map((e) => ({
      at: e.at,
      actorId: e.actor_id,
      type: e.type,
      details: detailsColumn.read(e.details),
    })),
    proposal: open
      ? propose(
          r.kind,
          await patientFacts(tx, patients, r.practice_id, r.patient_id),
          today,
          await contextOf(tx, r, register),
        )
      : null,
    decision: decisionOf(r),
    letters: letters.map(presentLetter),
    files: files.map(presentFile),
  };
}

/** Who asks and what the register says, for the proposal. */
export async function contextOf(tx: Executor, r: repo.RequestRow, register?: RegisterLookup) {
  return proposalContext(r.requester_relation, register ? await register(tx, r.practice_id) : null);
}
