import { Temporal } from 'temporal-polyfill';
import { ADEQUACY, EEA_CODES } from '../../../contracts/countries.js';
import {
  CLAUSES,
  type Clause,
  type HdsStatus,
  type ProcessorIssue,
  type Processor,
} from '../../../contracts/processors.js';

/** Already-certified hosts had to re-certify under the v2 referential (arrêté of 26 April 2024) by this day. */
export const HDS_V2_DEADLINE = '2026-05-16';
/** A certificate is "expiring" from this many days before its end, a contract from 60. */
export const HDS_EXPIRING_DAYS = 90;
export const CONTRACT_EXPIRING_DAYS = 60;

const shifted = new Map<string, string>();
/** `day` plus `days` (remembered: the list computes the same two horizons for every processor of a practice). */
export function addDays(day: string, days: number): string {
  const key = `${day}+${days}`;
  const known = shifted.get(key);
  if (known !== undefined) return known;
  const out = Temporal.PlainDate.from(day).add({ days }).toString();
  if (shifted.size >= 1024) shifted.clear();
  shifted.set(key, out);
  return out;
}
/** One year later (29 February → 28 February). */
export const nextYear = (day: string): string => Temporal.PlainDate.from(day).add({ years: 1 }).toString();

/**
 * CSP L1111-8: hosting health data on behalf of the professional who collected it needs an HDS certificate (SaaS
 * software, hosting, off-site backup, archiving). The practice's own server on its premises is not hosting on its
 * behalf, and a separate controller keeps data for its own purposes. Keeping health data is handling it.
 */
export function isHdsRequired(p: { role: string; hostsHealthData: boolean }): boolean {
  return p.role === 'processor' && p.hostsHealthData;
}

export interface HdsFacts {
  certificateNumber?: string | undefined;
  referential?: 'v1' | 'v2' | null | undefined;
  expiresOn?: string | null | undefined;
}

/**
 * The certificate's status on `today` (the practice's date): a certificate is valid through its expiry day, "expiring"
 * within 90 days of it; a v1 (2018) certificate is outdated after 16 May 2026 (HDS v2 arrêté of 26 April 2024).
 */
export function hdsStatus(required: boolean, hds: HdsFacts, today: string): HdsStatus {
  if (!required) return 'not_required';
  if (!hds.certificateNumber?.trim()) return 'missing';
  if (hds.expiresOn && hds.expiresOn < today) return 'expired';
  if (hds.referential === 'v1' && today > HDS_V2_DEADLINE) return 'v1_outdated';
  if (hds.expiresOn && hds.expiresOn <= addDays(today, HDS_EXPIRING_DAYS)) return 'expiring';
  return 'valid';
}

/** Where the data is: in the EEA, or a third country with or without a Commission adequacy decision (Art. 45). */
export function placeOf(country: string): {
  inEea: boolean;
  adequacy: boolean;
  adequacyScope: 'full' | 'partial' | null;
} {
  const inEea = EEA_CODES.includes(country);
  const scope = inEea ? null : (ADEQUACY[country] ?? null);
  return { inEea, adequacy: scope !== null, adequacyScope: scope };
}

/**
 * Art. 28(3): the clauses a processor's contract must hold. The Commission's standard clauses (Decision 2021/915) hold
 * them all; a separate or joint controller is not bound by Art. 28.
 */
export function missingClauses(
  role: string,
  contract: { basis?: string | undefined; clauses?: Partial<Record<Clause, string>> | undefined },
): Clause[] {
  if (role !== 'processor' || contract.basis === 'scc_2021_915') return [];
  return CLAUSES.filter((c) => contract.clauses?.[c] !== 'present');
}

type Facts = Pick<Processor, 'role' | 'handlesHealthData' | 'storage' | 'reviewDueOn' | 'subProcessors' | 'endedOn'> & {
  hds: Pick<Processor['hds'], 'status' | 'expiresOn'>;
  contract: Pick<Processor['contract'], 'signedOn' | 'expiresOn' | 'missingClauses'>;
};

