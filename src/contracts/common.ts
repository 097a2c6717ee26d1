import { z } from 'zod';

/** Opaque ids: a short prefix, an underscore and URL-safe random characters. */
/** A string matching `pattern`; a mismatch is reported with our own reason `code` (phrased in messages.ts). */
export const patternField = (pattern: RegExp, code: string) =>
  z.string().refine((s) => pattern.test(s), { params: { code } });

export const IdSchema = patternField(/^[a-z]{1,8}_[A-Za-z0-9_-]{10,64}$/, 'invalid_id');
/** An instant, ISO-8601 in UTC (`…Z`). */
export const InstantSchema = z.iso.datetime();
/** A calendar date `YYYY-MM-DD`. */
export const DateSchema = z.iso.date();

/** Free text typed by a person: trimmed, no control characters except newlines and tabs. */
export const textField = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // U+FFFE and U+FFFF are no characters at all: XML (DOCX, XLSX) cannot hold them and the file would not open.
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/.test(s), {
      params: { code: 'control_characters' },
    })
    // A lone surrogate cannot be stored as UTF-8 (it would come back as U+FFFD); bidirectional overrides can disguise
    // what a letter or an export says.
    .refine(
      (s) =>
        !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u202A-\u202E\u2066-\u2069]/.test(s),
      { params: { code: 'control_characters' } },
    );

export const nameField = (max = 200) => textField(max).pipe(z.string().min(1));

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

export const ErrorResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const PracticeParamsSchema = z.strictObject({ practiceId: IdSchema });

export const OkResponseSchema = z.object({ ok: z.literal(true) });

/** Body of an action that takes no input: nothing, or an empty object; any field is refused. */
export const EmptyBodySchema = z.strictObject({}).nullish();
