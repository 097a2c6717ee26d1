export { RightsRequestsService, presentRequest } from './rights-requests.service.js';
export { registerRightsRequestRoutes } from './rights-requests.routes.js';
export { rightsRequestsWorklistProvider } from './rights-requests.worklist.js';
export { requestStage, rightsRequestsReminderProvider } from './rights-requests.reminders.js';
export { gdprDeadline, healthRecordDeadline } from './deadline.rules.js';
export { RequestAnswersService } from './request-answers.service.js';
export { RequestFilesService } from './request-files.service.js';
export { registerRequestAnswerRoutes } from './request-answers.routes.js';
