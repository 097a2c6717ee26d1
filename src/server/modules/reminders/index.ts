export { Reminders, type Lang, type ReminderDue, type ReminderProvider } from './reminders.service.js';
