import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');

export function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`--${name} is required`);
  return v;
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

export async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`${url} did not answer`);
}

/** Starts the compiled server (run `npm run build` first) on a data directory. */
export function startGardien(dataDir: string, port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'bin/gardien.js'), 'serve', '--data-dir', dataDir, '--port', String(port)], {
    env: { ...process.env, GARDIEN_CLI_MAIN: '1', GARDIEN_LOG_LEVEL: 'warn', GARDIEN_BACKUP_DIR: 'off', GARDIEN_RATE_LIMIT_PER_MINUTE: '100000000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** An export of a practice software with `count` patients (French headers, accents, dates DD/MM/YYYY), as a CSV string. */
export function patientCsv(count: number): string {
  const FIRST = ['Zoé', 'Émile', 'Léa', 'Jules', 'Chloé', 'Hugo', 'Inès', 'Louis', 'Manon', 'Gabriel'];
  const LAST = ['Martin', 'Bernard', 'Lefèvre', 'Dubois', 'Moreau', 'Laurent', 'Girard', 'Roux', 'Fournier', 'Mercier'];
  const lines = ['N° dossier;Nom;Prénom;Date de naissance;Téléphone;E-mail;Dernière visite'];
  for (let i = 0; i < count; i++) {
    const d = String((i % 28) + 1).padStart(2, '0');
    const m = String((i % 12) + 1).padStart(2, '0');
    lines.push(`P${i};${LAST[i % 10]}-${i};${FIRST[(i * 7) % 10]};${d}/${m}/${1940 + (i % 80)};06 ${String(i % 100).padStart(2, '0')} 12 34 56;patient${i}@example.fr;${d}/${m}/2025`);
  }
  return lines.join('\r\n');
}
