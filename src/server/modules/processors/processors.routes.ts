import { MAX_CONTRACT_FILE_BYTES } from '../../../contracts/processors.js';
import { processorRoutes as r } from '../../../contracts/processors.routes.js';
import { actorOf } from '../../platform/http/route-config.js';
import { routesOf } from '../../platform/http/route-table.js';
import type { HttpServer } from '../../platform/http/server.js';
import { sendFile } from '../../platform/http/send-file.js';
import type { ProcessorDocumentsService } from './processor-documents.service.js';
import type { ProcessorsService } from './processors.service.js';

export function registerProcessorRoutes(
  app: HttpServer,
  processors: ProcessorsService,
  documents: ProcessorDocumentsService,
): void {
  const serve = routesOf(app, ['processors']);
  serve(
    r.templates,
    'The kinds of processors with what each usually does, receives and hosts (to add one in two minutes)',
    async (req) => processors.templates(actorOf(req), req.params.practiceId),
  );
  serve(
    r.list,
    'The processors and partners, by name, each with its HDS status, missing clauses and issues',
    async (req) => processors.list(actorOf(req), req.params.practiceId),
  );
  serve(
    r.create,
    'Add a processor (Art. 28): kind, role, contract and clauses, HDS certificate, storage',
    async (req) => processors.create(actorOf(req), req.params.practiceId, req.body),
  );
  serve(r.exportList, 'The list of processors as PDF, XLSX or CSV (formula-safe)', async (req, reply) =>
    sendFile(reply, await documents.exportList(actorOf(req), req.params.practiceId, req.query.format, req.query.lang)),
  );
  serve(r.get, 'One processor with its reviews', async (req) =>
    processors.get(actorOf(req), req.params.practiceId, req.params.processorId),
  );
  serve(
    r.update,
    'Change a processor: the fields named change, the others (and each clause not named) keep their value',
    async (req) => processors.update(actorOf(req), req.params.practiceId, req.params.processorId, req.body),
  );
  serve(
    r.review,
    'Record the yearly review: what was checked, by whom, today; the next falls due a year later',
    async (req) => processors.review(actorOf(req), req.params.practiceId, req.params.processorId, req.body),
  );
  serve(
    r.uploadContract,
    {
      summary:
        'Store the signed contract (body: the bytes, application/octet-stream; 20 MiB at most), encrypted at rest',
      bodyLimit: MAX_CONTRACT_FILE_BYTES + 1024,
    },
    async (req) =>
      processors.uploadContract(actorOf(req), req.params.practiceId, req.params.processorId, req.query, req.body),
  );
  serve(r.contractFile, 'Download the signed contract', async (req, reply) =>
    sendFile(reply, await processors.contractFile(actorOf(req), req.params.practiceId, req.params.processorId)),
  );
  serve(
    r.clauses,
    'The data-processing clauses (Art. 28(3)) filled in, ready to sign, as DOCX or PDF',
    async (req, reply) =>
      sendFile(
        reply,
        await documents.clauses(
          actorOf(req),
          req.params.practiceId,
          req.params.processorId,
          req.query.format,
          req.query.lang,
        ),
      ),
  );
  serve(r.questionnaire, 'The questionnaire to send the processor, as DOCX or PDF', async (req, reply) =>
    sendFile(
      reply,
      await documents.questionnaire(
        actorOf(req),
        req.params.practiceId,
        req.params.processorId,
        req.query.format,
        req.query.lang,
      ),
    ),
  );
}
