// A throw-away PostgreSQL cluster from Debian's binaries, for the test runner and the crash tests.
// As root, initdb and the server run as the postgres user (initdb refuses root).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function findPgBin() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** Creates and starts a cluster; durability settings stay at their safe defaults (Gardien refuses to run otherwise). */
export async function startCluster() {
  const pgBin = findPgBin();
  if (!pgBin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-pg-'));
  const isRoot = process.getuid?.() === 0;
  const run = (tool, args) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(pgBin, tool), ...args], { stdio: 'ignore' })
      : execFileSync(path.join(pgBin, tool), args, { stdio: 'ignore' });
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  const data = path.join(dir, 'data');
  run('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--data-checksums',
    '--no-sync',
  ]);
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    `\nport = ${port}\nunix_socket_directories = '${dir}'\nlisten_addresses = '127.0.0.1'\nmax_connections = 200\n`,
  );
  const start = () => run('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pgBin,
    dataDir: data,
    start,
    /** A crash of the database server: no checkpoint, WAL recovery at the next start. */
    crash: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
