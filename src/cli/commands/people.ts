import { Command, Option } from 'commander';
import { EmailSchema } from '../../contracts/common.js';
import { RoleSchema, ROLES } from '../../contracts/roles.js';
import { cliActor } from '../../server/shared/actor.js';
import { printJson, readPassword } from '../io.js';

import { nameOption, parseOption, requireUser, withDb, withRuntime, type DbOptions } from '../common.js';

/** user, token: people, their accounts and API tokens. */
export function registerPeopleCommands(program: Command): void {
  const user = program.command('user').description('People and their accounts');
  withDb(user.command('add'))
    .description('Give a person a role in a practice, creating their account if needed. Prints {"userId"}.')
    .requiredOption('--practice <id>', 'practice id')
    .requiredOption('--email <email>', 'e-mail of the person')
    .requiredOption('--name <name>', 'full name')
    .addOption(new Option('--role <role>', 'role in the practice').choices([...ROLES]).makeOptionMandatory())
    .addHelpText('after', '\nFor a new account, the password comes from GARDIEN_PASSWORD (or the terminal).')
    .action(async (opts: DbOptions & { practice: string; email: string; name: string; role: string }) => {
      const email = parseOption(EmailSchema, opts.email, '--email');
      const role = parseOption(RoleSchema, opts.role, '--role');
      await withRuntime(opts, async (rt) => {
        const isNew = !(await rt.services.auth.findUserByEmail(email));
        const password = isNew ? await readPassword('Mot de passe : ', true) : undefined;
        const r = await rt.services.team.addMember(cliActor(), opts.practice, {
          email,
          name: nameOption(opts.name, '--name'),
          role,
          initialPassword: password,
        });
        printJson({ userId: r.userId });
      });
    });

  withDb(user.command('disable'))
    .description('Disable an account everywhere (never deleted): every session and API token ends at once.')
    .requiredOption('--email <email>', 'e-mail of the person')
    .action(async (opts: DbOptions & { email: string }) => {
      const email = parseOption(EmailSchema, opts.email, '--email');
      await withRuntime(opts, async (rt) => printJson(await rt.services.team.disableUser(cliActor(), email)));
    });

  withDb(user.command('unlock'))
    .description('Unlock an account locked after repeated failed sign-ins.')
    .requiredOption('--email <email>', 'e-mail of the person')
    .action(async (opts: DbOptions & { email: string }) => {
      await withRuntime(opts, async (rt) => {
        const u = await requireUser(rt, opts.email);
        await rt.services.auth.unlockAccount(cliActor(), u.id);
        printJson({ userId: u.id, unlocked: true });
      });
    });

  const token = program.command('token').description('API tokens for integrations and scripts');
  withDb(token.command('create'))
    .description(
      'Create an API token for a member of a practice; it acts with their role there. Prints the token alone.',
    )
    .requiredOption('--practice <id>', 'practice id')
    .requiredOption('--email <email>', 'e-mail of the member the token acts for')
    .requiredOption('--name <label>', 'what the token is for')
    .action(async (opts: DbOptions & { practice: string; email: string; name: string }) => {
      await withRuntime(opts, async (rt) => {
        const u = await requireUser(rt, opts.email);
        const r = await rt.services.apiTokens.createForMember(
          cliActor(),
          opts.practice,
          u.id,
          nameOption(opts.name, '--name'),
        );
        process.stdout.write(`${r.token}\n`);
      });
    });
}
