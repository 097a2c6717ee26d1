import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../shared/app-error.js';

/** Per-route settings read by the authentication hook, and the actor it leaves on the request. */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** none: public; mfa: password given, second factor pending; unlock: a locked session is enough; full (default). */
    auth?: 'none' | 'mfa' | 'unlock' | 'full';
    /** Reachable while the account must change its password. */
    allowsPasswordChange?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor of a request on an authenticated route. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}
