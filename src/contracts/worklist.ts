import { z } from 'zod';
import { IdSchema } from './common.js';

/**
 * One thing to do before a deadline, from any module (a patient request to answer, a breach to notify, a register
 * review due...). `kind` names the task for the interface's translations; `subject` says which one; `dueAt` is the
 * instant the deadline falls (ISO 8601).
 */
export const WorklistItemSchema = z.object({
  id: z.string(),
  module: z.string(),
  kind: z.string(),
  subject: z.string(),
  dueAt: z.string(),
  targetType: z.string(),
  targetId: IdSchema.nullable(),
  /** Where the web app opens it (a path inside the app). */
  path: z.string(),
});
export type WorklistItem = z.infer<typeof WorklistItemSchema>;
/** The first steps of a new practice, in order, shown on the home page while any is not done. */
export const FIRST_STEPS = ['identity', 'register', 'notices', 'team', 'processors'] as const;
export const FirstStepSchema = z.object({ step: z.enum(FIRST_STEPS), done: z.boolean(), path: z.string() });
export type FirstStep = z.infer<typeof FirstStepSchema>;
export const WorklistResponseSchema = z.object({
  items: z.array(WorklistItemSchema),
  /** The practice's first steps (identity, register, notices, team, processors), each with whether it is done; those the role may see. */
  firstSteps: z.array(FirstStepSchema).default([]),
});
