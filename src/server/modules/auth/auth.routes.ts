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
} from '../../../contracts/auth.js';
import { EmptyBodySchema, OkResponseSchema } from '../../../contracts/common.js';
import type { HttpServer } from '../../platform/http/server.js';
import {
  clearSessionCookie,
  requestInfo,
  requireAuth,
  setSessionCookie,
  type SessionCookieOptions,
} from './auth.http.js';
import type { AuthService } from './auth.service.js';

const tags = ['auth'];

export function registerAuthRoutes(app: HttpServer, auth: AuthService, cookie: SessionCookieOptions): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'none', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password (first factor)',
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema },
      },
    },
    async (req, reply) => {
      const s = await auth.login(requestInfo(req), req.body.email, req.body.password);
      setSessionCookie(reply, s.token, cookie);
      return { next: s.next, csrfToken: s.csrfToken };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { auth: 'unlock', allowsPasswordChange: true },
      schema: {
        tags,
        summary:
          'Where this browser session stands (second factor to give, locked, ready) and its CSRF token: what a reloaded page resumes from',
        response: { 200: AuthSessionResponseSchema },
      },
    },
    async (req) => auth.sessionStatus(requireAuth(req)),
  );

  app.post(
    '/api/v1/auth/mfa/enrollment',
    {
      config: { auth: 'mfa' },
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app (TOTP)',
        body: EmptyBodySchema,
        response: { 200: MfaEnrollmentResponseSchema },
      },
    },
    async (req) => auth.startMfaEnrollment(requireAuth(req)),
  );

  app.post(
    '/api/v1/auth/mfa/enrollment/confirm',
    {
      config: { auth: 'mfa', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Confirm the authenticator app with a first code; returns recovery codes once',
        body: MfaConfirmRequestSchema,
        response: { 200: MfaConfirmResponseSchema },
      },
    },
    async (req, reply) => {
      const r = await auth.confirmMfaEnrollment(requireAuth(req), req.body.code);
      setSessionCookie(reply, r.token, cookie);
      return { next: r.next, csrfToken: r.csrfToken, recoveryCodes: r.recoveryCodes };
    },
  );

  app.post(
    '/api/v1/auth/mfa/verify',
    {
      config: { auth: 'mfa', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Give the second factor: a TOTP code or a recovery code',
        body: MfaVerifyRequestSchema,
        response: { 200: MfaVerifyResponseSchema },
      },
    },
    async (req, reply) => {
      const r = await auth.verifyMfa(requireAuth(req), req.body);
      setSessionCookie(reply, r.token, cookie);
      return { next: r.next, csrfToken: r.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/unlock',
    {
      config: { auth: 'unlock', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Unlock a session locked after inactivity, with the password',
        body: UnlockRequestSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => {
      await auth.unlock(requireAuth(req), req.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { auth: 'unlock' },
      schema: { tags, summary: 'Log out (this session)', body: EmptyBodySchema, response: { 200: OkResponseSchema } },
    },
    async (req, reply) => {
      await auth.logout(requireAuth(req));
      clearSessionCookie(reply, cookie);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/logout-all',
    {
      schema: {
        tags,
        summary: 'Log out everywhere: end every session of the signed-in person',
        body: EmptyBodySchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req, reply) => {
      await auth.logoutEverywhere(requireAuth(req));
      clearSessionCookie(reply, cookie);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      schema: { tags, summary: 'List one’s open sessions', response: { 200: SessionListResponseSchema } },
    },
    async (req) => ({ items: await auth.listSessions(requireAuth(req)) }),
  );

  app.delete(
    '/api/v1/auth/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'End one of one’s sessions',
        params: SessionParamsSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => {
      await auth.revokeSession(requireAuth(req), req.params.sessionId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { allowsPasswordChange: true, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Change one’s password (other sessions end unless told otherwise)',
        body: ChangePasswordRequestSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => {
      await auth.changePassword(requireAuth(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/auth/mfa/re-enrollment',
    {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Replace the authenticator app: password and a current code first, then a new QR code',
        body: MfaReEnrollRequestSchema,
        response: { 200: MfaEnrollmentResponseSchema },
      },
    },
    async (req) => auth.startMfaReEnrollment(requireAuth(req), req.body),
  );

  app.post(
    '/api/v1/auth/mfa/re-enrollment/confirm',
    {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: 'Confirm the new authenticator app with its first code; returns new recovery codes once',
        body: MfaConfirmRequestSchema,
        response: { 200: MfaReEnrollConfirmResponseSchema },
      },
    },
    async (req) => auth.confirmMfaReEnrollment(requireAuth(req), req.body.code),
  );

  app.patch(
    '/api/v1/me/preferences',
    {
      config: { allowsPasswordChange: true },
      schema: {
        tags,
        summary: 'Remember the interface language and the practice last worked in',
        body: UpdatePreferencesRequestSchema,
        response: { 200: OkResponseSchema },
      },
    },
    async (req) => {
      await auth.updatePreferences(requireAuth(req), req.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { allowsPasswordChange: true },
      schema: { tags, summary: 'The signed-in person, their practices and roles', response: { 200: MeResponseSchema } },
    },
    async (req) => auth.me(requireAuth(req)),
  );
}
