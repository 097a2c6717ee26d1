import { z } from 'zod';
import {
  EmailSchema,
  IdSchema,
  InstantSchema,
  nameField,
  patternField,
  PracticeParamsSchema,
  textField,
} from './common.js';
import { RoleSchema } from './roles.js';

/** SIREN: 9 digits; SIRET: 14 digits (INSEE). Typed as printed ("123 456 789 00012"), stored without the spaces. */
const digitsOnly = (v: string) => v.replace(/[\s\u00a0\u202f.-]/g, '');
export const SirenSchema = z
  .string()
  .trim()
  .transform(digitsOnly)
  .pipe(patternField(/^\d{9}$/, 'siren_format'));
export const SiretSchema = z
  .string()
  .trim()
  .transform(digitsOnly)
  .pipe(patternField(/^\d{14}$/, 'siret_format'));
/** Overseas territories with their own public holiday, the abolition of slavery (C. trav. L3422-2). */
export const OVERSEAS_TERRITORIES = [
  'guadeloupe',
  'martinique',
  'guyane',
  'reunion',
  'mayotte',
  'saint_barthelemy',
  'saint_martin',
] as const;
/** A telephone number as people write it: digits, spaces, dots, dashes, brackets and a leading +. */
export const PhoneSchema = z
  .string()
  .trim()
  .pipe(patternField(/^\+?[\d .()-]{6,25}$/, 'phone_format'))
  .refine((v) => (v.match(/\d/g) ?? []).length >= 6, { params: { code: 'phone_format' } });

export const PracticeSchema = z.object({
  id: IdSchema,
  name: z.string(),
  legalForm: z.string().nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  address: z.string().nullable(),
  controllerName: z.string(),
  dpoContact: z.string().nullable(),
  idleLockMinutes: z.number().int(),
  /** In Alsace-Moselle, Good Friday and 26 December are public holidays too (deadlines move past them). */
  alsaceMoselle: z.boolean(),
  /** The overseas territory whose public holiday counts in deadlines; null in metropolitan France. */
  overseasTerritory: z.enum(OVERSEAS_TERRITORIES).nullable(),
  /** The practice's telephone and e-mail, given to patients in letters and notices. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type PracticeResponse = z.infer<typeof PracticeSchema>;

/** What a patient notice or letter cannot do without: where patients write to, and a way to reach the practice (Art. 13(1)(a)). */
export function noticeGaps(
  p: Pick<PracticeResponse, 'address' | 'phone' | 'email' | 'dpoContact'>,
): ('address' | 'phone')[] {
  const gaps: ('address' | 'phone')[] = [];
  if (!p.address) gaps.push('address');
  if (!p.phone && !p.email && !p.dpoContact) gaps.push('phone');
  return gaps;
}

export const UpdatePracticeRequestSchema = z
  .strictObject({
    name: nameField(200),
    legalForm: textField(100).nullable(),
    siren: SirenSchema.nullable(),
    siret: SiretSchema.nullable(),
    address: textField(500).nullable(),
    controllerName: nameField(200),
    dpoContact: textField(500).nullable(),
    /** Idle lock after this many minutes without activity (1–60). */
    idleLockMinutes: z.number().int().min(1).max(60),
    alsaceMoselle: z.boolean(),
    overseasTerritory: z.enum(OVERSEAS_TERRITORIES).nullable(),
    phone: PhoneSchema.nullable(),
    email: EmailSchema.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { params: { code: 'empty_update' } });
export type UpdatePracticeRequest = z.infer<typeof UpdatePracticeRequestSchema>;

export const MemberSchema = z.object({
  userId: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  isActive: z.boolean(),
  mfaEnabled: z.boolean(),
  joinedAt: InstantSchema,
  endedAt: InstantSchema.nullable(),
});
/**
 * A person added to the team who has not yet acted: a new account until its first sign-in, an existing account until
 * its holder accepts. Both look the same, so the list tells nothing of whether the e-mail had an account elsewhere.
 */
export const InvitationSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  invitedAt: InstantSchema,
  expiresAt: InstantSchema,
});
export const MemberListResponseSchema = z.object({
  items: z.array(MemberSchema),
  invitations: z.array(InvitationSchema),
});
export type MemberListResponse = z.infer<typeof MemberListResponseSchema>;

export const AddMemberRequestSchema = z.strictObject({
  email: EmailSchema,
  name: nameField(200),
  role: RoleSchema,
  /**
   * A temporary password, to change at the first sign-in: it opens the new account when the e-mail has none; when the
   * person already has an account elsewhere they accept the invitation signed in with their own, and it serves nothing.
   * Required either way (the answer must not tell which). The server administrator's CLI may omit it for an existing account.
   */
  initialPassword: z.string().min(1).max(1024).optional(),
});
export type AddMemberRequest = z.infer<typeof AddMemberRequestSchema>;
/** The answer to adding a person: the same whether the e-mail had an account or not. */
export const AddMemberResponseSchema = z.object({ invitationId: IdSchema });
export const InvitationParamsSchema = PracticeParamsSchema.extend({ invitationId: IdSchema }).strict();
/** A temporary password the owner hands over; the person must choose their own at the next login. */
export const ResetPasswordRequestSchema = z.strictObject({ temporaryPassword: z.string().min(1).max(1024) });
export const ChangeRoleRequestSchema = z.strictObject({ role: RoleSchema });
export const MemberParamsSchema = PracticeParamsSchema.extend({ userId: IdSchema }).strict();

export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  userId: IdSchema,
  createdAt: InstantSchema,
  lastUsedAt: InstantSchema.nullable(),
  revokedAt: InstantSchema.nullable(),
});
export const ApiTokenListResponseSchema = z.object({ items: z.array(ApiTokenSchema) });
export const CreateApiTokenRequestSchema = z.strictObject({ name: nameField(100) });
/** The token itself is shown once, here, and never again. */
export const CreateApiTokenResponseSchema = z.object({ token: z.string(), apiToken: ApiTokenSchema });
export const ApiTokenParamsSchema = PracticeParamsSchema.extend({ tokenId: IdSchema }).strict();
