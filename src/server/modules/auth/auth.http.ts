import type { FastifyReply, FastifyRequest } from 'fastify';
import '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import { safeEqual } from '../../platform/crypto/hashing.js';
import { AppError } from '../../shared/app-error.js';
import type { AuthContext, AuthService, RequestInfo } from './auth.service.js';

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
  void reply.setCookie(sessionCookieName(opts.secure), token, { httpOnly: true, secure: opts.secure, sameSite: 'strict', path: '/' });
}

export function clearSessionCookie(reply: FastifyReply, opts: SessionCookieOptions): void {
  void reply.clearCookie(sessionCookieName(opts.secure), { httpOnly: true, secure: opts.secure, sameSite: 'strict', path: '/' });
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
export function registerAuthentication(app: HttpServer, auth: AuthService, opts: SessionCookieOptions & { isAudited: (ctx: AuthContext) => boolean; publicOrigin?: string | undefined }): void {
  const allowedOrigin = opts.publicOrigin ? new URL(opts.publicOrigin).origin : null;
  app.decorateRequest('auth', null);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.routeOptions.url) return; // unknown route: the 404 handler answers
    const cfg = req.routeOptions.config ?? {};
    const level = cfg.auth ?? 'full';
    // Defence in depth beside SameSite and the CSRF token: a browser request from another site is refused.
    if (allowedOrigin && !SAFE_METHODS.has(req.method) && typeof req.headers.origin === 'string' && req.headers.origin !== allowedOrigin) throw new AppError('CSRF_FAILED');
    if (level === 'none') return;
    const bearer = bearerToken(req);
    const sessionToken = bearer === undefined ? req.cookies[sessionCookieName(opts.secure)] : undefined;
    req.auth = await auth.authenticate({ sessionToken, bearerToken: bearer }, requestInfo(req), level, cfg.allowsPasswordChange === true);
    req.actor = req.auth.actor;
    if (req.auth.session && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, req.auth.session.csrf_token)) throw new AppError('CSRF_FAILED');
    }
  });
  // Every use of an API token is on record: the use case's own entry, or this one.
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.auth?.token && !opts.isAudited(req.auth)) await auth.auditTokenUse(req.auth, req.routeOptions.url ?? req.url, req.method, reply.statusCode);
    return payload;
  });
}
