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
  // Art. 30(1): the register states the practice's real processing; template text still to adapt is not an entry.
  for (const path of placeholderFields(f)) if (!missing.includes(path)) missing.push(path);
  return missing;
}

/** Template text the practice has to replace ("(à préciser)"): never validated, never printed as if it were true. */
// Built from a string: the server bundle stays ASCII (esbuild escapes strings, not regular-expression literals).
export const PLACEHOLDER = new RegExp('à préciser|to be specified', 'i');

/** Paths (like `software` or `recipients.1.details`) of the texts that still hold a template placeholder. */
export function placeholderFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return PLACEHOLDER.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholderFields(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => placeholderFields(v, path ? `${path}.${k}` : k));
  return [];
}

/** Why an activity does or does not need a DPIA: each activity gets its own reason, shown on screen and in the register. */
export type DpiaReason = 'group_practice' | 'criteria' | 'care_listed' | 'one_criterion' | 'no_criterion';

/**
 * DPIA screening. EDPB WP248 rev.01: two criteria or more, as a rule, mean a DPIA (Art. 35(1)). Care by a health
 * professional is on the CNIL's list of processing without DPIA (délib. 2019-118): for an activity of care (Art.
 * 9(2)(h)), health data and patients as vulnerable people do not count, since every practice meets them; a group
 * practice sharing its information system for more than 10,000 patients a year does need one, and a DPO (CNIL
 * référentiel §11).
 */
export function dpiaScreening(f: ActivityFields): { likely: boolean; reason: DpiaReason; counted: number } {
  if (f.dpiaCriteria.includes('group_practice_over_10000'))
    return { likely: true, reason: 'group_practice', counted: f.dpiaCriteria.length };
  const care = f.purposes.some((p) => p.art9Condition === 'health_care');
  const counted = f.dpiaCriteria.filter(
    (c) => c !== 'group_practice_over_10000' && !(care && (c === 'sensitive_data' || c === 'vulnerable_people')),
  ).length;
  if (counted >= 2) return { likely: true, reason: 'criteria', counted };
  if (care) return { likely: false, reason: 'care_listed', counted };
  return { likely: false, reason: counted === 1 ? 'one_criterion' : 'no_criterion', counted };
}

/** Two or more WP248 criteria, or the référentiel's group-practice threshold (see dpiaScreening). */
export const dpiaLikely = (f: ActivityFields): boolean => dpiaScreening(f).likely;

/** The review falls due twelve months after the validation (a default of good practice, shown as such). */
export function reviewDueOn(validatedAt: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(validatedAt.getTime())
    .toZonedDateTimeISO('Europe/Paris')
    .toPlainDate()
    .add({ months: 12 })
    .toString();
}

/** JSON with sorted keys: the same fields always give the same fingerprint. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export const fingerprint = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');

/**
 * How long accounting and tax documents are kept, from the practice's legal form: a company (SELARL, SELAS, SARL, SAS…)
 * keeps its accounting 10 years (C. com. L123-22); a sole practitioner or a civil partnership 6 years, the tax rule
 * (LPF L102 B). Unknown form: the 10 years, as the prudent default, said so.
 */
export function accountingRetention(legalForm: string | null, lang: 'fr' | 'en' = 'fr'): string {
  const form = (legalForm ?? '').trim();
  const company = /\b(SEL[A-Z]*|SAS[U]?|SARL|EURL|SA|SNC)\b|soci.t. d.exercice lib|company/i.test(form);
  if (company)
    return lang === 'fr'
      ? '10 ans (pièces comptables, code de commerce L123-22)'
      : '10 years (accounting records, Commercial Code L123-22)';
  if (form)
    return lang === 'fr'
      ? '6 ans (livres et pièces fiscales, LPF L102 B)'
      : '6 years (tax books and documents, LPF L102 B)';
  return lang === 'fr'
    ? '10 ans par prudence (forme d’exercice non indiquée : 6 ans suffisent à un praticien exerçant seul, LPF L102 B)'
    : '10 years to be safe (legal form not given: 6 years are enough for a sole practitioner, LPF L102 B)';
}

/** A template's fields adapted to the practice: the placeholders it fills from the practice's settings. */
export function adaptTemplate<T>(fields: T, practice: { legalForm: string | null }): T {
  const retention = accountingRetention(practice.legalForm);
  return JSON.parse(JSON.stringify(fields).replaceAll('{accounting_retention}', retention.replace(/["\\]/g, ''))) as T;
}

/** The first recipient linked to a processor the practice does not have, as a field path, or null. */
export function unknownPartner(fields: ActivityFields, known: ReadonlyMap<string, string>): string | null {
  const i = fields.recipients.findIndex((r) => r.processorId !== undefined && !known.has(r.processorId));
  return i < 0 ? null : `recipients.${i}.processorId`;
}
