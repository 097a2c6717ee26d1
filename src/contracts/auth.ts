import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, patternField } from './common.js';
import { RoleSchema } from './roles.js';

export const PasswordSchema = z.string().min(1).max(1024);

export const LoginRequestSchema = z.strictObject({ email: EmailSchema, password: PasswordSchema });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const AuthStepSchema = z.enum([
  'mfa_enrollment_required',
  'mfa_required',
  'authenticated',
  'password_change_required',
]);
/**
 * Where a browser session stands, read from the server (never from the page's memory): what the web app shows after a
 * reload, in a second tab or when reopened, with the CSRF token the page needs to go on.
 */
export const SessionStepSchema = z.enum([
  'mfa_enrollment_required',
  'mfa_required',
  'locked',
  'password_change_required',
  'authenticated',
]);
export const AuthSessionResponseSchema = z.object({
  step: SessionStepSchema,
  csrfToken: z.string(),
  name: z.string(),
  idleLockMinutes: z.number().int(),
});
export type AuthSessionResponse = z.infer<typeof AuthSessionResponseSchema>;

export const LoginResponseSchema = z.object({ next: AuthStepSchema, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MfaEnrollmentResponseSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpCodeSchema = z
  .string()
  .trim()
  .pipe(patternField(/^\d{6}$/, 'totp_format'));
export const MfaConfirmRequestSchema = z.strictObject({ code: TotpCodeSchema });
export const MfaConfirmResponseSchema = z.object({
  next: AuthStepSchema,
  csrfToken: z.string(),
  recoveryCodes: z.array(z.string()),
});
export const MfaVerifyRequestSchema = z.union([
  z.strictObject({ code: TotpCodeSchema }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(32) }),
]);
export const MfaVerifyResponseSchema = z.object({ next: AuthStepSchema, csrfToken: z.string() });

export const UnlockRequestSchema = z.strictObject({ password: PasswordSchema });
export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: PasswordSchema,
  newPassword: PasswordSchema,
  revokeOtherSessions: z.boolean().default(true),
});

export const SessionSchema = z.object({
  id: IdSchema,
  createdAt: InstantSchema,
  lastSeenAt: InstantSchema,
  expiresAt: InstantSchema,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  isCurrent: z.boolean(),
});
export const SessionListResponseSchema = z.object({ items: z.array(SessionSchema) });
export const SessionParamsSchema = z.strictObject({ sessionId: IdSchema });

export const LanguageSchema = z.enum(['fr', 'en']);
export const PreferencesSchema = z.object({ language: LanguageSchema.nullable(), practiceId: IdSchema.nullable() });
export const UpdatePreferencesRequestSchema = z
  .strictObject({ language: LanguageSchema, practiceId: IdSchema.nullable() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { params: { code: 'empty_update' } });
export type UpdatePreferencesRequest = z.infer<typeof UpdatePreferencesRequestSchema>;

/** Replacing the authenticator app: the password and a current code first. */
export const MfaReEnrollRequestSchema = z.strictObject({ password: PasswordSchema, code: TotpCodeSchema });
export const MfaReEnrollConfirmResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });

/** A practice the person works in, their role there and what it allows (`resource.action`, docs/permissions.md). */
export const MembershipSchema = z.object({
  practiceId: IdSchema,
  practiceName: z.string(),
  role: RoleSchema,
  idleLockMinutes: z.number().int(),
  permissions: z.array(z.string()),
});
export const MeResponseSchema = z.object({
  user: z.object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    mfaEnabled: z.boolean(),
    mustChangePassword: z.boolean(),
  }),
  preferences: PreferencesSchema,
  memberships: z.array(MembershipSchema),
  /** Practices that invite the person (an account that already works elsewhere joins only once they accept). */
  invitations: z.array(
    z.object({
      id: IdSchema,
      practiceId: IdSchema,
      practiceName: z.string(),
      role: RoleSchema,
      invitedAt: InstantSchema,
      expiresAt: InstantSchema,
    }),
  ),
  session: z
    .object({ id: IdSchema, csrfToken: z.string(), idleLockMinutes: z.number().int(), expiresAt: InstantSchema })
    .nullable(),
  via: z.enum(['session', 'token']),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const MyInvitationParamsSchema = z.strictObject({ invitationId: IdSchema });
/** The temporary password the practice handed over in person: what proves the invitation is this person's. */
export const AcceptInvitationRequestSchema = z.strictObject({ temporaryPassword: z.string().min(1).max(1024) });
