import { TemplateSchema, type RegisterTemplate } from '../../../contracts/register.js';
import appointments from './templates/appointments.json' with { type: 'json' };
import billing from './templates/billing.json' with { type: 'json' };
import patientCare from './templates/patient_care.json' with { type: 'json' };
import staff from './templates/staff.json' with { type: 'json' };
import suppliers from './templates/suppliers.json' with { type: 'json' };
import videoSurveillance from './templates/video_surveillance.json' with { type: 'json' };
import website from './templates/website.json' with { type: 'json' };

/**
 * The typical activities of a dental practice, pre-filled from the reference (regulatory.md §1, §2, §12.6): data files
 * in `templates/`, reviewed like code, checked against the contract on first use.
 */
let parsed: readonly RegisterTemplate[] | null = null;
/** Parsed on first use (not at start-up: the server's cold start stays short). */
export function templates(): readonly RegisterTemplate[] {
  parsed ??= [patientCare, appointments, billing, staff, suppliers, videoSurveillance, website].map((t) =>
    TemplateSchema.parse(t),
  );
  return parsed;
}

export const templateByKey = (key: string) => templates().find((t) => t.key === key);
