import type { z } from 'zod';
import {
  pathOf,
  queryOf,
  type RouteDef,
  type RouteInput,
  type RouteKeyInput,
  type RouteOutput,
} from '../../contracts/http.js';

/** An answer in Gardien's one error format: a code, a message in the user's language, the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; code: string; message?: string }[] = [],
  ) {
    super(message);
  }

  /** The message for one field, if the server named it. */
  field(path: string): string | undefined {
    return this.issues.find((i) => i.path === path)?.message;
  }
}

let csrfToken = '';
let language = 'fr';
let lastCallAt = 0;
const lockListeners = new Set<() => void>();
const signedOutListeners = new Set<() => void>();

export const setCsrfToken = (token: string) => void (csrfToken = token);
export const setApiLanguage = (lang: string) => void (language = lang);
/** When the server answers SESSION_LOCKED, the idle lock covers the screen. */
export const onSessionLocked = (fn: () => void) => {
  lockListeners.add(fn);
  return () => void lockListeners.delete(fn);
};
/** When the server no longer knows the session (signed out elsewhere, access cut by the owner, expired). */
export const onSignedOut = (fn: () => void) => {
  signedOutListeners.add(fn);
  return () => void signedOutListeners.delete(fn);
};
export const millisSinceLastCall = () => Date.now() - lastCallAt;

/**
 * The transport under the route table's calls: every answer is checked against the route's schema, so a mismatch
 * between server and web app fails loudly instead of showing wrong data. Screens call routes (`call`), never URLs.
 */
async function api<S extends z.ZodType>(method: string, url: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  const res = await send(method, url, body);
  return schema.parse(await res.json());
}

/** The arguments of a route's call: none when it takes nothing, else its params, query and body. */
type Args<D extends RouteDef> = object extends RouteInput<D> ? [input?: RouteInput<D>] : [input: RouteInput<D>];

/** A route's input as the transport reads it (the typed functions below have checked it against the route). */
type Untyped = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown } | undefined;

/** The URL of a route with its parameters and query filled in. */
const urlFor = (def: RouteDef, input: Untyped) => pathOf(def.path, input?.params) + queryOf(input?.query);

/**
 * The query key of a route's answer: its path's segments after /api/v1 (parameters filled in), then its query. A key
 * is a prefix of the keys below it, so invalidating `keyOf(breachRoutes.list, …)` refreshes the list and every breach.
 */
export function keyOf<D extends RouteDef>(
  def: D,
  ...[input]: object extends RouteKeyInput<D> ? [input?: RouteKeyInput<D>] : [input: RouteKeyInput<D>]
): unknown[] {
  const i = input as Untyped;
  const segments = pathOf(def.path, i?.params)
    .replace(/^\/api\/v1\//, '')
    .split('/');
  return i?.query ? [...segments, i.query] : segments;
}

/** Calls a route of a contract's table; the answer is checked against the route's response schema. */
export async function call<D extends RouteDef>(def: D, ...[input]: Args<D>): Promise<RouteOutput<D>> {
  const i = input as Untyped;
  return api(def.method, urlFor(def, i), def.response, i?.body) as Promise<RouteOutput<D>>;
}

/** Downloads the document a route answers, under the name the server gives it. */
export function download<D extends RouteDef>(def: D, fallbackName: string, ...[input]: Args<D>): Promise<void> {
  return downloadFile(urlFor(def, input as Untyped), fallbackName);
}

/** The text of a document a route answers (a letter to copy into an e-mail). */
export async function fetchText<D extends RouteDef>(def: D, ...[input]: Args<D>): Promise<string> {
  return (await send('GET', urlFor(def, input as Untyped))).text();
}

/** Calls a long route that reports its progress (`postWithProgress`); the answer is checked like any other. */
export function callWithProgress<D extends RouteDef>(
  def: D,
  input: RouteInput<D>,
  onProgress: (done: number, total: number) => void,
): Promise<RouteOutput<D>> {
  const i = input as Untyped;
  return postWithProgress(urlFor(def, i), i?.body, def.response, onProgress) as Promise<RouteOutput<D>>;
}

/** Sends a file's bytes to a route that takes them (`uploadFile`), its name and type in the query. */
export function upload<D extends RouteDef>(
  def: D,
  input: RouteInput<D>,
  file: Blob,
  onProgress: (percent: number) => void,
): Promise<RouteOutput<D>> {
  return uploadFile(urlFor(def, input as Untyped), file, def.response, onProgress) as Promise<RouteOutput<D>>;
}

/** Downloads a file the server generates (exports, letters), under the name the server gives it. */
async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await send('GET', url);
  const disposition = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const name = (utf8 ? decodeURIComponent(utf8) : /filename="([^"]+)"/.exec(disposition)?.[1]) ?? fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * A long POST that reports its progress: the server answers a stream of JSON lines ({progress}, then {report} or
 * {error}) once the work has started, or a plain JSON answer when it finished at once.
 */
