import { authRoutes as r } from '../../../contracts/auth.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import type { HttpServer } from '../../platform/http/server.js';
import {
  clearSessionCookie,
  requestInfo,
  requireAuth,
  setSessionCookie,
  type SessionCookieOptions,
} from './auth.http.js';
import type { AuthService } from './auth.service.js';

export function registerAuthRoutes(app: HttpServer, auth: AuthService, cookie: SessionCookieOptions): void {
  const serve = routesOf(app, ['auth']);
  serve(
    r.login,
    {
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
    r.sessionStatus,
    {
      summary:
        'Where this browser session stands (second factor to give, locked, ready) and its CSRF token: what a reloaded page resumes from',
      config: { auth: 'unlock', allowsPasswordChange: true },
    },
    async (req) => auth.sessionStatus(requireAuth(req)),
  );

  serve(
    r.startMfaEnrollment,
    { summary: 'Start enrolling an authenticator app (TOTP)', config: { auth: 'mfa' } },
    async (req) => auth.startMfaEnrollment(requireAuth(req)),
  );

  serve(
    r.confirmMfaEnrollment,
    {
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
    r.verifyMfa,
    {
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
    r.unlock,
    {
      summary: 'Unlock a session locked after inactivity, with the password',
      config: { auth: 'unlock', rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req) => {
      await auth.unlock(requireAuth(req), req.body.password);
      return { ok: true as const };
    },
  );

  serve(r.logout, { summary: 'Log out (this session)', config: { auth: 'unlock' } }, async (req, reply) => {
    await auth.logout(requireAuth(req));
    clearSessionCookie(reply, cookie);
    return { ok: true as const };
  });

  serve(r.logoutEverywhere, 'Log out everywhere: end every session of the signed-in person', async (req, reply) => {
    await auth.logoutEverywhere(requireAuth(req));
    clearSessionCookie(reply, cookie);
    return { ok: true as const };
  });

  serve(r.listSessions, 'List one’s open sessions', async (req) => ({
    items: await auth.listSessions(requireAuth(req)),
  }));

  serve(r.revokeSession, 'End one of one’s sessions', async (req) => {
    await auth.revokeSession(requireAuth(req), req.params.sessionId);
    return { ok: true as const };
  });

  serve(
    r.changePassword,
    {
      summary: 'Change one’s password (other sessions end unless told otherwise)',
      config: { allowsPasswordChange: true, rateLimit: { max: 10, timeWindow: 60_000 } },
    },
    async (req) => {
      await auth.changePassword(requireAuth(req), req.body);
      return { ok: true as const };
    },
  );

  serve(
    r.startMfaReEnrollment,
    {
      summary: 'Replace the authenticator app: password and a current code first, then a new QR code',
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req) => auth.startMfaReEnrollment(requireAuth(req), req.body),
  );

  serve(
    r.confirmMfaReEnrollment,
    {
      summary: 'Confirm the new authenticator app with its first code; returns new recovery codes once',
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
    },
    async (req) => auth.confirmMfaReEnrollment(requireAuth(req), req.body.code),
  );

  serve(
    r.updatePreferences,
    {
      summary: 'Remember the interface language and the practice last worked in',
      config: { allowsPasswordChange: true },
    },
    async (req) => {
      await auth.updatePreferences(requireAuth(req), req.body);
      return { ok: true as const };
    },
  );

  serve(
    r.me,
    { summary: 'The signed-in person, their practices and roles', config: { allowsPasswordChange: true } },
    async (req) => auth.me(requireAuth(req)),
  );
}
