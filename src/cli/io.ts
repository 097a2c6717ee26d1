import readline from 'node:readline';
import { AppError } from '../server/shared/app-error.js';
import { ConfigError } from '../server/config.js';
import { errorMessage, issueMessage, pickLang } from '../server/platform/http/messages.js';

export const cliLang = () =>
  pickLang(process.env.GARDIEN_LANG ?? process.env.LC_ALL ?? process.env.LANG?.replace(/_.*/, ''));

/** Exit codes: 0 ok, 1 a check failed (audit verify), 2 bad usage or refused input, 3 unexpected error. */
export const EXIT = { OK: 0, CHECK_FAILED: 1, USAGE: 2, ERROR: 3 } as const;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Reads a secret from GARDIEN_PASSWORD, or asks for it on the terminal without echoing it. */
export async function readPassword(prompt: string, confirm = false): Promise<string> {
  const fromEnv = process.env.GARDIEN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new CliError('No password: set GARDIEN_PASSWORD or run the command in a terminal.');
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
      out._writeToOutput = (s: string) => {
        if (s.includes(q)) process.stderr.write(s);
      };
      rl.question(q, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask(prompt);
  if (confirm && (await ask('Confirmez : ')) !== first) throw new CliError('The two passwords differ.');
  return first;
}

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.USAGE,
  ) {
    super(message);
  }
}

/** One place that turns any failure into a message on stderr and an exit code. */
export function reportError(e: unknown): number {
  const lang = cliLang();
  if (e instanceof CliError) {
    process.stderr.write(`gardien: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof ConfigError) {
    process.stderr.write(`gardien: ${e.message}\n`);
    return EXIT.USAGE;
  }
  if (e instanceof AppError) {
    const lines = [`gardien: ${errorMessage(e.code, lang)} (${e.code})`];
    for (const i of e.issues ?? [])
      lines.push(`  ${i.path || '-'}: ${i.message ?? issueMessage(i.code, lang, i.params) ?? i.code}`);
    process.stderr.write(lines.join('\n') + '\n');
    return EXIT.USAGE;
  }
  process.stderr.write(`gardien: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT.ERROR;
}
