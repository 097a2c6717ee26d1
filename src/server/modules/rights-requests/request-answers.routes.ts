import { requestAnswerRoutes as r } from '../../../contracts/request-answers.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import { MAX_ANSWER_FILE_BYTES } from '../../../contracts/request-answers.js';
import { pickLang } from '../../platform/http/messages.js';
import { actorOf } from '../../platform/http/route-config.js';
import { sendFile } from '../../platform/http/send-file.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { RequestAnswersService } from './request-answers.service.js';
import type { RequestFilesService } from './request-files.service.js';

export function registerRequestAnswerRoutes(
  app: HttpServer,
  answers: RequestAnswersService,
  files: RequestFilesService,
): void {
  const serve = routesOf(app, ['rights-requests']);
  serve(r.exportRegister, 'The register of rights requests as PDF, CSV or XLSX', async (req, reply) =>
    sendFile(
      reply,
      await answers.exportRegister(
        actorOf(req),
        req.params.practiceId,
        req.query.format,
        pickLang(req.headers['accept-language']),
      ),
    ),
  );

  serve(
    r.decide,
    'Confirm the answer item by item with its legal ground (Art. 12); sets the patient flags it implies and writes the answer letter into the log',
    async (req) => answers.decide(actorOf(req), req.params.practiceId, req.params.requestId, req.body),
  );

  serve(
    r.liftRestriction,
    'Lift a restriction granted by this request, once the patient has been told (Art. 18(3))',
    async (req) =>
      answers.liftRestriction(actorOf(req), req.params.practiceId, req.params.requestId, req.body.liftedOn),
  );

  serve(
    r.createLetter,
    'Generate a letter (acknowledgement, identity request, extension, answer, refusal, restriction lifted) into the letter log',
    async (req) => answers.createLetter(actorOf(req), req.params.practiceId, req.params.requestId, req.body),
  );

  serve(r.letterFile, 'A letter as generated, as PDF or text', async (req, reply) =>
    sendFile(
      reply,
      await answers.letterFile(
        actorOf(req),
        req.params.practiceId,
        req.params.requestId,
        req.params.letterId,
        req.query.format,
      ),
    ),
  );

  serve(r.letterSent, 'Record when and how a letter was sent', async (req) =>
    answers.letterSent(actorOf(req), req.params.practiceId, req.params.requestId, req.params.letterId, req.body),
  );

  serve(
    r.uploadFile,
    {
      summary:
        'Store a file of the answer (body: the bytes, application/octet-stream; 20 MiB at most), encrypted at rest',
      bodyLimit: MAX_ANSWER_FILE_BYTES + 1024,
    },
    async (req) => files.uploadFile(actorOf(req), req.params.practiceId, req.params.requestId, req.query, req.body),
  );

  serve(r.fileContent, 'Download a file of the answer', async (req, reply) =>
    sendFile(
      reply,
      await files.fileContent(actorOf(req), req.params.practiceId, req.params.requestId, req.params.fileId),
    ),
  );

  serve(r.deleteFile, 'Remove a file put there by mistake (while the request is open)', async (req) =>
    files.deleteFile(actorOf(req), req.params.practiceId, req.params.requestId, req.params.fileId),
  );

  serve(
    r.answerZip,
    'The answer in one ZIP: the files, the letters as PDF, an index with sizes and SHA-256',
    async (req, reply) =>
      sendFile(
        reply,
        await files.answerZip(
          actorOf(req),
          req.params.practiceId,
          req.params.requestId,
          pickLang(req.headers['accept-language']),
        ),
      ),
  );
}
