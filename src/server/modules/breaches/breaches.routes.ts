import { breachRoutes as r } from '../../../contracts/breaches.routes.js';
import { pickLang } from '../../platform/http/messages.js';
import { actorOf } from '../../platform/http/route-config.js';
import { routesOf } from '../../platform/http/route-table.js';
import type { HttpServer } from '../../platform/http/server.js';
import { sendFile } from '../../platform/http/send-file.js';
import type { BreachDocumentsService } from './breach-documents.service.js';
import type { BreachesService } from './breaches.service.js';

export function registerBreachRoutes(
  app: HttpServer,
  breaches: BreachesService,
  documents: BreachDocumentsService,
): void {
  const serve = routesOf(app, ['breaches']);
  serve(
    r.report,
    'Report a breach: the 72-hour clock starts at awareAt (Art. 33(1)); a guided start adds its first steps as actions',
    async (req) =>
      breaches.report(actorOf(req), req.params.practiceId, req.body, pickLang(req.headers['accept-language'])),
  );
  serve(r.list, 'The breaches, most recent awareness first', async (req) =>
    breaches.list(actorOf(req), req.params.practiceId, req.query),
  );
  serve(
    r.exportRegister,
    'The breach register (Art. 33(5)) as PDF, CSV or XLSX; with no breach, it says so as of today',
    async (req, reply) =>
      sendFile(
        reply,
        await documents.exportRegister(
          actorOf(req),
          req.params.practiceId,
          req.query.format,
          pickLang(req.headers['accept-language']),
        ),
      ),
  );
  serve(
    r.get,
    'One breach with its deadline, severity, decision, notifications, people informed and actions',
    async (req) => breaches.get(actorOf(req), req.params.practiceId, req.params.breachId),
  );
  serve(
    r.update,
    'Complete or correct the facts as they become known (consequences, measures, numbers…)',
    async (req) => breaches.update(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );
  serve(
    r.assess,
    'Assess the severity (ENISA: SE = DPC × EI + CB); answers the score, the band and the proposed decision',
    async (req) => breaches.assess(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );
  serve(
    r.decide,
    'Confirm the decision (record only / notify the CNIL / also inform the people) with its reasons',
    async (req) => breaches.decide(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );
  serve(
    r.notify,
    'Record a notification to the CNIL (initial, complementary or complete); after 72 hours the reasons for the delay are required',
    async (req) => breaches.notify(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );
  serve(r.recordPeopleInformed, 'Record who was informed, when and how (Art. 34)', async (req) =>
    breaches.recordPeopleInformed(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );
  serve(
    r.addAction,
    'Add a corrective action with its owner and due date (in the to-do list until done)',
    async (req) => breaches.addAction(actorOf(req), req.params.practiceId, req.params.breachId, req.body),
  );
  serve(r.completeAction, 'Mark a corrective action as done', async (req) =>
    breaches.completeAction(
      actorOf(req),
      req.params.practiceId,
      req.params.breachId,
      req.params.actionId,
      req.body.doneOn,
    ),
  );
  serve(r.close, 'Close the breach once decided and every action is done (it stays in the register)', async (req) =>
    breaches.close(actorOf(req), req.params.practiceId, req.params.breachId, req.body.closedOn),
  );
  serve(
    r.cnilDraft,
    'The draft of the CNIL online notification, block by block, with what is still missing',
    async (req) => documents.cnilDraft(actorOf(req), req.params.practiceId, req.params.breachId),
  );
  serve(r.cnilDraftFile, 'The CNIL notification draft as text to copy block by block, or as PDF', async (req, reply) =>
    sendFile(
      reply,
      await documents.cnilDraftFile(actorOf(req), req.params.practiceId, req.params.breachId, req.query.format),
    ),
  );
  serve(
    r.patientLetter,
    'The letter to the people affected, in plain words (text for an e-mail, PDF to print)',
    async (req, reply) =>
      sendFile(
        reply,
        await documents.patientLetter(
          actorOf(req),
          req.params.practiceId,
          req.params.breachId,
          req.query.format,
          pickLang(req.headers['accept-language']),
        ),
      ),
  );
}
