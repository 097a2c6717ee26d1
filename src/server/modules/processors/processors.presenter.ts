import { z } from 'zod';
import {
  CLAUSE_STATES,
  CLAUSES,
  CONTRACT_BASES,
  END_OF_CONTRACT,
  HDS_ACTIVITIES,
  HDS_REFERENTIALS,
  PROCESSOR_DATA,
  REVIEW_CHECKS,
  TRANSFER_MECHANISMS,
  type CreateProcessorSchema,
  type Processor,
} from '../../../contracts/processors.js';
import { jsonColumn, readFlag } from '../../platform/db/codecs.js';
import type { FileMeta, ProcessorRow, ReviewRow } from './processors.repository.js';
import { hdsStatus, isHdsRequired, missingClauses, placeOf, processorIssues } from './processors.rules.js';

/** The nested facts of a processor as a request gives them (validated then), stored as one JSON column. */
export type StoredFields = Pick<
  z.output<typeof CreateProcessorSchema>,
  | 'contact'
  | 'services'
  | 'dataCategories'
  | 'subProcessors'
  | 'activityIds'
  | 'storage'
  | 'hds'
  | 'contract'
  | 'confidentialityUndertaking'
  | 'securityCharter'
  | 'notes'
  | 'endedOn'
>;

const text = z.string();
const date = z.string().nullable().optional();
/**
 * Read back through its shape (types and closed lists checked), without the text rules of the request (trimming,
 * control characters, lengths) that held when it was written: those cost the 200-processor list half its time.
 */
const StoredFieldsSchema = z.object({
  contact: z
    .object({ name: text.optional(), email: text.optional(), phone: text.optional(), address: text.optional() })
    .optional(),
  services: text.optional(),
  dataCategories: z.array(z.enum(PROCESSOR_DATA)).optional(),
  subProcessors: z.array(z.object({ name: text, country: text, purpose: text })).optional(),
  activityIds: z.array(text).optional(),
  storage: z
    .object({
      country: text,
      remoteAccessOutsideEea: z.boolean().optional(),
      transferMechanism: z.enum(TRANSFER_MECHANISMS).nullable().optional(),
    })
    .nullable()
    .optional(),
  hds: z
    .object({
      certificateNumber: text.optional(),
      certifyingBody: text.optional(),
      activities: z.array(z.enum(HDS_ACTIVITIES)).optional(),
      referential: z.enum(HDS_REFERENTIALS).nullable().optional(),
      expiresOn: date,
    })
    .optional(),
  contract: z
    .object({
      signedOn: date,
      expiresOn: date,
      basis: z.enum(CONTRACT_BASES).optional(),
      clauses: z.partialRecord(z.enum(CLAUSES), z.enum(CLAUSE_STATES)).optional(),
      references: z.partialRecord(z.enum(CLAUSES), text).optional(),
      breachNoticeHours: z.number().nullable().optional(),
      auditRight: z.boolean().nullable().optional(),
      endOfContract: z.enum(END_OF_CONTRACT).nullable().optional(),
    })
    .optional(),
  confidentialityUndertaking: z.boolean().nullable().optional(),
  securityCharter: z.boolean().nullable().optional(),
  notes: text.optional(),
  endedOn: date,
}) satisfies z.ZodType<StoredFields>;
export const fieldsColumn = jsonColumn(StoredFieldsSchema);
const checkedColumn = jsonColumn(z.array(z.enum(REVIEW_CHECKS)));

/** A processor as the API answers it, on the practice's date `today` (statuses and issues depend on it). */
export function presentProcessor(
  r: ProcessorRow,
  today: string,
  file: FileMeta | null | undefined,
  namedBy: string[] = [],
): Processor {
  const f = fieldsColumn.read(r.fields);
  const hosts = readFlag(r.hosts_health_data);
  // Keeping health data is handling it, whatever the other box says.
  const base = { role: r.role, handlesHealthData: hosts || readFlag(r.handles_health_data), hostsHealthData: hosts };
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
    namedByActivityIds: namedBy,
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
    endedOn: f.endedOn ?? null,
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
