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
 * in `templates/`, reviewed like code, checked against the contract when the module loads.
 */
export const TEMPLATES: readonly RegisterTemplate[] = [patientCare, appointments, billing, staff, suppliers, videoSurveillance, website].map((t) => TemplateSchema.parse(t));

export const templateByKey = (key: string) => TEMPLATES.find((t) => t.key === key);
