import type { Actor } from '../../shared/actor.js';
import type { Access } from '../access/index.js';
import type { BackupEngine, BackupStatus } from './backup.engine.js';

/** What a practice's owner sees of the server's backups: the data of their practice is in them. */
export class BackupService {
  constructor(private readonly deps: { access: Access; engine: BackupEngine }) {}

  status(actor: Actor, practiceId: string): Promise<BackupStatus> {
    return this.deps.access.run(
      actor,
      practiceId,
      { permission: 'backup.read', action: 'backup.status-read', targetType: 'backup', targetId: null, readOnly: true },
      ({ tx }) => this.deps.engine.status(tx),
    );
  }
}
