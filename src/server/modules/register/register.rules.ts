import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { ActivityFields } from '../../../contracts/register.js';

/** What is still missing before the owner can validate an activity (Art. 30(1)(a)-(g); the CNIL fiche's fields). */
export function missingFields(f: ActivityFields): string[] {
  const missing: string[] = [];
  if (f.purposes.length === 0) missing.push('purposes');
  f.purposes.forEach((p, i) => p.legalBasis === null && missing.push(`purposes.${i}.legalBasis`));
  // Art. 9(1): special categories need one of the Art. 9(2) conditions.
  if (f.sensitive.length > 0 && !f.purposes.some((p) => p.art9Condition)) missing.push('purposes.art9Condition');
  if (f.people.length === 0) missing.push('people');
  if (f.data.length === 0 && f.sensitive.length === 0) missing.push('data');
  // Art. 30(1)(f): the time limits for erasure, per category.
  f.data.forEach((d, i) => !d.retention.active.trim() && missing.push(`data.${i}.retention.active`));
  f.sensitive.forEach((d, i) => !d.retention.active.trim() && missing.push(`sensitive.${i}.retention.active`));
  if (f.recipients.length === 0) missing.push('recipients');
  // Art. 30(1)(g): a general description of the security measures.
  if (f.security.length === 0) missing.push('security');
  return missing;
}

/**
 * DPIA screening. EDPB WP248 rev.01: two criteria or more, as a rule, mean a DPIA (Art. 35(1)). Care by a health
 * professional is on the CNIL's list of processing without DPIA (délib. 2019-118): for an activity of care (Art.
 * 9(2)(h)), health data and patients as vulnerable people do not count, since every practice meets them; a group
 * practice sharing its information system for more than 10,000 patients a year does need one (CNIL référentiel §11).
 */
export function dpiaLikely(f: ActivityFields): boolean {
  if (f.dpiaCriteria.includes('group_practice_over_10000')) return true;
  const care = f.purposes.some((p) => p.art9Condition === 'health_care');
  const counted = f.dpiaCriteria.filter((c) => c !== 'group_practice_over_10000' && !(care && (c === 'sensitive_data' || c === 'vulnerable_people')));
  return counted.length >= 2;
}

/** The review falls due twelve months after the validation (a default of good practice, shown as such). */
export function reviewDueOn(validatedAt: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(validatedAt.getTime()).toZonedDateTimeISO('Europe/Paris').toPlainDate().add({ months: 12 }).toString();
}

/** JSON with sorted keys: the same fields always give the same fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

export const fingerprint = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');
