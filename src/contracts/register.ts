import { z } from 'zod';
import { DateSchema, IdSchema, InstantSchema, nameField, PracticeParamsSchema, textField } from './common.js';
import { PracticeSchema } from './practices.js';

/**
 * The register of processing activities (GDPR Art. 30(1)) and the processor register (Art. 30(2)). Fields follow the
 * CNIL model register (ODS of 2019, "fiche de registre"; regulatory.md §12.2) with the fields of the CNIL's basic PDF
 * model (software, professional life, Internet) and our own additions (a legal basis per purpose, the Art. 9
 * condition, active / archive / deletion retention). Stable values may be added to, never renamed.
 */

/** Art. 6(1) legal bases. */
export const LEGAL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_interest',
  'legitimate_interest',
] as const;
/** Art. 9(2) conditions for special categories (health: (h), under professional secrecy, Art. 9(3)). */
export const ART9_CONDITIONS = [
  'explicit_consent',
  'employment_social_security',
  'vital_interests',
  'made_public',
  'legal_claims',
  'substantial_public_interest',
  'health_care',
  'public_health',
  'research',
] as const;
/** CNIL ODS drop-down, with "patients" added (the CNIL puts it only in a comment). */
export const PEOPLE = [
  'patients',
  'employees',
  'internal_services',
  'clients',
  'suppliers',
  'service_providers',
  'prospects',
  'candidates',
  'visitors',
  'other',
] as const;
/** CNIL ODS rows, plus professional life, Internet and other from the basic PDF model. */
export const DATA_KINDS = [
  'identity',
  'personal_life',
  'professional_life',
  'economic',
  'connection',
  'location',
  'internet',
  'nir',
  'other',
] as const;
/** CNIL ODS "Données sensibles" rows (Art. 9 and 10). */
export const SENSITIVE_KINDS = [
  'racial_ethnic',
  'political',
  'religious',
  'union',
  'genetic',
  'biometric',
  'health',
  'sex_life',
  'criminal',
] as const;
/** CNIL ODS "Type de destinataire". */
export const RECIPIENT_TYPES = ['internal', 'processor', 'third_country', 'institutional_partner', 'other'] as const;
/** CNIL ODS "Type de mesure de sécurité". */
export const SECURITY_MEASURES = [
  'traceability',
  'software_protection',
  'backup',
  'encryption',
  'access_control',
  'processor_control',
  'other',
] as const;
/** CNIL ODS "Type de garanties", without the invalidated Privacy Shield (Schrems II, 16 July 2020). */
export const SAFEGUARDS = ['scc', 'bcr', 'adequacy', 'code_of_conduct', 'certification', 'derogation_art49'] as const;
/** EDPB WP248 rev.01 criteria: two or more, as a rule, mean a DPIA (Art. 35); plus the CNIL référentiel threshold. */
export const DPIA_CRITERIA = [
  'evaluation_scoring',
  'automated_decision',
  'systematic_monitoring',
  'sensitive_data',
  'large_scale',
  'matching_datasets',
  'vulnerable_people',
  'innovative_technology',
  'prevents_right',
  'group_practice_over_10000',
] as const;
export const ACTIVITY_STATUSES = ['draft', 'validated'] as const;
/** Why an activity does or does not need a DPIA (see the register rules' dpiaScreening). */
export const DPIA_REASONS = ['group_practice', 'criteria', 'care_listed', 'one_criterion', 'no_criterion'] as const;

const Retention = z.strictObject({
  /** In the active base (e.g. "5 ans après la dernière intervention"). */
  active: textField(300),
  /** On a separate archive medium; empty when none. */
  archive: textField(300).optional().default(''),
  /** What happens at the end: deletion or anonymisation. */
  deletion: textField(300).optional().default(''),
});

export const ActivityInputSchema = z.strictObject({
  name: nameField(200),
  ref: textField(40).optional().default(''),
  jointController: textField(300).optional().default(''),
  software: textField(300).optional().default(''),
  purposes: z
    .array(
      z.strictObject({
        purpose: nameField(500),
        legalBasis: z.enum(LEGAL_BASES).nullable(),
        art9Condition: z.enum(ART9_CONDITIONS).nullable().optional().default(null),
      }),
    )
    .max(20),
  people: z.array(z.strictObject({ category: z.enum(PEOPLE), details: textField(500).optional().default('') })).max(20),
  data: z
    .array(
      z.strictObject({
        category: z.enum(DATA_KINDS),
        description: textField(500).optional().default(''),
        retention: Retention,
      }),
    )
    .max(20),
  sensitive: z
    .array(
      z.strictObject({
        category: z.enum(SENSITIVE_KINDS),
        description: textField(500).optional().default(''),
        retention: Retention,
      }),
    )
    .max(10),
  recipients: z
    .array(
      z.strictObject({
        type: z.enum(RECIPIENT_TYPES),
        details: nameField(500),
        /** The processor of the practice this recipient is (processors module); free text alone stays valid. */
        processorId: IdSchema.optional(),
      }),
    )
    .max(30),
  transfers: z
    .array(
      z.strictObject({
        recipient: nameField(300),
        country: nameField(100),
        safeguard: z.enum(SAFEGUARDS),
        documentation: textField(500).optional().default(''),
      }),
    )
    .max(20),
  security: z
    .array(z.strictObject({ type: z.enum(SECURITY_MEASURES), details: textField(1000).optional().default('') }))
    .max(20),
  dpiaCriteria: z.array(z.enum(DPIA_CRITERIA)).max(DPIA_CRITERIA.length).optional().default([]),
  notes: textField(4000).optional().default(''),
});
export type ActivityInput = z.infer<typeof ActivityInputSchema>;
export type ActivityFields = z.output<typeof ActivityInputSchema>;

