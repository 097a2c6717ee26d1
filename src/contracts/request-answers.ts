import { z } from 'zod';
import { DateSchema, IdSchema, InstantSchema, PracticeParamsSchema, textField } from './common.js';
import type { RequestKind } from './rights-requests.js';

/**
 * How a rights request is answered: the decision item by item with its legal ground, the letters and their log, the
 * files of the answer. Stable values below may be added to, never renamed.
 */

/** What a request can be about, per kind: the decision is taken item by item. */
export const DECISION_SUBJECTS = [
  'art15_information',
  'copy',
  'health_record',
  'rectification',
  'medical_record',
  'marketing',
  'commercial_photos',
  'care',
  'sms_reminders',
  'restriction',
  'portability',
  'care_sharing',
] as const;
export const DecisionSubjectSchema = z.enum(DECISION_SUBJECTS);
export type DecisionSubject = z.infer<typeof DecisionSubjectSchema>;

export const SUBJECTS_BY_KIND: Record<RequestKind, readonly DecisionSubject[]> = {
  access: ['art15_information', 'copy'],
  health_record_access: ['health_record'],
  rectification: ['rectification'],
  erasure: ['medical_record', 'marketing', 'commercial_photos'],
  objection: ['care', 'care_sharing', 'marketing', 'sms_reminders'],
  restriction: ['restriction'],
  portability: ['portability'],
};

