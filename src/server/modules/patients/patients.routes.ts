import { patientRoutes as r } from '../../../contracts/patients.routes.js';
import { routesOf } from '../../platform/http/route-table.js';
import { PassThrough } from 'node:stream';
import { toErrorBody } from '../../platform/http/errors.js';
import { issueMessage, pickLang } from '../../platform/http/messages.js';
import { actorOf } from '../../platform/http/route-config.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { ImportResult, PatientsService } from './patients.service.js';

export function registerPatientRoutes(app: HttpServer, patients: PatientsService): void {
  const serve = routesOf(app, ['patients']);
  serve(r.create, 'Add a patient to the index (identity and contact only, never clinical content)', async (req) =>
    patients.create(actorOf(req), req.params.practiceId, req.body),
  );

  serve(r.search, 'Search patients by name, external id or birth date (audited)', async (req) =>
    patients.search(actorOf(req), req.params.practiceId, req.query),
  );

  serve(
    r.importCsv,
    {
      summary:
        'Import patients from the practice software’s CSV export: a dry run reports every rejected line; the real run is all or nothing',
      bodyLimit: 40 * 1024 * 1024,
    },
    async (req, reply) => {
      const lang = pickLang(req.headers['accept-language']);
      const present = ({ rejected, ...rest }: ImportResult) => ({
        ...rest,
        rejectedCount: rejected.length,
        rejected: rejected.slice(0, 1000).map((x) => ({
          line: x.line,
          field: x.field,
          code: x.code,
          message: issueMessage(x.code, lang, x.params) ?? issueMessage('invalid_value', lang) ?? x.code,
        })),
      });
      if (!String(req.headers.accept ?? '').includes('application/x-ndjson'))
        return present(await patients.importCsv(actorOf(req), req.params.practiceId, req.body));
      // Progress asked for: once the writing starts, the answer becomes a stream of lines {progress}, then {report} or
      // {error}. Anything refused before (access, validation) is still an ordinary error answer.
      let out: PassThrough | null = null;
      const pending: string[] = [];
      let started = () => {};
      const firstProgress = new Promise<'progress'>((ok) => (started = () => ok('progress')));
      const job = patients.importCsv(actorOf(req), req.params.practiceId, req.body, (done, total, stage) => {
        const line = `${JSON.stringify({ progress: { done, total, stage } })}\n`;
        if (out) out.write(line);
        else {
          pending.push(line);
          started();
        }
      });
      if ((await Promise.race([job.then(() => 'done' as const), firstProgress])) === 'done') return present(await job);
      const stream = new PassThrough();
      out = stream;
      for (const line of pending) stream.write(line);
      job.then(
        (r) => stream.end(`${JSON.stringify({ report: present(r) })}\n`),
        (e: unknown) => {
          const { status, body } = toErrorBody(e, req);
          if (status >= 500) req.log.error({ err: e }, 'import failed while streaming its progress');
          stream.end(`${JSON.stringify({ error: { status, ...body } })}\n`);
        },
      );
      return reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(stream); // a stream is sent as is, not through the 200 schema
    },
  );

  serve(r.get, 'One patient (audited)', async (req) =>
    patients.get(actorOf(req), req.params.practiceId, req.params.patientId),
  );

  serve(r.update, 'Change a patient’s identity, contact or flags', async (req) =>
    patients.update(actorOf(req), req.params.practiceId, req.params.patientId, req.body),
  );
}
