export { BreachesService } from './breaches.service.js';
export { registerBreachRoutes } from './breaches.routes.js';
export { breachesWorklistProvider } from './breaches.worklist.js';
export { BreachReminders } from './breaches.reminders.js';