/** What is wrong with a processor on `today`, most pressing first. */
export function processorIssues(p: Facts, today: string): ProcessorIssue[] {
  const out: ProcessorIssue[] = [];
  // A relationship that has ended is kept as proof, with nothing left to do.
  if (p.endedOn && p.endedOn <= today) return out;
  // Art. 26: joint controllers set out their respective responsibilities in an arrangement (its date: the contract's).
  if (p.role === 'joint_controller' && !p.contract.signedOn) out.push('arrangement_missing');
  if (p.role === 'processor') {
    if (!p.contract.signedOn) out.push('contract_missing');
    else if (p.contract.missingClauses.length > 0) out.push('clauses_missing');
    if (p.contract.expiresOn && p.contract.expiresOn < today) out.push('contract_expired');
    else if (p.contract.expiresOn && p.contract.expiresOn <= addDays(today, CONTRACT_EXPIRING_DAYS))
      out.push('contract_expiring');
  }
  const hds: Partial<Record<HdsStatus, ProcessorIssue>> = {
    missing: 'hds_missing',
    expired: 'hds_expired',
    v1_outdated: 'hds_v1_outdated',
    expiring: 'hds_expiring',
  };
  const hdsIssue = hds[p.hds.status];
  if (hdsIssue) out.push(hdsIssue);
  // Arts 44–46; HDS v2 and loi SREN art. 32: health data is stored in the EEA.
  // A partial adequacy decision (the Data Privacy Framework) covers only the organisations it lists: without a
  // safeguard said, the transfer is not framed; "adequacy" chosen for a country with no decision frames nothing.
  // Remote access from outside the EEA is a transfer too (Art. 44), to wherever the team is: any safeguard said.
  const mechanism = p.storage?.transferMechanism ?? 'none';
  if (p.storage && !p.storage.inEea) {
    if (p.handlesHealthData) out.push('health_data_outside_eea');
    const framed =
      p.storage.adequacyScope === 'full' || (mechanism !== 'none' && (mechanism !== 'adequacy' || p.storage.adequacy));
    if (!framed) out.push('transfer_without_mechanism');
  } else if (p.storage?.remoteAccessOutsideEea && mechanism === 'none') out.push('transfer_without_mechanism');
  if (!p.storage && p.role === 'processor') out.push('storage_unknown');
  if (p.subProcessors.some((s) => !placeOf(s.country).inEea)) out.push('subprocessor_outside_eea');
  if (p.reviewDueOn <= today) out.push('review_due');
  return out;
}

export interface DueTask {
  kind:
    | 'processor_contract'
    | 'processor_clauses'
    | 'processor_contract_expiring'
    | 'processor_hds'
    | 'processor_transfer'
    | 'processor_review';
  dueOn: string;
}

/**
 * The tasks of the to-do list: the contract (missing or expired), its missing clauses, the HDS certificate (missing,
 * expired, expiring or v1) where required, health data outside the EEA or a transfer with no safeguard, due at once or
 * at their date; a contract's end within 60 days; the yearly review when it falls due.
 */
export function dueTasks(p: Facts & { createdOn: string }, today: string): DueTask[] {
  const issues = processorIssues(p, today);
  const has = (i: ProcessorIssue) => issues.includes(i);
  const out: DueTask[] = [];
  if (has('contract_missing') || has('arrangement_missing'))
    out.push({ kind: 'processor_contract', dueOn: p.createdOn });
  else if (has('contract_expired')) out.push({ kind: 'processor_contract', dueOn: p.contract.expiresOn! });
  if (has('clauses_missing')) out.push({ kind: 'processor_clauses', dueOn: p.createdOn });
  if (has('contract_expiring')) out.push({ kind: 'processor_contract_expiring', dueOn: p.contract.expiresOn! });
  if (has('hds_missing')) out.push({ kind: 'processor_hds', dueOn: p.createdOn });
  else if (has('hds_v1_outdated')) out.push({ kind: 'processor_hds', dueOn: HDS_V2_DEADLINE });
  else if (has('hds_expired') || has('hds_expiring')) out.push({ kind: 'processor_hds', dueOn: p.hds.expiresOn! });
  if (has('health_data_outside_eea') || has('transfer_without_mechanism'))
    out.push({ kind: 'processor_transfer', dueOn: p.createdOn });
  if (has('review_due')) out.push({ kind: 'processor_review', dueOn: p.reviewDueOn });
  return out;
}

/** Dates that cannot be true: a contract signed in the future, or ending before it was signed. */
export function contractDateProblem(
  c: { signedOn?: string | null | undefined; expiresOn?: string | null | undefined },
  today: string,
): { path: string; code: string } | null {
  if (c.signedOn && c.signedOn > today) return { path: 'contract.signedOn', code: 'date_in_future' };
  if (c.signedOn && c.expiresOn && c.expiresOn < c.signedOn)
    return { path: 'contract.expiresOn', code: 'before_signature' };
  return null;
}
