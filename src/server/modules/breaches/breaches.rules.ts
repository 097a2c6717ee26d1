import { Temporal } from 'temporal-polyfill';
import type { Assessment, DECISIONS, PEOPLE_EXCEPTIONS, SEVERITY_BANDS } from '../../../contracts/breaches.js';

export type Decision = (typeof DECISIONS)[number];
export type Band = (typeof SEVERITY_BANDS)[number];
export type PeopleException = (typeof PEOPLE_EXCEPTIONS)[number];

const PARIS = 'Europe/Paris';

/** An instant typed with any offset, as the UTC string every instant is stored and answered in (`…Z`, milliseconds). */
export function toUtc(instant: string): string {
  return new Date(Temporal.Instant.from(instant).epochMilliseconds).toISOString();
}

/** Art. 33(1) GDPR: notify the CNIL within 72 hours of becoming aware — elapsed hours, whatever the clocks do in between. */
export function notifyByOf(awareAt: string): string {
  return new Date(Temporal.Instant.from(awareAt).add({ hours: 72 }).epochMilliseconds).toISOString();
}

/** The instant as a Paris wall-clock time (`2026-03-31T11:00+02:00[Europe/Paris]` → its parts), for letters and exports. */
export function parisWallTime(instant: string): { date: string; time: string; offset: string } {
  const z = Temporal.Instant.from(instant).toZonedDateTimeISO(PARIS);
  return {
    date: z.toPlainDate().toString(),
    time: z.toPlainTime().toString({ smallestUnit: 'minute' }),
    offset: z.offset,
  };
}

/** A few minutes of difference between the person's clock and the server's are not "the future". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
export const isInFuture = (instant: string, now: Date): boolean =>
  Date.parse(instant) > now.getTime() + FUTURE_TOLERANCE_MS;

/**
 * The breach's timeline must hold together: it started, was detected, then the practice became aware (EDPB 9/2022:
 * awareness is reasonable certainty, after detection); it ended after it started; nothing is in the future.
 */
export function timelineProblem(
  t: { awareAt: string; detectedAt: string | null; startedAt: string | null; endedAt: string | null },
  now: Date,
): { path: string; code: string } | null {
  for (const k of ['awareAt', 'detectedAt', 'startedAt', 'endedAt'] as const) {
    const v = t[k];
    if (v !== null && isInFuture(v, now)) return { path: k, code: 'date_in_future' };
  }
  if (t.detectedAt !== null && t.detectedAt > t.awareAt)
    return { path: 'detectedAt', code: 'detected_after_awareness' };
  if (t.startedAt !== null && t.startedAt > (t.detectedAt ?? t.awareAt))
    return { path: 'startedAt', code: 'started_after_detection' };
  if (t.endedAt !== null && t.startedAt !== null && t.endedAt < t.startedAt)
    return { path: 'endedAt', code: 'ended_before_start' };
  return null;
}

/** Whole hours left before the deadline (negative once passed), rounded down. */
export function hoursLeft(notifyBy: string, now: Date): number {
  return Math.floor((Date.parse(notifyBy) - now.getTime()) / 3_600_000);
}

export type ClockStage = 'more_than_24h' | 'within_24h' | 'within_12h' | 'within_1h' | 'passed';

/** The reminder stages the issue asks for: 24, 12 and 1 hour before the deadline, and once it has passed. */
export function clockStage(notifyBy: string, now: Date): ClockStage {
  const ms = Date.parse(notifyBy) - now.getTime();
  if (ms <= 0) return 'passed';
  if (ms <= 3_600_000) return 'within_1h';
  if (ms <= 12 * 3_600_000) return 'within_12h';
  if (ms <= 24 * 3_600_000) return 'within_24h';
  return 'more_than_24h';
}

/** Art. 33(1): a notification made after the 72 hours is late and must give the reasons for the delay. */
export const isLate = (notifiedAt: string, notifyBy: string): boolean => Date.parse(notifiedAt) > Date.parse(notifyBy);

// ENISA 2013 (SE = DPC × EI + CB), kept in quarters so that the bands compare exactly.
/** Ease of identification: negligible 0.25, limited 0.5, significant 0.75, maximum 1 (ENISA 2013, linear). */
const EI_QUARTERS = { negligible: 1, limited: 2, significant: 3, maximum: 4 } as const;
/** Circumstances of the breach, additive: 0 / 0.25 / 0.5 per element, +0.5 for malicious intent [S: calculators agree]. */
const CONFIDENTIALITY_QUARTERS = { none: 0, known_recipients: 1, unknown_recipients: 2 } as const;
const INTEGRITY_QUARTERS = { none: 0, altered_recoverable: 1, altered_not_recoverable: 2 } as const;
const AVAILABILITY_QUARTERS = { none: 0, temporary: 1, permanent: 2 } as const;
const MALICIOUS_QUARTERS = 2;

