import {
  AuthSessionResponseSchema,
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  MeResponseSchema,
  MfaConfirmRequestSchema,
  MfaConfirmResponseSchema,
  MfaEnrollmentResponseSchema,
  MfaReEnrollConfirmResponseSchema,
  MfaReEnrollRequestSchema,
  MfaVerifyRequestSchema,
  MfaVerifyResponseSchema,
  SessionListResponseSchema,
  SessionParamsSchema,
  UnlockRequestSchema,
  UpdatePreferencesRequestSchema,
} from './auth.js';
import { EmptyBodySchema, OkResponseSchema } from './common.js';
import { route } from './http.js';

export const authRoutes = {
  login: route({ method: 'POST', path: '/api/v1/auth/login', body: LoginRequestSchema, response: LoginResponseSchema }),
  sessionStatus: route({ method: 'GET', path: '/api/v1/auth/session', response: AuthSessionResponseSchema }),
  startMfaEnrollment: route({
    method: 'POST',
    path: '/api/v1/auth/mfa/enrollment',
    body: EmptyBodySchema,
    response: MfaEnrollmentResponseSchema,
  }),
  confirmMfaEnrollment: route({
    method: 'POST',
    path: '/api/v1/auth/mfa/enrollment/confirm',
    body: MfaConfirmRequestSchema,
    response: MfaConfirmResponseSchema,
  }),
  verifyMfa: route({
    method: 'POST',
    path: '/api/v1/auth/mfa/verify',
    body: MfaVerifyRequestSchema,
    response: MfaVerifyResponseSchema,
  }),
  unlock: route({ method: 'POST', path: '/api/v1/auth/unlock', body: UnlockRequestSchema, response: OkResponseSchema }),
  logout: route({ method: 'POST', path: '/api/v1/auth/logout', body: EmptyBodySchema, response: OkResponseSchema }),
  logoutEverywhere: route({
    method: 'POST',
    path: '/api/v1/auth/logout-all',
    body: EmptyBodySchema,
    response: OkResponseSchema,
  }),
  listSessions: route({ method: 'GET', path: '/api/v1/auth/sessions', response: SessionListResponseSchema }),
  revokeSession: route({
    method: 'DELETE',
    path: '/api/v1/auth/sessions/:sessionId',
    params: SessionParamsSchema,
    response: OkResponseSchema,
  }),
  changePassword: route({
    method: 'POST',
    path: '/api/v1/auth/password',
    body: ChangePasswordRequestSchema,
    response: OkResponseSchema,
  }),
  startMfaReEnrollment: route({
    method: 'POST',
    path: '/api/v1/auth/mfa/re-enrollment',
    body: MfaReEnrollRequestSchema,
    response: MfaEnrollmentResponseSchema,
  }),
  confirmMfaReEnrollment: route({
    method: 'POST',
    path: '/api/v1/auth/mfa/re-enrollment/confirm',
    body: MfaConfirmRequestSchema,
    response: MfaReEnrollConfirmResponseSchema,
  }),
  updatePreferences: route({
    method: 'PATCH',
    path: '/api/v1/me/preferences',
    body: UpdatePreferencesRequestSchema,
    response: OkResponseSchema,
  }),
  me: route({ method: 'GET', path: '/api/v1/me', response: MeResponseSchema }),
};