/** From a template (its key), or the full fields. */
export const CreateActivitySchema = z.union([
  z.strictObject({ templateKey: z.string().regex(/^[a-z_]{2,40}$/) }),
  ActivityInputSchema,
]);

export const ActivitySchema = z.object({
  id: IdSchema,
  templateKey: z.string().nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  fields: ActivityInputSchema,
  /** Fields still to fill before the owner can validate (paths like `purposes.0.legalBasis`). */
  missing: z.array(z.string()),
  /** DPIA screening: two or more WP248 criteria, or the CNIL référentiel threshold for group practices. */
  dpiaLikely: z.boolean(),
  /** Why: the référentiel's group-practice threshold (a DPO is expected too), two criteria or more, care on the CNIL list of processing without DPIA, one criterion, none. */
  dpiaReason: z.enum(DPIA_REASONS),
  version: z.number().int(),
  validatedAt: InstantSchema.nullable(),
  validatedBy: z.string().nullable(),
  /** A review is due twelve months after the last validation. */
  reviewDueOn: DateSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Activity = z.infer<typeof ActivitySchema>;
export const ActivityListSchema = z.object({ items: z.array(ActivitySchema) });
export const ActivityVersionSchema = z.object({
  version: z.number().int(),
  validatedAt: InstantSchema,
  validatedBy: z.string(),
  fields: ActivityInputSchema,
  sha256: z.string(),
});
export const ActivityDetailSchema = ActivitySchema.extend({ versions: z.array(ActivityVersionSchema) });

export const TemplateSchema = z.object({
  key: z.string(),
  title: z.string(),
  titleEn: z.string(),
  summary: z.string(),
  summaryEn: z.string(),
  fields: ActivityInputSchema,
  /** Ticked at the register's first set-up: every practice has it. Video surveillance and a website are offered, not assumed. */
  preselected: z.boolean().default(true),
});
export const TemplateListSchema = z.array(TemplateSchema);
export type RegisterTemplate = z.infer<typeof TemplateSchema>;

export const ActivityParamsSchema = PracticeParamsSchema.extend({ activityId: IdSchema }).strict();
export const RegisterExportQuerySchema = z.strictObject({
  format: z.enum(['pdf', 'docx', 'xlsx', 'csv', 'json']).default('pdf'),
});

/** Art. 30(2): the practice or consultant acting as a processor for a client. */
export const ProcessorActivityInputSchema = z.strictObject({
  clientName: nameField(300),
  clientContact: textField(500).optional().default(''),
  clientRepresentative: textField(300).optional().default(''),
  clientDpo: textField(300).optional().default(''),
  categories: nameField(2000),
  subProcessors: textField(2000).optional().default(''),
  transfers: textField(2000).optional().default(''),
  security: textField(2000).optional().default(''),
});
export type ProcessorActivityInput = z.input<typeof ProcessorActivityInputSchema>;
export const ProcessorActivitySchema = ProcessorActivityInputSchema.extend({
  id: IdSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export const ProcessorActivityListSchema = z.object({ items: z.array(ProcessorActivitySchema) });
export const ProcessorActivityParamsSchema = PracticeParamsSchema.extend({ processorActivityId: IdSchema }).strict();

/** Patient information generated from the practice identity and the register. */
export const NOTICE_KINDS = ['patient', 'poster', 'website', 'booking'] as const;
export const NoticeKindSchema = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKindSchema>;
export const NoticeParamsSchema = PracticeParamsSchema.extend({ kind: NoticeKindSchema }).strict();
export const NoticeFileQuerySchema = z.strictObject({
  format: z.enum(['pdf', 'docx', 'html', 'txt']).default('pdf'),
  language: z.enum(['fr', 'en']).default('fr'),
});
export const NoticeVersionSchema = z.object({
  id: IdSchema,
  kind: NoticeKindSchema,
  version: z.number().int(),
  language: z.enum(['fr', 'en']),
  generatedAt: InstantSchema,
  generatedBy: z.string(),
  sha256: z.string(),
});
export const NOTICE_CHANNELS = [
  'given_to_patient',
  'posted_waiting_room',
  'published_website',
  'sent_by_email',
  'booking_platform',
] as const;
export const DistributionInputSchema = z.strictObject({
  versionId: IdSchema,
  channel: z.enum(NOTICE_CHANNELS),
  on: DateSchema,
  patientId: IdSchema.nullable().optional(),
  note: textField(500).optional().default(''),
});
export const DistributionSchema = z.object({
  id: IdSchema,
  versionId: IdSchema,
  kind: NoticeKindSchema,
  version: z.number().int(),
  channel: z.enum(NOTICE_CHANNELS),
  on: DateSchema,
  patientId: IdSchema.nullable(),
  note: z.string(),
  recordedBy: z.string(),
  recordedAt: InstantSchema,
});
export const NoticesOverviewSchema = z.object({
  versions: z.array(NoticeVersionSchema),
  distributions: z.array(DistributionSchema),
});

/** The JSON export (`format=json`): documented in docs/register-export.schema.json, generated from this schema. */
export const RegisterExportSchema = z.object({
  format: z.literal('gardien.register/1'),
  /** The day (Paris) the register is stated as of. */
  asOf: DateSchema,
  generatedAt: InstantSchema,
  practice: PracticeSchema.pick({
    name: true,
    legalForm: true,
    siren: true,
    siret: true,
    address: true,
    controllerName: true,
    dpoContact: true,
  }),
  activities: z.array(ActivitySchema),
  processorActivities: z.array(ProcessorActivitySchema),
});
