export { RegisterService, type RegisterPartners } from './register.service.js';
export { NoticesService } from './notices.service.js';
export { registerRegisterRoutes } from './register.routes.js';
export { registerFirstSteps, registerWorklistProvider } from './register.worklist.js';
export { templates } from './register.templates.js';
