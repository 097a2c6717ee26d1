import type { FastifySchemaCompiler } from 'fastify';
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

/** Validates body, params and query with the route's zod schema; unknown keys are refused by strict schemas. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new SchemaValidationError(result.error.issues, httpPart ?? 'body') };
  };
