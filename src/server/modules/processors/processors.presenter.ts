import { z } from 'zod';
import { CLAUSES, CreateProcessorSchema, REVIEW_CHECKS, type Processor } from '../../../contracts/processors.js';
import { jsonColumn, readFlag } from '../../platform/db/codecs.js';
import type { FileMeta, ProcessorRow, ReviewRow } from './processors.repository.js';
import { hdsStatus, isHdsRequired, missingClauses, placeOf, processorIssues } from './processors.rules.js';

/** The nested facts of a processor as stored (the JSON column), read back through the request's own schema. */
export const StoredFieldsSchema = CreateProcessorSchema.pick({
  contact: true,
  services: true,
  dataCategories: true,
  subProcessors: true,
  activityIds: true,
  storage: true,
  hds: true,
  contract: true,
  confidentialityUndertaking: true,
  securityCharter: true,
  notes: true,
});
export type StoredFields = z.output<typeof StoredFieldsSchema>;
export const fieldsColumn = jsonColumn(StoredFieldsSchema);
const checkedColumn = jsonColumn(z.array(z.enum(REVIEW_CHECKS)));

/** A processor as the API answers it, on the practice's date `today` (statuses and issues depend on it). */
export function presentProcessor(r: ProcessorRow, today: string, file: FileMeta | null | undefined): Processor {
  const f = fieldsColumn.read(r.fields);
  const base = {
    role: r.role,
    handlesHealthData: readFlag(r.handles_health_data),
    hostsHealthData: readFlag(r.hosts_health_data),
  };
  const required = isHdsRequired(base);
  const hds = f.hds ?? {};
  const contract = f.contract ?? {};
  const clauses = Object.fromEntries(CLAUSES.map((c) => [c, contract.clauses?.[c] ?? 'missing'])) as Record<
    (typeof CLAUSES)[number],
    'present' | 'missing'
  >;
  const storage = f.storage
    ? {
        country: f.storage.country,
        ...placeOf(f.storage.country),
        remoteAccessOutsideEea: f.storage.remoteAccessOutsideEea ?? null,
        transferMechanism: f.storage.transferMechanism ?? null,
      }
    : null;
  const p: Processor = {
    id: r.id,
    name: r.name,
    kind: r.kind,
    ...base,
    contact: {
      name: f.contact?.name ?? '',
      email: f.contact?.email ?? '',
      phone: f.contact?.phone ?? '',
      address: f.contact?.address ?? '',
    },
    services: f.services ?? '',
    dataCategories: f.dataCategories ?? [],
    subProcessors: f.subProcessors ?? [],
    activityIds: f.activityIds ?? [],
    storage,
    hds: {
      required,
      status: hdsStatus(required, hds, today),
      certificateNumber: hds.certificateNumber ?? '',
      certifyingBody: hds.certifyingBody ?? '',
      activities: hds.activities ?? [],
      referential: hds.referential ?? null,
      expiresOn: hds.expiresOn ?? null,
    },
    contract: {
      signedOn: contract.signedOn ?? null,
      expiresOn: contract.expiresOn ?? null,
      basis: contract.basis ?? 'own',
      clauses,
      references: contract.references ?? {},
      missingClauses: missingClauses(r.role, contract),
      breachNoticeHours: contract.breachNoticeHours ?? null,
      auditRight: contract.auditRight ?? null,
      endOfContract: contract.endOfContract ?? null,
      file: file
        ? {
            name: file.name,
            mediaType: file.media_type,
            size: Number(file.size),
            sha256: file.sha256,
            uploadedAt: file.uploaded_at,
          }
        : null,
    },
    confidentialityUndertaking: f.confidentialityUndertaking ?? null,
    securityCharter: f.securityCharter ?? null,
    notes: f.notes ?? '',
    issues: [],
    lastReviewedOn: r.last_reviewed_on,
    reviewDueOn: r.review_due_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
  p.issues = processorIssues(p, today);
  return p;
}

export const presentReview = (r: ReviewRow, names: Map<string, string>) => ({
  id: r.id,
  reviewedOn: r.reviewed_on,
  reviewedBy: r.reviewed_by,
  reviewedByName: names.get(r.reviewed_by) ?? '',
  checked: checkedColumn.read(r.checked),
  note: r.note,
});
