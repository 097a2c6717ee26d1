import { z } from 'zod';
import {
  DateSchema,
  EmailSchema,
  IdSchema,
  InstantSchema,
  nameField,
  PracticeParamsSchema,
  textField,
} from './common.js';
import { isCountryCode } from './countries.js';
import { DATA_KINDS, SENSITIVE_KINDS } from './register.js';

/**
 * Processors (sous-traitants, Art. 28 GDPR) and the other partners that touch the practice's data: the contract with
 * its Art. 28(3) clauses, the HDS certificate of a health-data host (CSP L1111-8), where the data is stored and how a
 * transfer is framed (Arts 44–46). regulatory.md §6. Stable values may be added to, never renamed.
 */

export const PROCESSOR_KINDS = [
  'laboratory',
  'software_vendor',
  'host',
  'backup',
  'accountant',
  'it_maintenance',
  'booking_platform',
  'sms_service',
  'secure_messaging',
  'imaging_cloud',
  'remote_secretariat',
  'other',
] as const;
export type ProcessorKind = (typeof PROCESSOR_KINDS)[number];

/** Processor (Art. 28), separate controller (its own purposes: a laboratory for its own records), joint controller (Art. 26). */
export const PROCESSOR_ROLES = ['processor', 'separate_controller', 'joint_controller'] as const;

/** Art. 28(3)(a)–(h), in the article's order. */
export const CLAUSES = [
  'instructions',
  'confidentiality',
  'security',
  'subProcessors',
  'dataSubjectRights',
  'assistance',
  'endOfContract',
  'audits',
] as const;
export type Clause = (typeof CLAUSES)[number];
export const CLAUSE_STATES = ['present', 'missing'] as const;

/** What the contract is: the practice's own text, or the Commission's standard clauses (Decision 2021/915), complete by themselves. */
export const CONTRACT_BASES = ['own', 'scc_2021_915'] as const;
export const END_OF_CONTRACT = ['return', 'destruction', 'choice'] as const;

/** The six hosting activities of CSP R1111-9; a certificate may cover some of them. */
export const HDS_ACTIVITIES = [
  'physical_sites',
  'hardware',
  'virtual_infrastructure',
  'platform',
  'administration',
  'backup',
] as const;
/** v1: arrêté of 11 June 2018; v2: arrêté of 26 April 2024. */
export const HDS_REFERENTIALS = ['v1', 'v2'] as const;
export const HDS_STATUSES = ['not_required', 'missing', 'valid', 'expiring', 'expired', 'v1_outdated'] as const;
export type HdsStatus = (typeof HDS_STATUSES)[number];

/** Chapter V: adequacy decision (Art. 45), standard contractual clauses 2021/914 or binding corporate rules (Art. 46–47). */
export const TRANSFER_MECHANISMS = ['adequacy', 'scc', 'bcr', 'none'] as const;

/** The register's data vocabulary (identity, economic…, and the Art. 9 categories such as health). */
export const PROCESSOR_DATA = [...DATA_KINDS, ...SENSITIVE_KINDS] as const;

/** What is wrong with a processor, shown on its page and in the list (each with its words in processor-labels.ts). */
export const PROCESSOR_ISSUES = [
  'contract_missing',
  'arrangement_missing',
  'clauses_missing',
  'contract_expired',
  'contract_expiring',
  'hds_missing',
  'hds_expired',
  'hds_expiring',
  'hds_v1_outdated',
  'health_data_outside_eea',
  'transfer_without_mechanism',
  'storage_unknown',
  'subprocessor_outside_eea',
  'review_due',
] as const;
export type ProcessorIssue = (typeof PROCESSOR_ISSUES)[number];

export const CountrySchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isCountryCode, { params: { code: 'unknown_country' } });

/** A contract's or a certificate's day: between 1978 (loi Informatique et libertés) and 2100, or it is a typing slip. */
const Day = DateSchema.refine((d) => d >= '1978-01-06' && d <= '2100-12-31', { params: { code: 'day_implausible' } });
/** A closed list where a value said twice says nothing more: kept once. */
const unique = <T>(values: T[]): T[] => [...new Set(values)];

const Contact = z.strictObject({
  name: textField(200).optional(),
  email: z.union([EmailSchema, z.literal('')]).optional(),
  phone: textField(40).optional(),
  address: textField(400).optional(),
});

const SubProcessor = z.strictObject({
  name: nameField(200),
  country: CountrySchema,
  purpose: textField(300).optional().default(''),
});

const Storage = z.strictObject({
  country: CountrySchema,
  /** Support teams or the vendor's parent reach the data from outside the EEA (HDS v2 requirements 28–31: disclosed). */
  remoteAccessOutsideEea: z.boolean().optional(),
  /** How a transfer outside the EEA is framed; leave empty when the data stays in the EEA. */
  transferMechanism: z.enum(TRANSFER_MECHANISMS).nullable().optional(),
});

