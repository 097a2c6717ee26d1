import { z } from 'zod';
import { DateSchema, IdSchema, InstantSchema, nameField, PracticeParamsSchema, textField } from './common.js';

/** Stable values (may be added to, never renamed): they are part of the API contract. */
export const NATURES = ['confidentiality', 'integrity', 'availability'] as const;
/** The CNIL's own list of origins (open dataset of notifications), plus ransomware and wrong recipient named apart. */
export const CIRCUMSTANCES = [
  'lost_or_stolen_device',
  'lost_or_stolen_paper',
  'mail_lost_or_opened',
  'hacking_malware_phishing',
  'ransomware',
  'wrong_recipient',
  'improper_disposal',
  'published_by_mistake',
  'verbal_disclosure',
  'other',
] as const;
export const DATA_CATEGORIES = [
  'identity',
  'contact',
  'social_security_number',
  'health',
  'financial',
  'login',
  'location',
  'official_documents',
  'other',
] as const;
export const PEOPLE_CATEGORIES = ['patients', 'minors', 'vulnerable', 'staff', 'other'] as const;
/** The CNIL's causes of an incident (open dataset: "Causes de l'incident"). */
export const CAUSES = [
  'internal_malicious',
  'internal_accidental',
  'external_malicious',
  'external_accidental',
  'unknown',
  'other',
] as const;
/** Likely consequences for the people (Recital 85 GDPR), as the CNIL form lists them. */
export const CONSEQUENCES = [
  'loss_of_control',
  'limitation_of_rights',
  'discrimination',
  'identity_theft',
  'financial_loss',
  'damage_to_reputation',
  'loss_of_professional_secrecy',
  'other',
] as const;
/** The guided starts for the seed's difficult situations. */
export const GUIDES = ['ransomware', 'stolen_device', 'wrong_recipient_email', 'former_employee_access'] as const;

export const NatureSchema = z.enum(NATURES);
export const CircumstanceSchema = z.enum(CIRCUMSTANCES);
export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export const PeopleCategorySchema = z.enum(PEOPLE_CATEGORIES);
export const CauseSchema = z.enum(CAUSES);
export const ConsequenceSchema = z.enum(CONSEQUENCES);
export const GuideSchema = z.enum(GUIDES);

/** An instant typed with its offset (`2026-03-29T01:30:00+01:00`) or in UTC; always answered in UTC. */
export const OffsetInstantSchema = z.iso.datetime({ offset: true });

const uniqueList = <T extends z.ZodType>(item: T, min: number) =>
  z
    .array(item)
    .min(min)
    .max(20)
    .refine((a) => new Set(a).size === a.length, { params: { code: 'repeated_value' } });

const count = z.number().int().min(0).max(100_000_000);

export const CreateBreachSchema = z.strictObject({
  title: nameField(200),
  /** When the practice became reasonably certain that personal data was compromised: the 72-hour clock starts here. */
  awareAt: OffsetInstantSchema,
  detectedAt: OffsetInstantSchema.optional(),
  startedAt: OffsetInstantSchema.optional(),
  endedAt: OffsetInstantSchema.optional(),
  nature: uniqueList(NatureSchema, 1),
  circumstances: uniqueList(CircumstanceSchema, 1),
  cause: CauseSchema.optional(),
  peopleCategories: uniqueList(PeopleCategorySchema, 0).optional(),
  dataCategories: uniqueList(DataCategorySchema, 0),
  approxPeople: count.optional(),
  approxRecords: count.optional(),
  /** The data was encrypted with a key that was not compromised (Art. 34(3)(a)). */
  encrypted: z.boolean().optional(),
  description: textField(4000).optional(),
  /** The guided start it came from: its first steps become the first actions. */
  guide: GuideSchema.optional(),
});
export type CreateBreach = z.infer<typeof CreateBreachSchema>;

/** The facts as they become known: every field optional, at least one. */
export const UpdateBreachSchema = z
  .strictObject({
    title: nameField(200),
    detectedAt: OffsetInstantSchema.nullable(),
    startedAt: OffsetInstantSchema.nullable(),
    endedAt: OffsetInstantSchema.nullable(),
    nature: uniqueList(NatureSchema, 1),
    circumstances: uniqueList(CircumstanceSchema, 1),
    cause: CauseSchema.nullable(),
    peopleCategories: uniqueList(PeopleCategorySchema, 0),
    dataCategories: uniqueList(DataCategorySchema, 0),
    approxPeople: count.nullable(),
    approxRecords: count.nullable(),
    encrypted: z.boolean().nullable(),
    description: textField(4000).nullable(),
    /** Likely consequences for the people (Art. 33(3)(c)). */
    consequences: uniqueList(ConsequenceSchema, 0),
    consequencesNote: textField(4000).nullable(),
    /** Measures taken or proposed, including to mitigate the effects (Art. 33(3)(d)). */
    measures: textField(4000).nullable(),
  })
  .partial()
  .refine((o) => Object.keys(o).length > 0, { params: { code: 'empty_update' } });

