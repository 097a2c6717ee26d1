import type { FastifyReply, FastifyRequest } from 'fastify';
import '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import { safeEqual } from '../../platform/crypto/hashing.js';
import { AppError } from '../../shared/app-error.js';
import { SchemaValidationError } from '../../platform/http/validation.js';
import {
  AuthRefusal,
  type AuthContext,
  type AuthService,
  type RequestInfo,
  type RequestRefusal,
} from './auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SessionCookieOptions {
  secure: boolean;
}

/** `__Host-` binds the cookie to this origin (Secure, path /, no Domain); without TLS (local tests) the plain name is used. */
export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-gardien_session' : 'gardien_session');

export function setSessionCookie(reply: FastifyReply, token: string, opts: SessionCookieOptions): void {
  void reply.setCookie(sessionCookieName(opts.secure), token, {
    httpOnly: true,
    secure: opts.secure,
    sameSite: 'strict',
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, opts: SessionCookieOptions): void {
  void reply.clearCookie(sessionCookieName(opts.secure), {
    httpOnly: true,
    secure: opts.secure,
    sameSite: 'strict',
    path: '/',
  });
}

export const requestInfo = (req: FastifyRequest): RequestInfo => ({
  ip: req.ip ?? null,
  requestId: String(req.id),
  userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
});

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new AppError('UNAUTHENTICATED');
  return req.auth;
}

function bearerToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(h.trim());
  if (!m) throw new AppError('UNAUTHENTICATED');
  return m[1];
}

/**
 * Every route is authenticated unless it says `auth: 'none'`: no route but login and the second-factor steps is
 * reachable before the second factor. Cookie sessions must echo their CSRF token on every state-changing request.
 */
export function registerAuthentication(
  app: HttpServer,
  auth: AuthService,
  opts: SessionCookieOptions & { isAudited: (ctx: AuthContext) => boolean; publicOrigin?: string | undefined },
): void {
  const allowedOrigin = opts.publicOrigin ? new URL(opts.publicOrigin).origin : null;
  app.decorateRequest('auth', null);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.routeOptions.url) return; // unknown route: the 404 handler answers
    const cfg = req.routeOptions.config ?? {};
    const level = cfg.auth ?? 'full';
    // Defence in depth beside SameSite and the CSRF token: a browser request from another site is refused. Without
    // GARDIEN_PUBLIC_ORIGIN, the site is the one the request was sent to (its Host, or X-Forwarded-Host behind a trusted proxy).
    if (
      !SAFE_METHODS.has(req.method) &&
      typeof req.headers.origin === 'string' &&
      !isSameSite(req.headers.origin, allowedOrigin, req.host)
    )
      throw new AppError('CSRF_FAILED');
    if (level === 'none') return;
    const bearer = bearerToken(req);
    const sessionToken = bearer === undefined ? req.cookies[sessionCookieName(opts.secure)] : undefined;
    const practiceId = (req.params as Record<string, unknown> | undefined)?.practiceId;
    req.auth = await auth.authenticate(
      { sessionToken, bearerToken: bearer },
      requestInfo(req),
      level,
      cfg.allowsPasswordChange === true,
      typeof practiceId === 'string' ? practiceId : null,
    );
    req.actor = req.auth.actor;
    if (req.auth.session && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.auth.session.csrf_token)) throw new AppError('CSRF_FAILED');
    }
  });
  // Every refusal is on record, including those before any use case (the chokepoint audits its own).
  app.addHook('onError', async (req, _reply, error) => {
    const refusal = refusalOf(req, error, sessionCookieName(opts.secure));
    if (refusal) await auth.recordRefusal(refusal, requestInfo(req));
  });
  // Every use of an API token is on record: the use case's own entry, or this one.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.auth?.token && !opts.isAudited(req.auth))
      await auth.auditTokenUse(req.auth, req.routeOptions.url ?? req.url, req.method, reply.statusCode);
    return payload;
  });
}

/** Whether a request's Origin is this site: the configured public origin, else the host the request was addressed to. */
function isSameSite(origin: string, allowedOrigin: string | null, host: string): boolean {
  if (allowedOrigin) return origin === allowedOrigin;
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage: not this site
  }
}

const CREDENTIAL_REFUSALS = new Set([
  'UNAUTHENTICATED',
  'MFA_REQUIRED',
  'SESSION_LOCKED',
  'PASSWORD_CHANGE_REQUIRED',
  'CSRF_FAILED',
]);

/**
 * What of an error is a refusal to audit: a credential that did not work (forged, replayed, ended; a request that
 * carried none is not one), a session short of its second factor, its CSRF token or its new password, a locked
 * session; and invalid input sent by a signed-in person or a token. Null for anything else (use cases audit their own).
 */
function refusalOf(req: FastifyRequest, error: unknown, cookieName: string): RequestRefusal | null {
  const params = (req.params ?? {}) as Record<string, unknown>;
  const base = {
    userId: error instanceof AuthRefusal ? error.userId : (req.auth?.user.id ?? null),
    tokenPracticeId: req.auth?.token?.practice_id ?? null,
    // A practice's chain only for someone who got through authentication; credential refusals go with the sign-ins.
    practiceId: req.auth && typeof params.practiceId === 'string' ? params.practiceId.slice(0, 80) : null,
    method: req.method,
    route: req.routeOptions.url ?? 'unknown',
  };
  if (error instanceof AppError && CREDENTIAL_REFUSALS.has(error.code)) {
    const presented = typeof req.headers.authorization === 'string' || req.cookies?.[cookieName] !== undefined;
    if (error.code === 'UNAUTHENTICATED' && !presented) return null;
    return { ...base, reason: error.code.toLowerCase() };
  }
  if (!req.auth) return null;
  // Refused inside a use case: the values are not kept, the fields are.
  if (
    error instanceof AppError &&
    (error.code === 'VALIDATION_FAILED' || error.code === 'CONFLICT' || error.code === 'DEADLINE_PASSED')
  ) {
    return {
      ...base,
      reason: error.code === 'VALIDATION_FAILED' ? 'invalid_input' : 'conflict',
      fields: [...new Set((error.issues ?? []).map((i) => i.path || '(body)'))],
    };
  }
  if (error instanceof SchemaValidationError)
    return {
      ...base,
      reason: 'invalid_input',
      fields: [...new Set(error.issues.map((i) => i.path.map(String).join('.') || '(body)'))],
    };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (!(error instanceof AppError) && typeof status === 'number' && [400, 413, 415].includes(status))
    return { ...base, reason: 'invalid_request' };
  return null;
}
