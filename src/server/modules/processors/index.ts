export { ProcessorsService } from './processors.service.js';
export { ProcessorDocumentsService } from './processor-documents.service.js';
export { registerProcessorRoutes } from './processors.routes.js';
export { processorsFirstSteps, processorsWorklistProvider } from './processors.worklist.js';
export { processorsReminderProvider } from './processors.reminders.js';