/** ENISA basic DPC score of each category, before the context raises or lowers it (Table 1). */
export const DPC_BASE = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 } as const;

export function severityScore(a: Assessment): number {
  const quarters =
    a.dpcScore * EI_QUARTERS[a.ease] +
    CONFIDENTIALITY_QUARTERS[a.confidentiality] +
    INTEGRITY_QUARTERS[a.integrity] +
    AVAILABILITY_QUARTERS[a.availability] +
    (a.malicious ? MALICIOUS_QUARTERS : 0);
  return quarters / 4;
}

/** ENISA bands: SE < 2 low, < 3 medium, < 4 high, else very high (shown with the CNIL scale Négligeable / Limité / Important / Maximal). */
export function bandOf(score: number): Band {
  if (score < 2) return 'low';
  if (score < 3) return 'medium';
  if (score < 4) return 'high';
  return 'very_high';
}

/**
 * The decision Gardien proposes (a proposal, not the law: the EDPB criteria are the legal test): low → record only
 * (Art. 33(5)); medium → notify the CNIL (Art. 33(1)); high or very high → also inform the people (Art. 34(1)).
 */
export function proposeDecision(band: Band): Decision {
  if (band === 'low') return 'record_only';
  if (band === 'medium') return 'notify_authority';
  return 'notify_authority_and_people';
}

export function severityOf(a: Assessment, facts: { approxPeople: number | null; encrypted: boolean | null }) {
  const score = severityScore(a);
  const band = bandOf(score);
  const flags: ('over_100_people' | 'encrypted')[] = [];
  if (facts.approxPeople !== null && facts.approxPeople > 100) flags.push('over_100_people');
  if (facts.encrypted === true) flags.push('encrypted');
  return {
    score,
    band,
    proposedDecision: lowerForEncryption(proposeDecision(band), a, facts.encrypted === true),
    flags,
  };
}

/**
 * Art. 34(3)(a): data encrypted with a key that stayed safe is unintelligible to whoever holds it. A loss of
 * confidentiality alone is then unlikely to harm (EDPB 9/2022, the stolen encrypted USB key: the register only); with
 * integrity or availability affected too, the CNIL is still told but the people need not be.
 */
export function lowerForEncryption(
  proposed: Decision,
  a: Pick<Assessment, 'integrity' | 'availability'>,
  encrypted: boolean,
): Decision {
  if (!encrypted || proposed === 'record_only') return proposed;
  if (a.integrity === 'none' && a.availability === 'none') return 'record_only';
  return 'notify_authority';
}

const RANK: Record<Decision, number> = { record_only: 0, notify_authority: 1, notify_authority_and_people: 2 };

export type DecisionProblem = { path: string; code: string };

/**
 * What a confirmed decision must carry: the reasons for not notifying (Art. 33(5): the register keeps them), the reasons
 * for going below the proposal, and an Art. 34(3) ground for not informing people when the risk is high.
 */
export function decisionProblems(
  input: { decision: Decision; reason?: string | undefined; peopleException?: PeopleException | undefined },
  proposed: Decision | null,
): DecisionProblem | null {
  const hasReason = !!input.reason && input.reason.trim().length > 0;
  if (input.peopleException && input.decision !== 'notify_authority')
    return { path: 'peopleException', code: 'exception_not_applicable' };
  if (input.decision === 'record_only' && !hasReason) return { path: 'reason', code: 'not_notifying_needs_reasons' };
  if (proposed !== null && RANK[input.decision] < RANK[proposed]) {
    if (proposed === 'notify_authority_and_people' && input.decision === 'notify_authority' && !input.peopleException)
      return { path: 'peopleException', code: 'people_exception_required' };
    if (!hasReason) return { path: 'reason', code: 'below_proposal_needs_reasons' };
  }
  return null;
}

export type CnilInformationState = 'informed' | 'will_be' | 'undetermined' | 'will_not_be';

/** The CNIL's four states for "information of the people", from the decision and what was recorded. */
export function informationState(decision: Decision | null, informedCount: number): CnilInformationState {
  if (informedCount > 0) return 'informed';
  if (decision === null) return 'undetermined';
  return decision === 'notify_authority_and_people' ? 'will_be' : 'will_not_be';
}

/** The CNIL's bands of people affected (open dataset of notifications). */
export function peopleBand(n: number | null): string | null {
  if (n === null) return null;
  if (n <= 5) return '0–5';
  if (n <= 50) return '6–50';
  if (n <= 300) return '51–300';
  if (n <= 5000) return '301–5000';
  return '> 5000';
}
