import type { FastifyReply } from 'fastify';
import { withoutAccents } from '../../shared/text.js';
import type { FileOut } from '../documents/file.js';

/** Sends a document as an attachment; the name is reduced to safe characters (it comes from stored values too). */
export function sendFile(reply: FastifyReply, f: FileOut) {
  const ascii =
    withoutAccents(f.filename)
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .slice(0, 120) || 'document';
  return reply
    .header('content-type', f.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
    )
    .send(typeof f.body === 'string' ? Buffer.from(f.body, 'utf8') : f.body);
}
