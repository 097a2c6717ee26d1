import type { z } from 'zod';

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
 * The typed client: every answer is checked against the shared contract schema it is declared with, so a
 * mismatch between server and web app fails loudly instead of showing wrong data.
 */
export async function api<S extends z.ZodType>(method: string, url: string, schema: S, body?: unknown): Promise<z.infer<S>> {
  const res = await send(method, url, body);
  return schema.parse(await res.json());
}

/** A request whose answer is not JSON (a CSV file). */
export async function apiRaw(method: string, url: string): Promise<Response> {
  return send(method, url);
}

/** Downloads a file the server generates (exports, letters), under the name the server gives it. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await send('GET', url);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': language };
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  lastCallAt = Date.now();
  let res: Response;
  try {
    res = await fetch(url, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  } catch {
    throw new ApiError(0, 'NETWORK', language === 'en' ? 'The server cannot be reached. Check the connection and try again.' : 'Le serveur est injoignable. Vérifiez la connexion et réessayez.');
  }
  if (res.ok) return res;
  const err = (await res.json().catch(() => ({}))) as { code?: string; message?: string; issues?: ApiError['issues'] };
  const e = new ApiError(res.status, err.code ?? 'INTERNAL', err.message ?? res.statusText, err.issues ?? []);
  if (e.code === 'SESSION_LOCKED') for (const fn of lockListeners) fn();
  if (e.code === 'UNAUTHENTICATED' && url !== '/api/v1/me') for (const fn of signedOutListeners) fn();
  throw e;
}
