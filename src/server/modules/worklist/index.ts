export { Worklist, type FirstStepProvider, type WorklistProvider } from './worklist.service.js';
export { registerWorklistRoutes } from './worklist.routes.js';
