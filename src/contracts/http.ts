import type { z } from 'zod';

/**
 * One HTTP route as both sides see it: the server registers it (`serve` in platform/http/route-table.ts) and the web
 * app calls it (`call` in web/app/api.ts) from the same value, so a path, a parameter or a body cannot drift apart.
 * Each module's table lives in `contracts/<module>.routes.ts`.
 */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify's form: `/api/v1/practices/:practiceId/breaches/:breachId`. */
  path: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer's schema; a document (PDF, CSV…) declares `z.string()` and is fetched with `download`. */
  response: z.ZodType;
  /** The success status when it is not 200. */
  status?: 201;
}

/** Declares a route, keeping its literal types (the client infers params, query, body and answer from them). */
export const route = <const D extends RouteDef>(def: D): D => def;

type In<S> = S extends z.ZodType ? z.input<S> : never;
type Part<K extends string, S> = S extends z.ZodType ? { [P in K]: In<S> } : { [P in K]?: never };

/** What a caller gives: the path's parameters, the query and the body, each where the route declares one. */
export type RouteInput<D extends RouteDef> = Part<'params', D['params']> &
  Part<'query', D['query']> &
  Part<'body', D['body']>;

/** What names a route's answers in the web app's cache: its params, and its query when one answer is meant. */
export type RouteKeyInput<D extends RouteDef> = Part<'params', D['params']> & Partial<Part<'query', D['query']>>;

/** The answer, as its schema parses it. */
export type RouteOutput<D extends RouteDef> = z.output<D['response']>;

/** The route's path with its parameters filled in (each encoded), e.g. `/api/v1/practices/p1/breaches`. */
export function pathOf(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'string' || value === '') throw new Error(`route ${path}: parameter ${name} is missing`);
    return encodeURIComponent(value);
  });
}

/** The query string of a query object (undefined values left out, arrays repeated), with its `?`, or ''. */
export function queryOf(query: Record<string, unknown> | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    for (const one of Array.isArray(v) ? (v as unknown[]) : [v])
      if (typeof one === 'string' ? one !== '' : typeof one === 'number' || typeof one === 'boolean')
        q.append(k, String(one));
  const s = q.toString();
  return s ? `?${s}` : '';
}
