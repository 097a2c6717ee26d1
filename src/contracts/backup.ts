import { z } from 'zod';
import { InstantSchema } from './common.js';

export const BackupStatusSchema = z.object({
  lastBackupAt: InstantSchema.nullable(),
  lastDrillAt: InstantSchema.nullable(),
  lastBackupFailed: z.boolean(),
  /** The last good backup is older than 26 hours (a daily backup was missed). */
  isBackupTooOld: z.boolean(),
  /** The last good restore drill is older than 35 days. */
  isDrillTooOld: z.boolean(),
});
