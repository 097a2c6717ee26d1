export { Reminders, type Lang, type ReminderDue, type ReminderProvider } from './reminders.service.js';
export { DIGEST_MODULES } from './reminders.digest.js';