const Hds = z.strictObject({
  certificateNumber: textField(100).optional(),
  certifyingBody: textField(200).optional(),
  activities: z.array(z.enum(HDS_ACTIVITIES)).max(HDS_ACTIVITIES.length).transform(unique).optional(),
  referential: z.enum(HDS_REFERENTIALS).nullable().optional(),
  expiresOn: Day.nullable().optional(),
});

const Contract = z.strictObject({
  signedOn: Day.nullable().optional(),
  expiresOn: Day.nullable().optional(),
  basis: z.enum(CONTRACT_BASES).optional(),
  /** Each clause present or missing; a clause not named keeps its value (missing when never marked). */
  clauses: z.partialRecord(z.enum(CLAUSES), z.enum(CLAUSE_STATES)).optional(),
  /** Where each clause is in the contract ("art. 7.2", "annexe 2"). */
  references: z.partialRecord(z.enum(CLAUSES), textField(200)).optional(),
  /** The delay the processor commits to for telling the practice of a breach, in hours (the law: "without undue delay", Art. 33(2)). */
  breachNoticeHours: z.number().int().min(1).max(720).nullable().optional(),
  auditRight: z.boolean().nullable().optional(),
  endOfContract: z.enum(END_OF_CONTRACT).nullable().optional(),
});

/** The fields of a processor, every one optional (a PATCH names only those that change; it merges). */
const ProcessorFields = {
  name: nameField(200),
  kind: z.enum(PROCESSOR_KINDS),
  role: z.enum(PROCESSOR_ROLES),
  handlesHealthData: z.boolean(),
  /** The partner keeps health data on the practice's behalf (SaaS software, hosting, off-site backup, archiving). */
  hostsHealthData: z.boolean(),
  contact: Contact,
  services: textField(2000),
  dataCategories: z.array(z.enum(PROCESSOR_DATA)).max(PROCESSOR_DATA.length).transform(unique),
  subProcessors: z.array(SubProcessor).max(30),
  /** The register activities it serves. */
  activityIds: z.array(IdSchema).max(50).transform(unique),
  storage: Storage.nullable(),
  hds: Hds,
  contract: Contract,
  /** A confidentiality undertaking signed by the partner's staff who reach the data (the seed's checklist). */
  confidentialityUndertaking: z.boolean().nullable(),
  /** The practice's IT security charter signed by the partner (IT maintenance, remote secretariat). */
  securityCharter: z.boolean().nullable(),
  notes: textField(4000),
  /** The relationship has ended (contract terminated, provider changed): kept as proof, with nothing left to do. */
  endedOn: Day.nullable(),
};

export const CreateProcessorSchema = z.strictObject({
  ...ProcessorFields,
  role: ProcessorFields.role.optional(),
  /** When left out, the kind's usual answer (a software vendor or a host keeps it; a laboratory does not). */
  hostsHealthData: ProcessorFields.hostsHealthData.optional(),
  contact: Contact.optional(),
  services: ProcessorFields.services.optional(),
  dataCategories: ProcessorFields.dataCategories.optional(),
  subProcessors: ProcessorFields.subProcessors.optional(),
  activityIds: ProcessorFields.activityIds.optional(),
  storage: ProcessorFields.storage.optional(),
  hds: Hds.optional(),
  contract: Contract.optional(),
  confidentialityUndertaking: ProcessorFields.confidentialityUndertaking.optional(),
  securityCharter: ProcessorFields.securityCharter.optional(),
  notes: ProcessorFields.notes.optional(),
  endedOn: ProcessorFields.endedOn.optional(),
});
export type CreateProcessor = z.input<typeof CreateProcessorSchema>;
export const UpdateProcessorSchema = CreateProcessorSchema.partial()
  .extend({
    /** Merged field by field into the stored place: the country is needed only when none is stored yet. */
    storage: Storage.partial().nullable().optional(),
    /** The `updatedAt` the change was made from: when the processor changed since (another tab, a colleague), 409. */
    expectedUpdatedAt: InstantSchema.optional(),
  })
  .refine((o) => Object.keys(o).some((k) => k !== 'expectedUpdatedAt'), { params: { code: 'empty_update' } });
export type UpdateProcessor = z.output<typeof UpdateProcessorSchema>;
export type UpdateProcessorInput = z.input<typeof UpdateProcessorSchema>;

export const ProcessorParamsSchema = PracticeParamsSchema.extend({ processorId: IdSchema });

/** What the yearly review checked (the seed: "revoyez vos contrats avec les sous-traitants" every year). */
export const REVIEW_CHECKS = ['contract', 'hds', 'storage', 'subProcessors', 'security'] as const;
export const ReviewProcessorSchema = z.strictObject({
  checked: z.array(z.enum(REVIEW_CHECKS)).min(1).max(REVIEW_CHECKS.length).transform(unique),
  note: textField(2000).optional().default(''),
});

