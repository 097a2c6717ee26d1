import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode } from '../../shared/app-error.js';
import { classifyDbError } from '../db/errors.js';
import { errorMessage, issueMessage, pickLang, zodIssueMessage, type Lang } from './messages.js';
import { SchemaValidationError } from './validation.js';

interface ErrorBody {
  code: string;
  message: string;
  issues?: { path: string; code: string; message: string }[];
  requestId: string;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMIT_EXCEEDED: 'RATE_LIMITED',
};

function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

const joinPath = (path: readonly PropertyKey[]): string => path.map((p) => String(p)).join('.');

/** Formats any error as `{ code, message, issues?, requestId }` in the user's language. Unknown errors: generic 500, logged. */
export function toErrorBody(error: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  const lang: Lang = pickLang(request.headers['accept-language']);
  const requestId = String(request.id);
  if (error instanceof AppError) {
    const issues = error.issues?.map((i) => ({
      path: i.path,
      code: i.code,
      message: i.message ?? issueMessage(i.code, lang, i.params) ?? i.code,
    }));
    return {
      status: error.status,
      body: { code: error.code, message: errorMessage(error.code, lang), ...(issues ? { issues } : {}), requestId },
    };
  }
  if (error instanceof SchemaValidationError) {
    const issues = error.issues.flatMap((i) =>
      // One issue per unexpected key, on the key itself, so a form can point at it.
      i.code === 'unrecognized_keys'
        ? i.keys.map((k) => ({
            path: joinPath([...i.path, k]),
            code: 'unrecognized_key',
            message: zodIssueMessage({ ...i, keys: [k] }, lang),
          }))
        : [
            {
              path: joinPath(i.path),
              code: (i as { params?: { code?: string } }).params?.code ?? i.code,
              message: zodIssueMessage(i, lang),
            },
          ],
    );
    return {
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: errorMessage('VALIDATION_FAILED', lang), issues, requestId },
    };
  }
  const fe = error as Partial<FastifyError> & { message?: string };
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = (fe.code ? FASTIFY_CODES[fe.code] : undefined) ?? codeForStatus(status);
    const isJsonError = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && fe instanceof SyntaxError);
    const isPoison = typeof fe.message === 'string' && /__proto__|constructor/.test(fe.message) && status === 400;
    const issues = isJsonError
      ? [{ path: '', code: 'invalid_json', message: issueMessage('invalid_json', lang)! }]
      : isPoison
        ? [{ path: '', code: 'forbidden_key', message: issueMessage('forbidden_key', lang)! }]
        : undefined;
    return {
      status: ERROR_STATUS[code],
      body: { code, message: errorMessage(code, lang), ...(issues ? { issues } : {}), requestId },
    };
  }
  const dbKind = classifyDbError(error);
  if (dbKind === 'busy')
    return {
      status: 503,
      body: { code: 'SERVICE_UNAVAILABLE', message: errorMessage('SERVICE_UNAVAILABLE', lang), requestId },
    };
  if (dbKind === 'unique_violation')
    return { status: 409, body: { code: 'CONFLICT', message: errorMessage('CONFLICT', lang), requestId } };
  return { status: 500, body: { code: 'INTERNAL', message: errorMessage('INTERNAL', lang), requestId } };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(error, request);
  if (status >= 500) {
    const kind = classifyDbError(error);
    // A write against the append-only trail is a security event (CNIL: alert when logs are modified).
    if (kind === 'append_only_violation')
      request.log.fatal(
        { err: error, securityEvent: 'audit_trail_modification_attempt' },
        'attempt to modify the audit trail',
      );
    else request.log.error({ err: error }, 'unexpected error');
  }
  if (status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
  void reply.code(status).send(body);
}
