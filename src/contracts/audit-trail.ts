import { z } from 'zod';
import { InstantSchema } from './common.js';

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  ts: InstantSchema,
  actorId: z.string(),
  actorRole: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  // Any object: a loose object takes its keys as they are (a record checked each key and value: most of the check of a
  // page of entries).
  details: z.looseObject({}),
  hash: z.string(),
});
export type AuditEntryResponse = z.infer<typeof AuditEntrySchema>;

export const AuditListQuerySchema = z.strictObject({
  /** practice: what was done in the practice; sign-ins: the sign-ins and account events of its people (server chain). */
  scope: z.enum(['practice', 'sign-ins']).default('practice'),
  /** Entries with a sequence number below this one (newest first paging). */
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z0-9_.-]+$/)
    .optional(),
  actorId: z.string().max(100).optional(),
  targetType: z
    .string()
    .max(50)
    .regex(/^[a-z0-9_.-]+$/)
    .optional(),
  targetId: z.string().max(100).optional(),
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
});
export const AuditExportQuerySchema = AuditListQuerySchema.omit({ beforeSeq: true, limit: true });

export const AuditListResponseSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextBeforeSeq: z.number().int().nullable(),
});

export const AuditVerificationSchema = z.object({
  practiceId: z.string(),
  ok: z.boolean(),
  entries: z.number().int(),
  lastSeq: z.number().int(),
  lastHash: z.string().nullable(),
  checkpoints: z.number().int(),
  lastCheckpointSeq: z.number().int().nullable(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;