/** The ENISA 2013 questionnaire: data processing context, ease of identification, circumstances of the breach. */
export const DPC_CATEGORIES = ['simple', 'behavioural', 'financial', 'sensitive'] as const;
export const EI_LEVELS = ['negligible', 'limited', 'significant', 'maximum'] as const;
export const CONFIDENTIALITY_LEVELS = ['none', 'known_recipients', 'unknown_recipients'] as const;
export const INTEGRITY_LEVELS = ['none', 'altered_recoverable', 'altered_not_recoverable'] as const;
export const AVAILABILITY_LEVELS = ['none', 'temporary', 'permanent'] as const;
export const SEVERITY_BANDS = ['low', 'medium', 'high', 'very_high'] as const;
export const DECISIONS = ['record_only', 'notify_authority', 'notify_authority_and_people'] as const;
/** Art. 34(3): why the people need not be told one by one. */
export const PEOPLE_EXCEPTIONS = ['encrypted', 'risk_removed', 'disproportionate_effort'] as const;

export const AssessmentSchema = z.strictObject({
  dpcCategory: z.enum(DPC_CATEGORIES),
  /** The basic score of the category raised or lowered for the context (ENISA Table 1): 1 to 4. */
  dpcScore: z.number().int().min(1).max(4),
  ease: z.enum(EI_LEVELS),
  confidentiality: z.enum(CONFIDENTIALITY_LEVELS),
  integrity: z.enum(INTEGRITY_LEVELS),
  availability: z.enum(AVAILABILITY_LEVELS),
  malicious: z.boolean(),
  note: textField(2000).optional(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const DecisionSchema = z.strictObject({
  decision: z.enum(DECISIONS),
  /** Why: required when not notifying, or when departing from the proposal (the register keeps the justification). */
  reason: textField(4000).optional(),
  peopleException: z.enum(PEOPLE_EXCEPTIONS).optional(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const NOTIFICATION_KINDS = ['initial', 'complementary', 'complete'] as const;
export const NotificationInputSchema = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  notifiedAt: OffsetInstantSchema,
  /** The number the CNIL gives the notification. */
  reference: textField(100).optional(),
  /** Art. 33(1): a notification after 72 hours gives the reasons for the delay. */
  delayReasons: textField(4000).optional(),
});

export const INFORM_CHANNELS = ['letter', 'email', 'phone', 'in_person', 'public_communication'] as const;
export const PeopleInformedSchema = z.strictObject({
  informedOn: DateSchema,
  channel: z.enum(INFORM_CHANNELS),
  /** Who, in words ("the 12 patients seen on 3 March"). */
  recipients: nameField(500),
  peopleCount: z.number().int().min(1).max(100_000_000),
  patientIds: z.array(IdSchema).max(1000).optional(),
  note: textField(2000).optional(),
});

export const CreateActionSchema = z.strictObject({
  title: nameField(300),
  ownerId: IdSchema.nullable().optional(),
  dueOn: DateSchema,
});
export const CompleteActionSchema = z.strictObject({ doneOn: DateSchema });
export const CloseBreachSchema = z.strictObject({ closedOn: DateSchema });

export const SeveritySchema = z.object({
  /** SE = DPC × EI + CB (ENISA 2013). */
  score: z.number(),
  band: z.enum(SEVERITY_BANDS),
  proposedDecision: z.enum(DECISIONS),
  /** Flags the score does not carry: more than 100 people; data unintelligible. */
  flags: z.array(z.enum(['over_100_people', 'encrypted'])),
});

export const BreachNotificationSchema = z.object({
  id: IdSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  notifiedAt: InstantSchema,
  reference: z.string().nullable(),
  delayReasons: z.string().nullable(),
  late: z.boolean(),
  createdBy: z.string(),
  createdAt: InstantSchema,
});
export const PeopleInformedRecordSchema = z.object({
  id: IdSchema,
  informedOn: DateSchema,
  channel: z.enum(INFORM_CHANNELS),
  recipients: z.string(),
  peopleCount: z.number().int(),
  patientIds: z.array(IdSchema),
  note: z.string().nullable(),
  createdBy: z.string(),
  createdAt: InstantSchema,
});
export const BreachActionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  ownerId: z.string().nullable(),
  dueOn: DateSchema,
  doneOn: DateSchema.nullable(),
  doneBy: z.string().nullable(),
  createdAt: InstantSchema,
});

export const BREACH_STATUSES = ['open', 'closed'] as const;

export const BreachSchema = z.object({
  id: IdSchema,
  title: z.string(),
  awareAt: InstantSchema,
  /** awareAt + 72 hours of elapsed time (Art. 33(1)). */
  notifyBy: InstantSchema,
  /** When the CNIL was first notified (null while it is not). */
  notifiedAt: InstantSchema.nullable(),
  detectedAt: InstantSchema.nullable(),
  startedAt: InstantSchema.nullable(),
  endedAt: InstantSchema.nullable(),
  nature: z.array(NatureSchema),
  circumstances: z.array(CircumstanceSchema),
  cause: CauseSchema.nullable(),
  peopleCategories: z.array(PeopleCategorySchema),
  dataCategories: z.array(DataCategorySchema),
  approxPeople: z.number().int().nullable(),
  approxRecords: z.number().int().nullable(),
  encrypted: z.boolean().nullable(),
  description: z.string().nullable(),
  consequences: z.array(ConsequenceSchema),
  consequencesNote: z.string().nullable(),
  measures: z.string().nullable(),
  guide: GuideSchema.nullable(),
  assessment: AssessmentSchema.nullable(),
  severity: SeveritySchema.nullable(),
  decision: z
    .object({
      decision: z.enum(DECISIONS),
      proposed: z.enum(DECISIONS).nullable(),
      reason: z.string().nullable(),
      peopleException: z.enum(PEOPLE_EXCEPTIONS).nullable(),
      decidedBy: z.string(),
      decidedAt: InstantSchema,
    })
    .nullable(),
  status: z.enum(BREACH_STATUSES),
  closedOn: DateSchema.nullable(),
  createdBy: z.string(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type BreachResponse = z.infer<typeof BreachSchema>;
export const BreachDetailSchema = BreachSchema.extend({
  notifications: z.array(BreachNotificationSchema),
  peopleInformed: z.array(PeopleInformedRecordSchema),
  actions: z.array(BreachActionSchema),
});
export type BreachDetail = z.infer<typeof BreachDetailSchema>;

export const BreachListQuerySchema = z.strictObject({
  status: z.enum(BREACH_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const BreachListResponseSchema = z.object({ items: z.array(BreachSchema), total: z.number().int() });
export const BreachParamsSchema = PracticeParamsSchema.extend({ breachId: IdSchema }).strict();
export const BreachActionParamsSchema = BreachParamsSchema.extend({ actionId: IdSchema }).strict();

export const BreachExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'pdf']).default('pdf') });
export const CnilDraftFileQuerySchema = z.strictObject({ format: z.enum(['txt', 'pdf']).default('pdf') });
export const PatientLetterQuerySchema = z.strictObject({ format: z.enum(['txt', 'pdf']).default('txt') });

/** The draft of the CNIL online form, block by block, each field ready to copy. */
export const CnilDraftSchema = z.object({
  blocks: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      fields: z.array(z.object({ label: z.string(), value: z.string() })),
    }),
  ),
  /** Fields the form asks for that Gardien does not know yet. */
  missing: z.array(z.string()),
});
export type CnilDraft = z.infer<typeof CnilDraftSchema>;

/**
 * The answers the severity questions start from, matching what the breach record already says (ENISA 2013): health
 * data is sensitive (score 4); a theft or hacking is malicious, with unknown recipients; a mail to the wrong person has
 * a known recipient; ransomware makes the data unavailable. A starting point the person corrects, never a verdict.
 */
export function suggestedAssessment(b: {
  dataCategories: readonly string[];
  circumstances: readonly string[];
  nature: readonly string[];
  cause?: string | null;
}): Assessment {
  const has = (c: string) => b.circumstances.includes(c);
  const dpcCategory = b.dataCategories.includes('health')
    ? 'sensitive'
    : b.dataCategories.includes('financial') || b.dataCategories.includes('social_security_number')
      ? 'financial'
      : 'simple';
  const malicious =
    has('hacking_malware_phishing') ||
    has('ransomware') ||
    has('lost_or_stolen_device') ||
    b.cause === 'external_malicious' ||
    b.cause === 'internal_malicious';
  const unknownRecipients =
    has('lost_or_stolen_device') ||
    has('lost_or_stolen_paper') ||
    has('hacking_malware_phishing') ||
    has('published_by_mistake') ||
    has('improper_disposal');
  const knownRecipients = has('wrong_recipient') || has('mail_lost_or_opened') || has('verbal_disclosure');
  const confidentiality =
    b.nature.includes('confidentiality') || unknownRecipients || knownRecipients
      ? unknownRecipients
        ? 'unknown_recipients'
        : 'known_recipients'
      : 'none';
  const availability = b.nature.includes('availability') || has('ransomware') ? 'temporary' : 'none';
  const integrity = b.nature.includes('integrity') ? 'altered_recoverable' : 'none';
  return {
    dpcCategory,
    dpcScore: { simple: 1, behavioural: 2, financial: 3, sensitive: 4 }[dpcCategory],
    ease: 'maximum',
    confidentiality,
    integrity,
    availability,
    malicious,
  };
}
