export {
  BackupService,
  BACKUP_MAX_AGE_MS,
  DRILL_MAX_AGE_MS,
  type BackupResult,
  type BackupStatus,
  type DrillResult,
} from './backup.service.js';
export { BackupUseCases } from './backup.use-cases.js';
export { registerBackupRoutes } from './backup.routes.js';
export { backupWorklistProvider } from './backup.worklist.js';
