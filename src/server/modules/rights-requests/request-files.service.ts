import { createHash } from 'node:crypto';
import { MAX_ANSWER_FILE_BYTES } from '../../../contracts/request-answers.js';
import type { Clock } from '../../platform/clock.js';
import { openBytes, sealBytes } from '../../platform/crypto/secret-box.js';
import { mediaTypeOf, type FileOut } from '../../platform/documents/file.js';
import type { Lang } from '../../platform/http/messages.js';
import { actorId, type Actor } from '../../shared/actor.js';
import { AppError, conflict, validationError } from '../../shared/app-error.js';
import { newId } from '../../shared/ids.js';
import type { Access } from '../access/index.js';
import type { PracticesService } from '../practices/index.js';
import { answerZipFile } from './request-answers.documents.js';
import { fileContext, runOnRequest } from './request-answers.scope.js';
import { presentFile } from './rights-requests.detail.js';
import * as repo from './rights-requests.repository.js';
import { isFinal } from './rights-requests.rules.js';

export interface RequestFilesDeps {
  access: Access;
  clock: Clock;
  practices: PracticesService;
  /** AES-256-GCM key of the installation: the answer files are sealed with it. */
  dataKey: Buffer;
}

/** The files of an answer (the copy of the record, an export): sealed at rest, downloaded one by one or as one ZIP. */
export class RequestFilesService {
  constructor(private readonly deps: RequestFilesDeps) {}

  /** A file of the answer (the copy, the export), sealed with AES-256-GCM bound to its id before it reaches the database. */
  uploadFile(
    actor: Actor,
    practiceId: string,
    requestId: string,
    meta: { name: string; type?: string | undefined },
    content: unknown,
  ) {
    return runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.manage',
      'request.file-uploaded',
      async (tx, r, audit) => {
        if (!Buffer.isBuffer(content) || content.length === 0) throw validationError('file', 'file_required');
        if (content.length > MAX_ANSWER_FILE_BYTES)
          throw validationError('file', 'file_too_large', { max: MAX_ANSWER_FILE_BYTES });
        if (r.status === 'withdrawn') throw conflict('status', 'request_closed');
        const id = newId('rqf');
        const row = {
          id,
          practice_id: practiceId,
          request_id: requestId,
          name: meta.name,
          media_type: mediaTypeOf(meta.name, meta.type),
          size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content: sealBytes(this.deps.dataKey, content, fileContext(id)),
          uploaded_at: this.deps.clock.now().toISOString(),
          uploaded_by: actorId(actor),
        };
        await repo.insertFile(tx, row);
        await repo.recordEvent(tx, this.deps.clock.now(), actor, r, 'file-uploaded', { fileId: id, size: row.size });
        audit.details = { fileId: id, size: row.size, mediaType: row.media_type };
        return presentFile(row);
      },
    );
  }

  async fileContent(actor: Actor, practiceId: string, requestId: string, fileId: string): Promise<FileOut> {
    return runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.manage',
      'request.file-downloaded',
      async (tx, _r, audit) => {
        const f = await repo.findFile(tx, practiceId, requestId, fileId);
        if (!f) throw new AppError('NOT_FOUND');
        audit.details = { fileId };
        return {
          filename: f.name,
          contentType: f.media_type,
          body: openBytes(this.deps.dataKey, f.content, fileContext(f.id)),
        };
      },
    );
  }

  /** A file put there by mistake can be removed while the request is open; the history keeps the trace. */
  deleteFile(actor: Actor, practiceId: string, requestId: string, fileId: string) {
    return runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.manage',
      'request.file-deleted',
      async (tx, r, audit) => {
        if (isFinal(r.status)) throw conflict('status', 'request_closed');
        const f = await repo.findFile(tx, practiceId, requestId, fileId);
        if (!f) throw new AppError('NOT_FOUND');
        await repo.deleteFile(tx, practiceId, fileId);
        await repo.recordEvent(tx, this.deps.clock.now(), actor, r, 'file-deleted', { fileId, sha256: f.sha256 });
        audit.details = { fileId, sha256: f.sha256 };
        return { ok: true as const };
      },
    );
  }

  /** The answer in one ZIP: the files, the letters as PDF, and an index with each file's size and SHA-256. */
  async answerZip(actor: Actor, practiceId: string, requestId: string, lang: Lang): Promise<FileOut> {
    const data = await runOnRequest(
      this.deps.access,
      actor,
      practiceId,
      requestId,
      'request.manage',
      'request.answer-bundled',
      async (tx, r, audit) => {
        const files = await repo.findFilesWithContent(tx, practiceId, requestId);
        const letters = await repo.findLetters(tx, practiceId, [requestId]);
        audit.details = { files: files.length, letters: letters.length };
        return {
          r,
          files: files.map((f) => ({ ...f, bytes: openBytes(this.deps.dataKey, f.content, fileContext(f.id)) })),
          letters,
          practice: await this.deps.practices.identity(tx, practiceId),
        };
      },
    );
    return answerZipFile(data, lang, this.deps.clock.now());
  }
}
