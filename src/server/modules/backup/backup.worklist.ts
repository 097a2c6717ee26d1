import type { WorklistItem } from '../../../contracts/worklist.js';
import type { WorklistProvider } from '../worklist/index.js';
import { BACKUP_MAX_AGE_MS, DRILL_MAX_AGE_MS, type BackupEngine } from './backup.engine.js';

/** A restore drill shows in the to-do list this long before it falls due. */
const DRILL_NOTICE_MS = 7 * 24 * 3600_000;

/**
 * The backups in the to-do list (security goal G21): a backup that failed or is older than a day, and the restore
 * drill once it is due within a week. Server-wide facts, shown to those who may read the backup status.
 */
export function backupWorklistProvider(backup: BackupEngine): WorklistProvider {
  return {
    module: 'backup',
    permission: 'backup.read',
    async list(tx, _practiceId, now) {
      const status = await backup.status(tx);
      const items: WorklistItem[] = [];
      const after = (at: string | null, ms: number) => (at ? new Date(new Date(at).getTime() + ms) : now).toISOString();
      if (status.isBackupTooOld || status.lastBackupFailed) {
        items.push({
          id: 'backup:due',
          module: 'backup',
          kind: status.lastBackupFailed ? 'backup_failed' : 'backup_overdue',
          subject: status.lastBackupAt ?? '',
          dueAt: after(status.lastBackupAt, BACKUP_MAX_AGE_MS),
          targetType: 'backup',
          targetId: null,
          path: '/backup',
        });
      }
      const drillDue = after(status.lastDrillAt, DRILL_MAX_AGE_MS);
      if (new Date(drillDue).getTime() - now.getTime() <= DRILL_NOTICE_MS) {
        items.push({
          id: 'backup:drill',
          module: 'backup',
          kind: 'restore_drill_due',
          subject: status.lastDrillAt ?? '',
          dueAt: drillDue,
          targetType: 'backup',
          targetId: null,
          path: '/backup',
        });
      }
      return items;
    },
  };
}
