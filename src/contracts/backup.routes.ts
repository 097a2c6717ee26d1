import { PracticeParamsSchema } from './common.js';
import { BackupStatusSchema } from './backup.js';
import { route } from './http.js';

export const backupRoutes = {
  status: route({
    method: 'GET',
    path: '/api/v1/practices/:practiceId/backup-status',
    params: PracticeParamsSchema,
    response: BackupStatusSchema,
  }),
};
