export {
  BackupEngine,
  BACKUP_MAX_AGE_MS,
  DRILL_MAX_AGE_MS,
  type BackupResult,
  type BackupStatus,
  type DrillResult,
} from './backup.engine.js';
export { BackupService } from './backup.service.js';
export { registerBackupRoutes } from './backup.routes.js';
export { backupWorklistProvider } from './backup.worklist.js';