async function postWithProgress<S extends z.ZodType>(
  url: string,
  body: unknown,
  schema: S,
  onProgress: (done: number, total: number) => void,
): Promise<z.infer<S>> {
  const res = await send('POST', url, body, 'application/x-ndjson');
  if (!res.headers.get('content-type')?.includes('ndjson') || !res.body) return schema.parse(await res.json());
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += value ?? '';
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const msg = JSON.parse(line) as {
        progress?: { done: number; total: number };
        report?: unknown;
        error?: ErrorBody & { status: number };
      };
      if (msg.progress) onProgress(msg.progress.done, msg.progress.total);
      if (msg.report) return schema.parse(msg.report);
      if (msg.error) throw failure(url, msg.error.status, '', msg.error);
    }
    if (done) throw networkError();
  }
}

/**
 * Sends a file's bytes (application/octet-stream) and reports the upload's real progress (0 to 100); the answer is
 * checked against `schema` like any other. XMLHttpRequest, because fetch reports no upload progress.
 */
function uploadFile<S extends z.ZodType>(
  url: string,
  file: Blob,
  schema: S,
  onProgress: (percent: number) => void,
): Promise<z.infer<S>> {
  lastCallAt = Date.now();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept-language', language);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.floor((e.loaded / e.total) * 100));
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      let body: ErrorBody = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        /* not JSON: reported below with the status */
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(schema.parse(body));
      reject(failure(url, xhr.status, xhr.statusText, body));
    };
    xhr.send(file);
  });
}

async function send(method: string, url: string, body?: unknown, accept?: string, retried = false): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': language, ...(accept ? { accept } : {}) };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  lastCallAt = Date.now();
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw networkError();
  }
  if (res.ok) return res;
  const err = (await res.json().catch(() => ({}))) as ErrorBody;
  // Another tab moved the session on (its second factor renews the token): the session's current token, and one retry.
  if (err.code === 'CSRF_FAILED' && method !== 'GET' && !retried && (await refreshCsrfToken()))
    return send(method, url, body, accept, true);
  throw failure(url, res.status, res.statusText, err);
}

/** The CSRF token of the session as the server holds it now; false when there is no session to ask about. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const res = await fetch('/api/v1/auth/session', {
      headers: { 'accept-language': language },
      credentials: 'same-origin',
    });
    if (!res.ok) return false;
    const { csrfToken: token } = (await res.json()) as { csrfToken?: unknown };
    if (typeof token !== 'string') return false;
    csrfToken = token;
    return true;
  } catch {
    return false;
  }
}

type ErrorBody = { code?: string; message?: string; issues?: ApiError['issues'] };

const networkError = () =>
  new ApiError(
    0,
    'NETWORK',
    language === 'en'
      ? 'The server cannot be reached. Check the connection and try again.'
      : 'Le serveur est injoignable. Vérifiez la connexion et réessayez.',
  );

/** The error of a refused call; a locked or ended session tells the screens that cover it. */
function failure(url: string, status: number, statusText: string, err: ErrorBody): ApiError {
  const e = new ApiError(status, err.code ?? 'INTERNAL', err.message ?? statusText, err.issues ?? []);
  if (e.code === 'SESSION_LOCKED') for (const fn of lockListeners) fn();
  if (e.code === 'UNAUTHENTICATED' && url !== '/api/v1/me' && url !== '/api/v1/auth/session')
    for (const fn of signedOutListeners) fn();
  return e;
}
