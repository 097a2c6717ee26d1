import { backupRoutes as r } from '../../../contracts/backup.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { BackupService } from './backup.service.js';

export function registerBackupRoutes(app: HttpServer, useCases: BackupService): void {
  const serve = routesOf(app, ['backup']);
  serve(r.status, 'When the last good backup and restore drill ran; warnings when they are too old', async (req) =>
    useCases.status(actorOf(req), req.params.practiceId),
  );
}
