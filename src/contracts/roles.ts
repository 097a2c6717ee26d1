import { z } from 'zod';

/** Roles a person holds in one practice (membership). */
export const ROLES = ['owner', 'practitioner', 'assistant', 'trainee', 'dpo', 'auditor'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
