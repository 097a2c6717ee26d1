import { PracticeParamsSchema } from '../../../contracts/common.js';
import { BackupStatusSchema } from '../../../contracts/backup.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { BackupService } from './backup.service.js';

export function registerBackupRoutes(app: HttpServer, useCases: BackupService): void {
  app.get(
    '/api/v1/practices/:practiceId/backup-status',
    {
      schema: {
        tags: ['backup'],
        summary: 'When the last good backup and restore drill ran; warnings when they are too old',
        params: PracticeParamsSchema,
        response: { 200: BackupStatusSchema },
      },
    },
    async (req) => useCases.status(actorOf(req), req.params.practiceId),
  );
}
