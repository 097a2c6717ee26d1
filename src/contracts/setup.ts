import { z } from 'zod';
import { EmailSchema, nameField } from './common.js';
import { PasswordSchema } from './auth.js';

/** First run: whether the setup page is offered (no account exists yet). */
export const SetupStatusResponseSchema = z.object({ needed: z.boolean() });

/** First run: the first practice and its owner (the controller), who then enrols the second factor. */
export const SetupRequestSchema = z.strictObject({
  practiceName: nameField(200),
  ownerName: nameField(200),
  ownerEmail: EmailSchema,
  password: PasswordSchema,
});
export type SetupRequest = z.infer<typeof SetupRequestSchema>;
