import { Temporal } from 'temporal-polyfill';
import {
  ALLOWED_GROUNDS,
  EFFECTS,
  SUBJECTS_BY_KIND,
  type DecisionGround,
  type DecisionSubject,
  type PatientEffect,
  type Proposal,
  type ProposalCaution,
  type ProposalItem,
  type Verdict,
} from '../../../contracts/request-answers.js';
import type { Relation, RequestKind } from '../../../contracts/rights-requests.js';

/** What the proposal needs beyond the patient: who asks, and what the practice's register says. */
export interface ProposalContext {
  relation: Relation;
  /** The register is validated in Gardien (the Art. 15 answer is generated from it). */
  registerValidated: boolean;
  /** A patient-facing activity rests on a contract or consent: the data the patient gave for it is portable (Art. 20(1)(a)). */
  portable: boolean;
}
const NO_CONTEXT: ProposalContext = { relation: 'self', registerValidated: false, portable: false };

/**
 * What the rules propose for each item of a request, the grounds a person may confirm instead, and what the decision
 * does to the patient's flags. A person confirms (or departs from the proposal, saying why); nothing here decides alone.
 */

export interface PatientFacts {
  birthDate: string;
  lastCareOn: string | null;
  deathOn: string | null;
}

const plain = (d: string) => Temporal.PlainDate.from(d);
const later = (a: Temporal.PlainDate, b: Temporal.PlainDate) => (Temporal.PlainDate.compare(a, b) >= 0 ? a : b);

/**
 * End of the medical record's retention: 20 years after the last care, not before the 28th birthday; 10 years after
 * death when the patient died less than 10 years after the last care. CSP R1112-7 by analogy (regulatory.md §2.1,
 * [S]): a default, labelled as such on screen. Unknown without a last care date.
 */
export function retentionEndsOn(p: PatientFacts): string | null {
  if (!p.lastCareOn) return null;
  const lastCare = plain(p.lastCareOn);
  if (p.deathOn && Temporal.PlainDate.compare(plain(p.deathOn), lastCare.add({ years: 10 })) < 0)
    return plain(p.deathOn).add({ years: 10 }).toString();
  return later(lastCare.add({ years: 20 }), plain(p.birthDate).add({ years: 28 })).toString();
}

/** The proposal for one item of a request of `kind`, given the patient (when linked) and today. */
export function proposeItem(
  kind: RequestKind,
  subject: DecisionSubject,
  patient: PatientFacts | null,
  today: string,
  ctx: ProposalContext = NO_CONTEXT,
): ProposalItem {
  const item = (verdict: Verdict, ground: DecisionGround): ProposalItem => ({
    subject,
    verdict,
    ground,
    effect: verdict === 'carried_out' ? (EFFECTS[subject] ?? null) : null,
  });
  switch (subject) {
    case 'art15_information':
    case 'copy':
      // Art. 15(1) and (3): the information and a copy; the first copy free (CJEU C-307/22).
      return item('carried_out', 'art15_answered');
    case 'health_record':
      return item('carried_out', 'csp_l1111_7');
    case 'rectification':
      return item('carried_out', 'art16_rectified');
    case 'medical_record': {
      // Art. 17(3)(b)/(c): no erasure of the medical record during its retention period.
      const end = patient ? retentionEndsOn(patient) : null;
      return end !== null && end <= today
        ? item('carried_out', 'art17_retention_ended')
        : item('refused', 'art17_3_retention');
    }
    case 'marketing':
      // Art. 21(2)-(3): an objection to direct marketing is absolute and honoured at once.
      return item('carried_out', kind === 'objection' ? 'art21_3_marketing' : 'art17_1_erased');
    case 'commercial_photos':
      return item('carried_out', 'art17_1_erased');
    case 'care':
      // Art. 21(1) covers processing on Art. 6(1)(e) or (f); care rests on a legal obligation and Art. 9(2)(h).
      return item('refused', 'art21_care_not_applicable');
    case 'care_sharing':
      // CSP L1110-4: the patient, informed beforehand, may object to the exchange and sharing of their information.
      return item('carried_out', 'csp_l1110_4_sharing');
    case 'sms_reminders':
      return item('carried_out', 'art21_1_reminders');
    case 'restriction':
      return item('carried_out', 'art18_restricted');
    case 'portability':
      // Art. 20(1)(a): data the patient provided under consent or a contract (billing, appointments), by automated means;
      // Art. 20(3): not what is kept under a legal obligation (the medical record).
      return ctx.portable ? item('carried_out', 'art20_served') : item('not_applicable', 'art20_not_applicable');
  }
}

