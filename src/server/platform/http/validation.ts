import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import type { z } from 'zod';

/** Carries zod's issues (with the offending input, used only to phrase the message) to the error handler. */
export class SchemaValidationError extends Error {
  override name = 'SchemaValidationError';
  statusCode = 400;
  constructor(
    readonly issues: z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super('schema validation failed');
  }
}

/**
 * Validates body, params and query with the route's zod schema; unknown keys are refused by strict schemas. Valid input
 * is parsed plainly; only refused input is parsed again with its values in the issues (to phrase the message): asking
 * for them up front made every parse several times slower (3.5 against 0.6 µs for a query string).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const reported = schema.safeParse(data, { reportInput: true });
    return {
      error: new SchemaValidationError(
        (reported.error ?? result.error).issues.flatMap(closestBranch),
        httpPart ?? 'body',
      ),
    };
  };

/**
 * A value matching none of a union's shapes: the issues of the shape it comes closest to (the branch with the
 * fewest issues, a wrong set of keys counting as far), so the person sees the field at fault, not "invalid input".
 */
function closestBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || issue.errors.length === 0) return [issue];
  const cost = (branch: z.core.$ZodIssue[]) =>
    branch.length + (branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0) ? 1000 : 0);
  const best = [...issue.errors].sort((a, b) => cost(a) - cost(b))[0]!;
  return best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })).flatMap(closestBranch);
}

/**
 * Every response is checked against its route's schema before it leaves (a field the schema does not name is dropped,
 * a missing or malformed one is a 500, never sent), with zod's parse rather than the encode of
 * fastify-type-provider-zod's own compiler: encode skips zod's compiled path for objects (162 against 48 µs for a
 * list of 75 members, a tenth of a team-list request) and differs from parse only on transforms, which no response
 * schema holds (test/http-contract.test.ts walks them all).
 */
export const zodSerializerCompiler: FastifySerializerCompiler<z.ZodType> =
  ({ schema, method, url }) =>
  (data: unknown) => {
    const result = schema.safeParse(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