export const VERDICTS = ['carried_out', 'refused', 'not_applicable'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

/** The legal ground of each verdict, told to the requester in the letter. */
export const DECISION_GROUNDS = [
  'art15_answered', // Art. 15: the information and the copy, the first copy free (CJEU C-307/22)
  'csp_l1111_7', // CSP L1111-7: the health record communicated, the first copy free (CJEU C-307/22)
  'art16_rectified',
  'art16_data_accurate',
  'art17_3_retention', // Art. 17(3)(b)/(c): the medical record is kept during its retention period
  'art17_retention_ended',
  'art17_1_erased', // Art. 17(1): data outside care, no longer needed or consent withdrawn
  'art21_care_not_applicable', // Art. 21(1) covers processing on Art. 6(1)(e)/(f) only; care rests on Art. 6(1)(c) and 9(2)(h)
  'art21_3_marketing', // Art. 21(3): objection to direct marketing, absolute
  'art21_1_reminders',
  'art18_restricted',
  'art20_not_applicable', // Art. 20(1): only consent or contract and automated means; Art. 20(3): not legal-obligation processing
  'art20_served',
  'art12_5_manifestly_unfounded', // Art. 12(5): manifestly unfounded or excessive; the practice bears the proof
  'other',
  'csp_l1110_4_sharing', // CSP L1110-4: the patient may object to the exchange and sharing of their information between professionals
  'nothing_held', // "sans objet": the practice holds no data of that kind about the person
] as const;
export const DecisionGroundSchema = z.enum(DECISION_GROUNDS);
export type DecisionGround = z.infer<typeof DecisionGroundSchema>;

/** What a carried-out item does to the patient's flags (the trace stays in the request and the audit trail). */
export const PatientEffectSchema = z.object({
  flag: z.enum(['marketingConsent', 'objectsToSms', 'isRestricted']),
  value: z.boolean(),
});
export type PatientEffect = z.infer<typeof PatientEffectSchema>;

export const EFFECTS: Partial<Record<DecisionSubject, PatientEffect>> = {
  marketing: { flag: 'marketingConsent', value: false },
  sms_reminders: { flag: 'objectsToSms', value: true },
  // Art. 18: the patient's data only stored while the restriction is in force.
  restriction: { flag: 'isRestricted', value: true },
};

const REFUSE = ['art12_5_manifestly_unfounded', 'other'] as const;
/** "Sans objet": nothing of the kind is held about the person. */
const NOTHING = ['nothing_held'] as const;

/** The grounds a person may confirm for each item and verdict; a verdict missing here cannot be chosen. */
export const ALLOWED_GROUNDS: Record<DecisionSubject, Partial<Record<Verdict, readonly DecisionGround[]>>> = {
  art15_information: { carried_out: ['art15_answered'], refused: REFUSE },
  copy: { carried_out: ['art15_answered'], refused: REFUSE },
  health_record: { carried_out: ['csp_l1111_7'], refused: REFUSE },
  rectification: {
    carried_out: ['art16_rectified'],
    refused: ['art16_data_accurate', ...REFUSE],
    not_applicable: NOTHING,
  },
  medical_record: { carried_out: ['art17_retention_ended', 'other'], refused: ['art17_3_retention', ...REFUSE] },
  // Art. 21(3): no refusal of an objection to marketing.
  marketing: { carried_out: ['art21_3_marketing', 'art17_1_erased'], not_applicable: NOTHING },
  commercial_photos: { carried_out: ['art17_1_erased'], refused: REFUSE, not_applicable: NOTHING },
  care: { refused: ['art21_care_not_applicable', ...REFUSE], carried_out: ['other'] },
  sms_reminders: { carried_out: ['art21_1_reminders'], refused: ['other'], not_applicable: NOTHING },
  restriction: { carried_out: ['art18_restricted'], refused: REFUSE },
  care_sharing: { carried_out: ['csp_l1110_4_sharing'], refused: REFUSE },
  portability: { not_applicable: ['art20_not_applicable'], carried_out: ['art20_served'], refused: REFUSE },
};

export const PROPOSAL_CAUTIONS = ['heirs_three_purposes', 'minor_may_object'] as const;
export type ProposalCaution = (typeof PROPOSAL_CAUTIONS)[number];

export const ProposalItemSchema = z.object({
  subject: DecisionSubjectSchema,
  verdict: VerdictSchema,
  ground: DecisionGroundSchema,
  effect: PatientEffectSchema.nullable(),
});
export type ProposalItem = z.infer<typeof ProposalItemSchema>;
export const ProposalSchema = z.object({
  items: z.array(ProposalItemSchema),
  /** Erasure: the end of the medical record's retention (last care + 20 years, 28th birthday, death + 10 years; aligned on CSP R1112-7 by analogy, a default). */
  retentionEndsOn: DateSchema.nullable(),
  patientLinked: z.boolean(),
  /** The Art. 15 information comes from the practice's validated register (else from the CNIL référentiel, said so on screen). */
  registerValidated: z.boolean().default(false),
  /**
   * What the person confirming must know: heirs have access for three purposes only (CSP L1110-4 V); a minor may object
   * to the parents' access (CSP L1111-5).
   */
  cautions: z.array(z.enum(PROPOSAL_CAUTIONS)).default([]),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const DecisionItemInputSchema = z.strictObject({
  subject: DecisionSubjectSchema,
  verdict: VerdictSchema,
  ground: DecisionGroundSchema,
  /** Required when departing from the proposal, for "other", and for a refusal as manifestly unfounded (Art. 12(5)). */
  reasons: textField(2000).optional(),
});
export const DecisionInputSchema = z.strictObject({
  /** The day the answer is given: the request is closed on it. */
  on: DateSchema,
  /** The items the requester asked about, each once. */
  items: z.array(DecisionItemInputSchema).min(1).max(DECISION_SUBJECTS.length),
  /** Links the patient when the request had none (needed when a flag is set). */
  patientId: IdSchema.optional(),
  /** For the letter: what was sent or corrected, in plain words. */
  note: textField(4000).optional(),
  language: z.enum(['fr', 'en']).default('fr'),
});
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

export const DecisionItemSchema = z.object({
  subject: DecisionSubjectSchema,
  verdict: VerdictSchema,
  ground: DecisionGroundSchema,
  reasons: z.string().nullable(),
  proposed: z.object({ verdict: VerdictSchema, ground: DecisionGroundSchema }),
  effect: PatientEffectSchema.nullable(),
});
export const DecisionSchema = z.object({
  on: DateSchema,
  items: z.array(DecisionItemSchema),
  note: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: InstantSchema,
});
export type Decision = z.infer<typeof DecisionSchema>;

/** The letters of a request (stable values). */
export const LETTER_KINDS = [
  'acknowledgement',
  'identity_request',
  'extension',
  'answer',
  'refusal',
  'restriction_lift',
] as const;
export const LetterKindSchema = z.enum(LETTER_KINDS);
export type LetterKind = z.infer<typeof LetterKindSchema>;
export const SENT_CHANNELS = ['letter', 'registered_letter', 'email', 'secure_messaging', 'in_person'] as const;
export const SentChannelSchema = z.enum(SENT_CHANNELS);

export const CreateLetterSchema = z.strictObject({
  kind: LetterKindSchema,
  language: z.enum(['fr', 'en']).default('fr'),
});
export const LetterSentSchema = z.strictObject({ sentOn: DateSchema, channel: SentChannelSchema });
export const LetterFileQuerySchema = z.strictObject({ format: z.enum(['pdf', 'txt']).default('pdf') });
export const LetterSchema = z.object({
  id: IdSchema,
  kind: LetterKindSchema,
  language: z.enum(['fr', 'en']),
  subject: z.string(),
  generatedAt: InstantSchema,
  generatedBy: z.string(),
  sentOn: DateSchema.nullable(),
  sentChannel: SentChannelSchema.nullable(),
  sentBy: z.string().nullable(),
});
export type LetterResponse = z.infer<typeof LetterSchema>;

/** Files of the answer, stored encrypted (AES-256-GCM), 20 MiB each at most. */
export const MAX_ANSWER_FILE_BYTES = 20 * 1024 * 1024;
export const AnswerFileSchema = z.object({
  id: IdSchema,
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: InstantSchema,
  uploadedBy: z.string(),
});
export type AnswerFile = z.infer<typeof AnswerFileSchema>;

export const RestrictionLiftSchema = z.strictObject({ liftedOn: DateSchema });

export const RequestLetterParamsSchema = PracticeParamsSchema.extend({
  requestId: IdSchema,
  letterId: IdSchema,
}).strict();
export const RequestFileParamsSchema = PracticeParamsSchema.extend({ requestId: IdSchema, fileId: IdSchema }).strict();
export const RequestsExportQuerySchema = z.strictObject({ format: z.enum(['pdf', 'csv', 'xlsx']).default('pdf') });

/** The file's name and type travel in the query; its bytes are the body (application/octet-stream). */
export const UploadQuerySchema = z.strictObject({
  // A file's name is one line: no line break (it reaches headers and the ZIP's index), no path.
  name: textField(200)
    .pipe(z.string().min(1))
    .refine((s) => !/[\r\n\t]/.test(s), { params: { code: 'control_characters' } })
    .transform((s) => s.split(/[\\/]/).pop() || s),
  type: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i)
    .max(100)
    .optional(),
});