export function propose(
  kind: RequestKind,
  patient: PatientFacts | null,
  today: string,
  ctx: ProposalContext = NO_CONTEXT,
): Proposal {
  const cautions: ProposalCaution[] = [];
  const record = kind === 'health_record_access' || kind === 'access';
  // CSP L1110-4 V: heirs see the record only to learn the cause of death, defend the memory or assert their rights.
  if (record && ctx.relation === 'heir') cautions.push('heirs_three_purposes');
  // CSP L1111-5: a minor may object to the holders of parental authority being consulted.
  if (
    record &&
    ctx.relation === 'legal_representative' &&
    patient &&
    Temporal.PlainDate.compare(plain(patient.birthDate).add({ years: 18 }), plain(today)) > 0
  )
    cautions.push('minor_may_object');
  return {
    items: SUBJECTS_BY_KIND[kind].map((s) => proposeItem(kind, s, patient, today, ctx)),
    retentionEndsOn: kind === 'erasure' && patient ? retentionEndsOn(patient) : null,
    patientLinked: patient !== null,
    registerValidated: ctx.registerValidated,
    cautions,
  };
}

/** The proposal's context from the register's patient activities. */
export function proposalContext(
  relation: Relation,
  register: { fields: readonly { purposes: readonly { legalBasis: string | null }[] }[]; validated: boolean } | null,
): ProposalContext {
  const fields = register?.fields ?? [];
  return {
    relation,
    registerValidated: register?.validated === true && fields.length > 0,
    portable: fields.some((a) => a.purposes.some((p) => p.legalBasis === 'contract' || p.legalBasis === 'consent')),
  };
}

export interface DecisionItemIn {
  subject: DecisionSubject;
  verdict: Verdict;
  ground: DecisionGround;
  reasons?: string | undefined;
}

/** Why the items cannot be confirmed as they are (paths are `items.N.field`); empty when they can. */
export function decisionProblems(
  kind: RequestKind,
  items: readonly DecisionItemIn[],
  proposal: Proposal,
): { path: string; code: string }[] {
  const problems: { path: string; code: string }[] = [];
  const seen = new Set<DecisionSubject>();
  items.forEach((it, i) => {
    const at = (f: string) => `items.${i}.${f}`;
    if (!SUBJECTS_BY_KIND[kind].includes(it.subject))
      return void problems.push({ path: at('subject'), code: 'subject_not_for_kind' });
    if (seen.has(it.subject)) return void problems.push({ path: at('subject'), code: 'duplicate_subject' });
    seen.add(it.subject);
    const grounds = ALLOWED_GROUNDS[it.subject][it.verdict];
    if (!grounds)
      return void problems.push({
        path: at('verdict'),
        code: it.subject === 'marketing' ? 'marketing_objection_absolute' : 'verdict_not_allowed',
      });
    if (!grounds.includes(it.ground)) return void problems.push({ path: at('ground'), code: 'ground_not_allowed' });
    const proposed = proposal.items.find((p) => p.subject === it.subject);
    const departs = !proposed || proposed.verdict !== it.verdict || proposed.ground !== it.ground;
    // Art. 12(4)-(5): a refusal or a departure is reasoned; the practice bears the proof of an excessive request.
    if ((departs || it.ground === 'other' || it.ground === 'art12_5_manifestly_unfounded') && !it.reasons?.trim())
      problems.push({ path: at('reasons'), code: 'reasons_required' });
  });
  return problems;
}

/** The flags a confirmed decision sets on the patient. */
export function effectsOf(items: readonly DecisionItemIn[]): PatientEffect[] {
  const out: PatientEffect[] = [];
  for (const it of items) {
    const e = it.verdict === 'carried_out' ? EFFECTS[it.subject] : undefined;
    if (e && !out.some((o) => o.flag === e.flag)) out.push(e);
  }
  return out;
}

/** An item that tells the person no action was taken (Art. 12(4)): refused, or not applicable unless nothing was held. */
export const noActionTaken = (i: { verdict: string; ground: string }): boolean =>
  i.verdict === 'refused' || (i.verdict === 'not_applicable' && i.ground !== 'nothing_held');

/**
 * Answered when at least one item was carried out, or when every item is "sans objet" (nothing held); refused
 * otherwise (the letter then gives the right to complain).
 */
export const outcomeOf = (items: readonly DecisionItemIn[]): 'answered' | 'refused' =>
  items.some((i) => i.verdict === 'carried_out') || !items.some(noActionTaken) ? 'answered' : 'refused';

export const effectFor = (subject: DecisionSubject, verdict: Verdict): PatientEffect | null =>
  verdict === 'carried_out' ? (EFFECTS[subject] ?? null) : null;
