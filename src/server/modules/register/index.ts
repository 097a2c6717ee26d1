export { RegisterService } from './register.service.js';
export { registerRegisterRoutes } from './register.routes.js';
export { registerWorklistProvider } from './register.worklist.js';
export { templates } from './register.templates.js';
