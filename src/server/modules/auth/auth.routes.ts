import { authRoutes as r } from '../../../contracts/auth.routes.js';
import { serve } from '../../platform/http/route-table.js';
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
  serve(
    app,
    r.login,
    {
      tags,
      summary: 'Sign in with e-mail and password (first factor)',
      config: { auth: 'none', rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const s = await auth.login(requestInfo(req), req.body.email, req.body.password);
      setSessionCookie(reply, s.token, cookie);
      return { next: s.next, csrfToken: s.csrfToken };
    },
  );

  serve(
    app,
    r.sessionStatus,
    {
      tags,
      summary:
        'Where this browser session stands (second factor to give, locked, ready) and its CSRF token: what a reloaded page resumes from',
      config: { auth: 'unlock', allowsPasswordChange: true },
    },
    async (req) => auth.sessionStatus(requireAuth(req)),
  );

  serve(
    app,
    r.startMfaEnrollment,
    { tags, summary: 'Start enrolling an authenticator app (TOTP)', config: { auth: 'mfa' } },
    async (req) => auth.startMfaEnrollment(requireAuth(req)),
  );

  serve(
    app,
    r.confirmMfaEnrollment,
    {
      tags,
      summary: 'Confirm the authenticator app with a first code; returns recovery codes once',
      config: { auth: 'mfa', rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const r = await auth.confirmMfaEnrollment(requireAuth(req), req.body.code);
      setSessionCookie(reply, r.token, cookie);
      return { next: r.next, csrfToken: r.csrfToken, recoveryCodes: r.recoveryCodes };
    },
  );

  serve(
    app,
    r.verifyMfa,
    {
      tags,
      summary: 'Give the second factor: a TOTP code or a recovery code',
      config: { auth: 'mfa', rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const r = await auth.verifyMfa(requireAuth(req), req.body);
      setSessionCookie(reply, r.token, cookie);
      return { next: r.next, csrfToken: r.csrfToken };
    },
  );

  serve(
    app,
    r.unlock,
    {
      tags,
      summary: 'Unlock a session locked after inactivity, with the password',
      config: { auth: 'unlock', rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req) => {
      await auth.unlock(requireAuth(req), req.body.password);
      return { ok: true as const };
    },
  );

  serve(app, r.logout, { tags, summary: 'Log out (this session)', config: { auth: 'unlock' } }, async (req, reply) => {
    await auth.logout(requireAuth(req));
    clearSessionCookie(reply, cookie);
    return { ok: true as const };
  });

  serve(
    app,
    r.logoutEverywhere,
    { tags, summary: 'Log out everywhere: end every session of the signed-in person' },
    async (req, reply) => {
      await auth.logoutEverywhere(requireAuth(req));
      clearSessionCookie(reply, cookie);
      return { ok: true as const };
    },
  );

  serve(app, r.listSessions, { tags, summary: 'List one’s open sessions' }, async (req) => ({
    items: await auth.listSessions(requireAuth(req)),
  }));

  serve(app, r.revokeSession, { tags, summary: 'End one of one’s sessions' }, async (req) => {
    await auth.revokeSession(requireAuth(req), req.params.sessionId);
    return { ok: true as const };
  });

  serve(
    app,
    r.changePassword,
    {
      tags,
      summary: 'Change one’s password (other sessions end unless told otherwise)',
      config: { allowsPasswordChange: true, rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (req) => {
      await auth.changePassword(requireAuth(req), req.body);
      return { ok: true as const };
    },
  );

  serve(
    app,
    r.startMfaReEnrollment,
    {
      tags,
      summary: 'Replace the authenticator app: password and a current code first, then a new QR code',
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req) => auth.startMfaReEnrollment(requireAuth(req), req.body),
  );

  serve(
    app,
    r.confirmMfaReEnrollment,
    {
      tags,
      summary: 'Confirm the new authenticator app with its first code; returns new recovery codes once',
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req) => auth.confirmMfaReEnrollment(requireAuth(req), req.body.code),
  );

  serve(
    app,
    r.updatePreferences,
    {
      tags,
      summary: 'Remember the interface language and the practice last worked in',
      config: { allowsPasswordChange: true },
    },
    async (req) => {
      await auth.updatePreferences(requireAuth(req), req.body);
      return { ok: true as const };
    },
  );

  serve(
    app,
    r.me,
    { tags, summary: 'The signed-in person, their practices and roles', config: { allowsPasswordChange: true } },
    async (req) => auth.me(requireAuth(req)),
  );
}
