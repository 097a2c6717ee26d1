import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

/**
 * An encrypted file made of AES-256-GCM frames (the STREAM construction): every frame is authenticated with its index
 * and whether it is the last, so a flipped bit, a reordered frame or a truncated file is refused, and a large file is
 * encrypted and checked in 64 KiB pieces without holding it in memory.
 *
 *   "GARDIEN-SEALED 1\n" <header JSON>\n  then frames: [1 byte final][4 bytes length][12 bytes nonce][ciphertext][16 bytes tag]
 */
const MAGIC = 'GARDIEN-SEALED 1\n';
const FRAME_SIZE = 64 * 1024;

/** The first line of a sealed file, read before anything is decrypted; other fields are kept as they are. */
const SealedHeaderSchema = z.looseObject({
  kind: z.string(),
  createdAt: z.string(),
  keySource: z.enum(['keyfile', 'passphrase']),
  /** HMAC of a constant under the key: tells a wrong key or a foreign file before anything is decrypted. */
  keyCheck: z.string(),
  salt: z.string().optional(),
  scrypt: z.object({ N: z.number().int(), r: z.number().int(), p: z.number().int() }).optional(),
});
export type SealedHeader = z.infer<typeof SealedHeaderSchema>;

export class SealedFileError extends Error {
  override name = 'SealedFileError';
}

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

export function keyFromKeyFile(dataKey: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `gardien-${purpose}-v1`, 32));
}

export function keyFromPassphrase(
  passphrase: string,
  salt: Buffer,
  params: { N: number; r: number; p: number } = SCRYPT_PARAMS,
): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * 1024 * 1024 });
}

export const keyCheckOf = (key: Buffer): string =>
  createHmac('sha256', key).update('gardien-key-check').digest('base64').slice(0, 22);

function aad(headerHash: Buffer, index: number, isFinal: boolean): Buffer {
  const b = Buffer.alloc(headerHash.length + 5);
  headerHash.copy(b);
  b.writeUInt32BE(index, headerHash.length);
  b[headerHash.length + 4] = isFinal ? 1 : 0;
  return b;
}

/** Writes `source` sealed under `key` to `file` (through a temporary file and a rename: never a half-written file). */
export async function writeSealedFile(
  file: string,
  header: SealedHeader,
  source: AsyncIterable<Buffer>,
  key: Buffer,
): Promise<number> {
  const headerLine = JSON.stringify(header) + '\n';
  const headerHash = createHash('sha256')
    .update(MAGIC + headerLine)
    .digest();
  const tmp = `${file}.${process.pid}.partial`;
  const fh = await fs.promises.open(tmp, 'wx', 0o600);
  let bytes = 0;
  try {
    const write = async (b: Buffer) => {
      await fh.write(b);
      bytes += b.length;
    };
    await write(Buffer.from(MAGIC + headerLine, 'utf8'));
    let index = 0;
    let pending: Buffer = Buffer.alloc(0);
    const emit = async (plain: Buffer, isFinal: boolean) => {
      const nonce = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, nonce);
      c.setAAD(aad(headerHash, index++, isFinal));
      const ct = Buffer.concat([c.update(plain), c.final()]);
      const head = Buffer.alloc(5);
      head[0] = isFinal ? 1 : 0;
      head.writeUInt32BE(ct.length, 1);
      await write(Buffer.concat([head, nonce, ct, c.getAuthTag()]));
    };
    for await (const chunk of source) {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length > FRAME_SIZE) {
        await emit(pending.subarray(0, FRAME_SIZE), false);
        pending = pending.subarray(FRAME_SIZE);
      }
    }
    await emit(pending, true);
    await fh.sync();
  } catch (e) {
    await fh.close();
    await fs.promises.rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  await fs.promises.rename(tmp, file);
  return bytes;
}

export async function readSealedHeader(
  file: string,
): Promise<{ header: SealedHeader; offset: number; headerHash: Buffer }> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('latin1');
    if (!text.startsWith(MAGIC)) throw new SealedFileError('not a Gardien sealed file');
    const end = text.indexOf('\n', MAGIC.length);
    if (end < 0) throw new SealedFileError('sealed file header is truncated');
    const headerBytes = buf.subarray(0, end + 1);
    let header: SealedHeader;
    try {
      header = SealedHeaderSchema.parse(JSON.parse(headerBytes.subarray(MAGIC.length).toString('utf8')));
    } catch {
      throw new SealedFileError('sealed file header is damaged');
    }
    return { header, offset: end + 1, headerHash: createHash('sha256').update(headerBytes).digest() };
  } finally {
    await fh.close();
  }
}

/** Yields the decrypted content frame by frame; throws on a wrong key, any altered byte, or a missing end. */
export async function* readSealedFile(file: string, keyFor: (header: SealedHeader) => Buffer): AsyncGenerator<Buffer> {
  const { header, offset, headerHash } = await readSealedHeader(file);
  const key = keyFor(header);
  if (keyCheckOf(key) !== header.keyCheck)
    throw new SealedFileError('this file was sealed with another key (or another passphrase)');
  const fh = await fs.promises.open(file, 'r');
  try {
    let pos = offset;
    let index = 0;
    const head = Buffer.alloc(17);
    for (;;) {
      const { bytesRead } = await fh.read(head, 0, 17, pos);
      if (bytesRead === 0) throw new SealedFileError('sealed file is truncated (no final frame)');
      if (bytesRead < 17) throw new SealedFileError('sealed file is truncated');
      const isFinal = head[0] === 1;
      const length = head.readUInt32BE(1);
      if (length > FRAME_SIZE + 1024) throw new SealedFileError('sealed file is damaged (frame too large)');
      const body = Buffer.alloc(length + 16);
      const r = await fh.read(body, 0, body.length, pos + 17);
      if (r.bytesRead < body.length) throw new SealedFileError('sealed file is truncated');
      const d = createDecipheriv('aes-256-gcm', key, head.subarray(5, 17));
      d.setAAD(aad(headerHash, index++, isFinal));
      d.setAuthTag(body.subarray(length));
      let plain: Buffer;
      try {
        plain = Buffer.concat([d.update(body.subarray(0, length)), d.final()]);
      } catch {
        throw new SealedFileError(`sealed file is damaged or altered (frame ${index - 1})`);
      }
      yield plain;
      pos += 17 + body.length;
      if (isFinal) {
        const extra = await fh.read(Buffer.alloc(1), 0, 1, pos);
        if (extra.bytesRead > 0) throw new SealedFileError('sealed file has data after its final frame');
        return;
      }
    }
  } finally {
    await fh.close();
  }
}