export const ProcessorReviewSchema = z.object({
  id: IdSchema,
  reviewedOn: DateSchema,
  reviewedBy: z.string(),
  reviewedByName: z.string(),
  checked: z.array(z.enum(REVIEW_CHECKS)),
  note: z.string(),
});

export const ContractFileSchema = z.object({
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: InstantSchema,
});

export const ProcessorSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: z.enum(PROCESSOR_KINDS),
  role: z.enum(PROCESSOR_ROLES),
  handlesHealthData: z.boolean(),
  hostsHealthData: z.boolean(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string(), address: z.string() }),
  services: z.string(),
  dataCategories: z.array(z.enum(PROCESSOR_DATA)),
  subProcessors: z.array(z.object({ name: z.string(), country: z.string(), purpose: z.string() })),
  activityIds: z.array(IdSchema),
  /** The register activities whose recipients name this processor (the link made from the register's side). */
  namedByActivityIds: z.array(IdSchema),
  /** inEea: the country is in the EEA; adequacy: a Commission adequacy decision covers it (a third country). */
  storage: z
    .object({
      country: z.string(),
      inEea: z.boolean(),
      adequacy: z.boolean(),
      adequacyScope: z.enum(['full', 'partial']).nullable(),
      remoteAccessOutsideEea: z.boolean().nullable(),
      transferMechanism: z.enum(TRANSFER_MECHANISMS).nullable(),
    })
    .nullable(),
  hds: z.object({
    required: z.boolean(),
    status: z.enum(HDS_STATUSES),
    certificateNumber: z.string(),
    certifyingBody: z.string(),
    activities: z.array(z.enum(HDS_ACTIVITIES)),
    referential: z.enum(HDS_REFERENTIALS).nullable(),
    expiresOn: DateSchema.nullable(),
  }),
  contract: z.object({
    signedOn: DateSchema.nullable(),
    expiresOn: DateSchema.nullable(),
    basis: z.enum(CONTRACT_BASES),
    clauses: z.record(z.enum(CLAUSES), z.enum(CLAUSE_STATES)),
    references: z.partialRecord(z.enum(CLAUSES), z.string()),
    /** Every Art. 28(3) clause not marked present (none for a separate or joint controller: Art. 28 does not bind it). */
    missingClauses: z.array(z.enum(CLAUSES)),
    breachNoticeHours: z.number().int().nullable(),
    auditRight: z.boolean().nullable(),
    endOfContract: z.enum(END_OF_CONTRACT).nullable(),
    file: ContractFileSchema.nullable(),
  }),
  confidentialityUndertaking: z.boolean().nullable(),
  securityCharter: z.boolean().nullable(),
  notes: z.string(),
  /** What is wrong, most pressing first. */
  issues: z.array(z.enum(PROCESSOR_ISSUES)),
  lastReviewedOn: DateSchema.nullable(),
  /** The day the relationship ended, or null while it runs. */
  endedOn: DateSchema.nullable(),
  /** One year after it was added, then one year after each review. */
  reviewDueOn: DateSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Processor = z.infer<typeof ProcessorSchema>;

/**
 * The checklist's "confidentiality?": the Art. 28(3)(b) clause, the Commission's clauses (which hold it), or an
 * undertaking signed by the partner's staff; false when the undertaking is said to be missing; null while unknown.
 */
export function confidentialityCovered(p: Pick<Processor, 'contract' | 'confidentialityUndertaking'>): boolean | null {
  if (p.contract.clauses.confidentiality === 'present' || p.contract.basis === 'scc_2021_915') return true;
  return p.confidentialityUndertaking;
}

export const ProcessorDetailSchema = ProcessorSchema.extend({ reviews: z.array(ProcessorReviewSchema) });
export const ProcessorListSchema = z.object({ items: z.array(ProcessorSchema) });

export const KindTemplateSchema = z.object({
  kind: z.enum(PROCESSOR_KINDS),
  role: z.enum(PROCESSOR_ROLES),
  handlesHealthData: z.boolean(),
  hostsHealthData: z.boolean(),
  services: z.object({ fr: z.string(), en: z.string() }),
  dataCategories: z.array(z.enum(PROCESSOR_DATA)),
});
export type KindTemplate = z.infer<typeof KindTemplateSchema>;
export const KindTemplateListSchema = z.array(KindTemplateSchema);

export const PROCESSOR_DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export const ProcessorDocumentQuerySchema = z.strictObject({
  format: z.enum(PROCESSOR_DOCUMENT_FORMATS).default('pdf'),
  lang: z.enum(['fr', 'en']).default('fr'),
});
export const ProcessorListExportQuerySchema = z.strictObject({
  format: z.enum(['pdf', 'xlsx', 'csv']).default('pdf'),
  lang: z.enum(['fr', 'en']).default('fr'),
});
/** A signed contract: 20 MiB at most, like the files of an answer. */
export const MAX_CONTRACT_FILE_BYTES = 20 * 1024 * 1024;
