import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import path from 'node:path';

/** The secrets of one installation, kept in `<data-dir>/gardien.key` (mode 0600), never in the repository or the database. */
export interface Keys {
  /** AES-256-GCM key for secrets stored in the database (TOTP seeds). */
  readonly dataKey: Buffer;
  /** Ed25519 key that signs audit-trail checkpoints. */
  readonly auditSigningKey: KeyObject;
  readonly auditPublicKey: KeyObject;
  /** Short fingerprint of the public key, stored beside each checkpoint. */
  readonly auditKeyId: string;
}

/** What the audit trail needs of the keys: the checkpoint signing pair, not the data key. */
export type AuditKeys = Pick<Keys, 'auditSigningKey' | 'auditPublicKey' | 'auditKeyId'>;

const KeyFileV1Schema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  dataKey: z.string(),
  auditSigningKey: z.string(),
});
type KeyFileV1 = z.infer<typeof KeyFileV1Schema>;

export const KEY_FILE_NAME = 'gardien.key';

export class KeyFileError extends Error {
  override name = 'KeyFileError';
}

function fromFile(file: KeyFileV1): Keys {
  const dataKey = Buffer.from(file.dataKey, 'base64');
  if (dataKey.length !== 32) throw new KeyFileError('gardien.key: dataKey must be 32 bytes');
  const auditSigningKey = createPrivateKey(file.auditSigningKey);
  const auditPublicKey = createPublicKey(auditSigningKey);
  const der = auditPublicKey.export({ type: 'spki', format: 'der' });
  const auditKeyId = createHash('sha256').update(der).digest('hex').slice(0, 16);
  return Object.freeze({ dataKey, auditSigningKey, auditPublicKey, auditKeyId });
}

/** Reads the key file, creating it (mode 0600, atomically) on first run. Refuses a file others can read. */
export function loadOrCreateKeys(dataDir: string): Keys {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const content: KeyFileV1 = {
      version: 1,
      createdAt: new Date().toISOString(),
      dataKey: randomBytes(32).toString('base64'),
      auditSigningKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file); // fails if another process created it meanwhile: then theirs wins
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.unlinkSync(tmp);
    }
  }
  const stat = fs.statSync(file);
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new KeyFileError(
      `${file} is readable by other users (mode ${(stat.mode & 0o777).toString(8)}); run: chmod 600 ${file}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new KeyFileError(`${file} is not a valid Gardien key file`, { cause: e });
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (version !== 1) throw new KeyFileError(`${file}: unsupported key file version ${String(version)}`);
  const parsed = KeyFileV1Schema.safeParse(json);
  if (!parsed.success) throw new KeyFileError(`${file} is not a valid Gardien key file`, { cause: parsed.error });
  return fromFile(parsed.data);
}
