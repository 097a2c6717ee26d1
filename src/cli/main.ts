import { Command } from 'commander';
import { VERSION } from '../server/version.js';
import { EXIT, reportError } from './io.js';

import { registerPracticeCommands } from './commands/practices.js';
import { registerPeopleCommands } from './commands/people.js';
import { registerServerCommands } from './commands/server.js';
import { registerAuditCommands } from './commands/audit.js';
import { registerBackupCommands } from './commands/backup.js';
export function buildCli(): Command {
  const program = new Command('gardien')
    .description('Gardien: GDPR (RGPD) compliance and its proof for dental practices')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();

  registerPracticeCommands(program);
  registerPeopleCommands(program);
  registerServerCommands(program);
  registerAuditCommands(program);
  registerBackupCommands(program);

  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  process.umask(0o077); // the database, its WAL and the key file are readable by the server's user only
  const program = buildCli();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (e) {
    const ce = e as { code?: string; exitCode?: number };
    if (typeof ce.code === 'string' && ce.code.startsWith('commander.'))
      return ce.code === 'commander.helpDisplayed' || ce.code === 'commander.version' ? EXIT.OK : EXIT.USAGE;
    return reportError(e);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain || process.env.GARDIEN_CLI_MAIN === '1') {
  runCli(process.argv).then(
    (code) => {
      if (code !== EXIT.OK) process.exit(code);
    },
    (e) => process.exit(reportError(e)),
  );
}
