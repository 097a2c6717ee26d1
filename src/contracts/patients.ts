import { z } from 'zod';
import {
  DateSchema,
  EmailSchema,
  IdSchema,
  InstantSchema,
  nameField,
  patternField,
  PracticeParamsSchema,
  textField,
} from './common.js';

/** A French or international phone number as typed: digits, spaces, dots, dashes, parentheses, a leading +. */
export const PhoneSchema = z
  .string()
  .trim()
  .pipe(patternField(/^\+?[0-9 ().-]{6,30}$/, 'phone_format'));

const patientFields = {
  /** The practice software's own id, to find the patient there. */
  externalId: textField(64).pipe(z.string().min(1)).nullable(),
  lastName: nameField(100),
  firstName: nameField(100),
  birthDate: DateSchema,
  email: EmailSchema.nullable(),
  phone: PhoneSchema.nullable(),
  address: textField(500).nullable(),
  lastCareOn: DateSchema.nullable(),
  deathOn: DateSchema.nullable(),
  /** Art. 18: processing restricted until lifted. */
  isRestricted: z.boolean(),
  /** Objection to appointment reminders by SMS. */
  objectsToSms: z.boolean(),
  marketingConsent: z.boolean(),
};

export const CreatePatientRequestSchema = z.strictObject(patientFields).partial({
  externalId: true,
  email: true,
  phone: true,
  address: true,
  lastCareOn: true,
  deathOn: true,
  isRestricted: true,
  objectsToSms: true,
  marketingConsent: true,
});
export type CreatePatientRequest = z.infer<typeof CreatePatientRequestSchema>;

export const UpdatePatientRequestSchema = z
  .strictObject(patientFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { params: { code: 'empty_update' } });
export type UpdatePatientRequest = z.infer<typeof UpdatePatientRequestSchema>;

export const PatientSchema = z.object({
  id: IdSchema,
  externalId: z.string().nullable(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: DateSchema,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  lastCareOn: DateSchema.nullable(),
  deathOn: DateSchema.nullable(),
  isRestricted: z.boolean(),
  objectsToSms: z.boolean(),
  marketingConsent: z.boolean(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type PatientResponse = z.infer<typeof PatientSchema>;

export const PatientListQuerySchema = z.strictObject({
  /** Part of a name (accents and case ignored), an external id, or a birth date YYYY-MM-DD. */
  q: textField(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const PatientListResponseSchema = z.object({
  items: z.array(PatientSchema),
  /** How many patients match; when totalCapped, more than this many (the count stops at 1,000: type more letters). */
  total: z.number().int(),
  totalCapped: z.boolean(),
});
export type PatientListResponse = z.infer<typeof PatientListResponseSchema>;
export const PatientParamsSchema = PracticeParamsSchema.extend({ patientId: IdSchema }).strict();

/** CSV import from the practice software's export: first a dry run (the report), then the same file for real. */
export const IMPORT_FIELD_NAMES = [
  'externalId',
  'lastName',
  'firstName',
  'birthDate',
  'email',
  'phone',
  'address',
  'lastCareOn',
  'deathOn',
] as const;
export const PatientImportRequestSchema = z.strictObject({
  /** The file's text (UTF-8); 32 MiB at most. */
  csv: z
    .string()
    .min(1)
    .max(32 * 1024 * 1024),
  /** Field → column header; omitted, the mapping is guessed from the headers. */
  mapping: z.partialRecord(z.enum(IMPORT_FIELD_NAMES), z.string().max(200)).optional(),
  /** True (default): check and report, write nothing. False: import the valid lines, all or nothing. */
  dryRun: z.boolean().default(true),
});
export const PatientImportReportSchema = z.object({
  dryRun: z.boolean(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(IMPORT_FIELD_NAMES), z.string()),
  lines: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejectedCount: z.number().int(),
  /** The first 1,000 rejected lines with the field and the reason. */
  rejected: z.array(z.object({ line: z.number().int(), field: z.string(), code: z.string(), message: z.string() })),
});
export type PatientImportReport = z.infer<typeof PatientImportReportSchema>;
