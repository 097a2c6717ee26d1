export { PracticesService, type CreatePracticeInput } from './practices.service.js';
export { registerPracticeRoutes } from './practices.routes.js';
export { registerSetupRoutes } from './setup.routes.js';
export { practicesFirstSteps } from './practices.worklist.js';
