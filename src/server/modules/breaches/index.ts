export { BreachesService } from './breaches.service.js';
export { BreachDocumentsService } from './breach-documents.service.js';
export { registerBreachRoutes } from './breaches.routes.js';
export { breachesWorklistProvider } from './breaches.worklist.js';
export { breachesReminderProvider } from './breaches.reminders.js';
