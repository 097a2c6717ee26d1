import { z } from 'zod';
import { DateSchema, IdSchema, InstantSchema, nameField, PracticeParamsSchema, textField } from './common.js';
import { AnswerFileSchema, DecisionSchema, LetterSchema, ProposalSchema } from './request-answers.js';

/** Stable values (may be added to, never renamed): they are part of the API contract. */
export const REQUEST_KINDS = [
  'access',
  'rectification',
  'erasure',
  'objection',
  'restriction',
  'portability',
  'health_record_access',
] as const;
export const RequestKindSchema = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKindSchema>;
export const CHANNELS = ['letter', 'email', 'in_person', 'phone', 'web_form'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export const RELATIONS = ['self', 'legal_representative', 'designated_doctor', 'heir', 'other'] as const;
export const RelationSchema = z.enum(RELATIONS);
export type Relation = z.infer<typeof RelationSchema>;
export const CIVILITIES = ['madame', 'monsieur'] as const;
/** received → identity_check → in_progress → answered | refused | withdrawn. */
export const REQUEST_STATUSES = [
  'received',
  'identity_check',
  'in_progress',
  'answered',
  'refused',
  'withdrawn',
] as const;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

export const CreateRightsRequestSchema = z.strictObject({
  kind: RequestKindSchema,
  /** The day the request reached the practice through any of its channels: the clock starts there (EDPB 01/2022 §159). */
  receivedOn: DateSchema,
  channel: ChannelSchema,
  requester: z.strictObject({
    name: nameField(200),
    relation: RelationSchema,
    /** For the salutation: "Madame," or "Monsieur," when known, "Madame, Monsieur," otherwise. */
    civility: z.enum(CIVILITIES).nullable().optional(),
    /** Where letters are sent (the addressee block). */
    address: textField(500).nullable().optional(),
  }),
  patientId: IdSchema.nullable().optional(),
  /** For health-record access: whether the information asked for is more than five years old (two months instead of eight days). */
  healthRecord: z.strictObject({ olderThanFiveYears: z.boolean() }).optional(),
  note: textField(2000).optional(),
});
export type CreateRightsRequest = z.infer<typeof CreateRightsRequestSchema>;

export const ExtensionRequestSchema = z.strictObject({ reason: nameField(2000), notifiedOn: DateSchema });
export const IdentityRequestSchema = z.strictObject({ requestedOn: DateSchema });
export const IdentityReceivedSchema = z.strictObject({ receivedOn: DateSchema });
/** The request is answered or refused by its decision (`/decision`); this moves it on otherwise. */
export const StatusChangeSchema = z.strictObject({
  status: z.enum(['in_progress', 'withdrawn']),
  on: DateSchema,
  note: textField(4000).optional(),
});

export const RequestEventSchema = z.object({
  at: InstantSchema,
  actorId: z.string(),
  type: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const RightsRequestSchema = z.object({
  id: IdSchema,
  kind: RequestKindSchema,
  channel: ChannelSchema,
  receivedOn: DateSchema,
  requester: z.object({
    name: z.string(),
    relation: RelationSchema,
    civility: z.enum(CIVILITIES).nullable().default(null),
    address: z.string().nullable().default(null),
  }),
  patientId: IdSchema.nullable(),
  status: RequestStatusSchema,
  /** The answer is due at the latest on this day; null while the clock is suspended (identity awaited). */
  dueOn: DateSchema.nullable(),
  /** Health-record access: not before this day (48 hours after receipt). */
  earliestOn: DateSchema.nullable(),
  olderThanFiveYears: z.boolean().nullable(),
  identityRequestedOn: DateSchema.nullable(),
  identityReceivedOn: DateSchema.nullable(),
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
  extensionNotifiedOn: DateSchema.nullable(),
  closedOn: DateSchema.nullable(),
  /** Art. 18(3): the day a restriction granted by this request was lifted, the patient told before. */
  restrictionLiftedOn: DateSchema.nullable(),
  note: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type RightsRequestResponse = z.infer<typeof RightsRequestSchema>;
export const RightsRequestDetailSchema = RightsRequestSchema.extend({
  history: z.array(RequestEventSchema),
  /** What the rules propose while the request is open (null once decided or withdrawn). */
  proposal: ProposalSchema.nullable(),
  decision: DecisionSchema.nullable(),
  /** Every letter generated, and when and how it was sent. */
  letters: z.array(LetterSchema),
  files: z.array(AnswerFileSchema),
});

export const RightsRequestListQuerySchema = z.strictObject({
  status: RequestStatusSchema.optional(),
  kind: RequestKindSchema.optional(),
  /** Only requests due on or before this day. */
  dueBefore: DateSchema.optional(),
  /** open: every request not yet answered, refused or withdrawn. */
  open: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const RightsRequestListResponseSchema = z.object({
  items: z.array(RightsRequestSchema),
  total: z.number().int(),
});
export const RightsRequestParamsSchema = PracticeParamsSchema.extend({ requestId: IdSchema }).strict();
