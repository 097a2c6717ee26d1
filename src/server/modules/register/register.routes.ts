import { registerRoutes as r } from '../../../contracts/register.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import { pickLang } from '../../platform/http/messages.js';
import { actorOf } from '../../platform/http/route-config.js';
import { sendFile } from '../../platform/http/send-file.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { NoticesService } from './notices.service.js';
import type { RegisterService } from './register.service.js';

export function registerRegisterRoutes(app: HttpServer, register: RegisterService, notices: NoticesService): void {
  const serve = routesOf(app, ['register']);
  serve(
    r.templates,
    'The dental templates: the typical activities of a practice, pre-filled from the CNIL référentiel',
    async (req) => register.templates(actorOf(req), req.params.practiceId),
  );

  serve(r.list, 'The activities of the register, each with what is missing and its DPIA screening', async (req) =>
    register.list(actorOf(req), req.params.practiceId),
  );

  serve(
    r.create,
    'Add an activity from a template ({ templateKey }) or with its full fields; it starts as a draft',
    async (req) => register.create(actorOf(req), req.params.practiceId, req.body),
  );

  serve(r.get, 'One activity with its validated versions', async (req) =>
    register.get(actorOf(req), req.params.practiceId, req.params.activityId),
  );

  serve(r.update, 'Replace the fields of an activity (a draft again until validated)', async (req) =>
    register.update(actorOf(req), req.params.practiceId, req.params.activityId, req.body),
  );

  serve(r.remove, 'Remove an activity never validated', async (req) =>
    register.remove(actorOf(req), req.params.practiceId, req.params.activityId),
  );

  serve(
    r.validate,
    'Validate an activity (owner): a dated, immutable version; the review falls due twelve months later',
    async (req) => register.validate(actorOf(req), req.params.practiceId, req.params.activityId),
  );

  serve(r.export, 'The register as PDF, DOCX, XLSX (CNIL layout), CSV or JSON, from live data', async (req, reply) =>
    sendFile(
      reply,
      await register.export(
        actorOf(req),
        req.params.practiceId,
        req.query.format,
        pickLang(req.headers['accept-language']),
      ),
    ),
  );

  serve(r.listProcessors, 'The processor register (Art. 30(2))', async (req) =>
    register.listProcessors(actorOf(req), req.params.practiceId),
  );

  serve(r.createProcessor, 'Add an entry to the processor register', async (req) =>
    register.createProcessor(actorOf(req), req.params.practiceId, req.body),
  );

  serve(r.updateProcessor, 'Change an entry of the processor register', async (req) =>
    register.updateProcessor(actorOf(req), req.params.practiceId, req.params.processorActivityId, req.body),
  );

  serve(r.removeProcessor, 'Remove an entry of the processor register', async (req) =>
    register.removeProcessor(actorOf(req), req.params.practiceId, req.params.processorActivityId),
  );

  serve(r.notices, 'The versions of the patient information and the record of their distribution', async (req) =>
    notices.notices(actorOf(req), req.params.practiceId),
  );

  serve(
    r.recordDistribution,
    'Record that a version of the patient information was given, posted or published',
    async (req) => notices.recordDistribution(actorOf(req), req.params.practiceId, req.body),
  );

  serve(
    r.notice,
    'Patient information generated from the register: patient notice, waiting-room poster, website text, online booking mention (PDF, DOCX, HTML, text)',
    async (req, reply) => {
      const f = await notices.notice(
        actorOf(req),
        req.params.practiceId,
        req.params.kind,
        req.query.format,
        req.query.language,
      );
      return sendFile(reply.header('x-gardien-notice-version', String(f.version)), f);
    },
  );
}
