export { RegisterService } from './register.service.js';
export { registerRegisterRoutes } from './register.routes.js';
export { registerWorklistProvider } from './register.worklist.js';
export { TEMPLATES } from './register.templates.js';
