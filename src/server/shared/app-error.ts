/** The closed set of error codes Gardien answers with, and their HTTP statuses (one table). */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  MFA_REQUIRED: 401,
  SESSION_LOCKED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_PASSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. `owner.email`; empty for the whole body. */
  path: string;
  /** Stable machine code of the reason (e.g. `too_small`, `password_too_weak`). */
  code: string;
  /** Human reason in the user's language; filled by the HTTP layer when absent. */
  message?: string;
  /** Extra values used to phrase the message (minimum, maximum, ...). */
  params?: Record<string, string | number>;
}

/** The one error type thrown by use cases; the HTTP layer turns it into `{ code, message, issues?, requestId }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(
    code: ErrorCode,
    options: { issues?: ErrorIssue[]; params?: Record<string, string | number>; cause?: unknown; detail?: string } = {},
  ) {
    super(options.detail ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options.issues;
    this.params = options.params;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function validationError(path: string, code: string, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION_FAILED', { issues: [{ path, code, ...(params ? { params } : {}) }] });
}

/** A 409: the action is not possible in the current state, for the reason `code` on the field `path`. */
export function conflict(path: string, code: string, params?: Record<string, string | number>): AppError {
  return new AppError('CONFLICT', { issues: [{ path, code, ...(params ? { params } : {}) }] });
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
