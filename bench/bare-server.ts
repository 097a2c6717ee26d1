/**
 * The baseline for bench/load.ts: a bare Fastify route that runs the same SQL as Gardien's list endpoints, on the same
 * database file, with no authentication, no permission check, no audit entry and no validation.
 */
import Fastify from 'fastify';
import { openDatabase } from '../src/server/platform/db/database.js';
import { findMembers } from '../src/server/modules/team/team.repository.js';
import { findEntries } from '../src/server/modules/audit-trail/audit-trail.repository.js';
import { findNotifications, listBreaches } from '../src/server/modules/breaches/breaches.repository.js';
import { searchPatients } from '../src/server/modules/patients/patients.repository.js';
import { listRequests } from '../src/server/modules/rights-requests/rights-requests.repository.js';
import { latestFiles, listProcessors } from '../src/server/modules/processors/processors.repository.js';
import { arg } from './common.js';

const { db } = await openDatabase({ kind: 'sqlite', file: `${arg('data-dir')}/gardien.db` });
const app = Fastify();
app.get<{ Params: { id: string } }>('/bare/members/:id', async (req) => ({
  items: await findMembers(db, req.params.id),
}));
app.get<{ Params: { id: string } }>('/bare/audit/:id', async (req) => ({
  items: await findEntries(db, req.params.id, { limit: 50 }),
}));
app.get<{ Params: { id: string }; Querystring: { key: string } }>('/bare/patients/:id', async (req) =>
  searchPatients(db, req.params.id, { key: req.query.key, externalId: req.query.key, limit: 20, offset: 0 }),
);
app.get<{ Params: { id: string } }>('/bare/requests/:id', async (req) =>
  listRequests(db, req.params.id, { openOnly: true, limit: 50, offset: 0 }),
);
// The page's breaches and their notifications (for the date each was notified): Gardien's breach list runs both.
app.get<{ Params: { id: string } }>('/bare/breaches/:id', async (req) => {
  const page = await listBreaches(db, req.params.id, { limit: 50, offset: 0 });
  return {
    ...page,
    notifications: await findNotifications(
      db,
      req.params.id,
      page.rows.map((r) => r.id),
    ),
  };
});
// The processors and their latest signed contract: the two queries of Gardien's processor list.
app.get<{ Params: { id: string } }>('/bare/processors/:id', async (req) => ({
  items: await listProcessors(db, req.params.id),
  files: [...(await latestFiles(db, req.params.id)).values()],
}));
app.get('/health', async () => ({ ok: true }));
await app.listen({ port: Number(arg('port')), host: '127.0.0.1' });
