export { Access, auditContext, WRITER_THREAD_SLOW_COMMIT_MS, WRITER_THREAD_START_AFTER, type UseCase, type UseCaseScope } from './access.service.js';
export { can, PERMISSIONS, ROLE_DESCRIPTIONS, ROLE_PERMISSIONS, type Permission } from './access.policy.js';
