import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import fc from 'fast-check';
import type { z } from 'zod';
import { createPractice, createTestApp, login, type Client, type TestApp } from './support/app.js';
import { describeEachDialect } from './support/dialects.js';
import { VALID_BODIES } from './support/sample-bodies.js';

/**
 * Bad input (security goals G3–G5): for every route, generated invalid requests (fixed seed, printed so a failure
 * replays) must get a 4xx in the error format, never a 5xx, never a stack trace or SQL, and change nothing in the
 * database. GARDIEN_FUZZ_RUNS raises the count (default 1,000 per route), GARDIEN_FUZZ_SEED replays a run.
 */
const RUNS = Number(process.env.GARDIEN_FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.GARDIEN_FUZZ_SEED ?? 20261128);

const NASTY = [
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  '" UNION SELECT password_hash FROM users --',
  "%' OR 1=1 --",
  "admin'--",
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/dev/null',
  'CON',
  'file.txt\u0000.png',
  '{{7*7}}',
  '${7*7}',
  '<%= 7*7 %>',
  '=HYPERLINK("http://x")',
  '+33 6 12 34 56 78',
  '-2+3',
  '@SUM(A1)',
  '\u0000',
  '\u202eevil',
  '\u200b\u200c\u200d',
  'e\u0301',
  '\ud800',
  '\udfff',
  '𝕳𝖊𝖑𝖑𝖔',
  '😀👩‍⚕️🦷',
  'ﷺ',
  'Le Goff-Ménard',
  "D'Arc",
  '\r\nSet-Cookie: a=b',
  '\u001b[31mred',
  'NaN',
  'Infinity',
  '-0',
  '9007199254740993',
  '1e309',
  '2026-02-30',
  '0000-01-01',
  '2026-03-29T02:30:00+01:00',
  '__proto__',
  'constructor',
  'prototype',
];

const deep = (depth: number): unknown => (depth === 0 ? 1 : { a: deep(depth - 1) });

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, [], {}, '', ' '),
  fc.constantFrom(...NASTY),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
  fc.integer({ min: 50, max: 400 }).map(deep),
);

const keyName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'role', 'practiceId', 'id', 'password_hash', ''),
  fc.string({ maxLength: 40 }),
);

type Mutation =
  | { kind: 'replace'; key: string; value: unknown }
  | { kind: 'drop'; key: string }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'whole'; value: unknown };

function mutationFor(base: Record<string, unknown>): fc.Arbitrary<Mutation> {
  const keys = Object.keys(base);
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({ kind: fc.constant('extra' as const), key: keyName, value: wrongValue }),
    fc.record({ kind: fc.constant('whole' as const), value: wrongValue }),
  ];
  if (keys.length) {
    options.push(
      fc.record({ kind: fc.constant('replace' as const), key: fc.constantFrom(...keys), value: wrongValue }),
    );
    options.push(fc.record({ kind: fc.constant('drop' as const), key: fc.constantFrom(...keys) }));
  }
  return fc.oneof(...options);
}

function apply(base: Record<string, unknown>, m: Mutation): unknown {
  if (m.kind === 'whole') return m.value;
  // Built with defineProperty so that "__proto__" becomes a real own key, as it would arrive in JSON.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base))
    if (!(m.kind === 'drop' && k === m.key))
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (m.kind === 'replace' || m.kind === 'extra')
    Object.defineProperty(out, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Percent-encodes; a lone surrogate (no valid UTF-8) is sent as the invalid bytes a hostile client would send. */
function encodeLoosely(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%BF%BF' + encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ''));
  }
}

const roundTrip = (v: unknown): unknown => {
  const text = JSON.stringify(v);
  return text === undefined ? undefined : JSON.parse(text);
};

const ERROR_KEYS = new Set(['code', 'message', 'issues', 'requestId']);
const LEAK = /(\bat\s+\S+\.(ts|js):\d+)|SQLITE_|syntax error at or near|\bselect\b.+\bfrom\b|node_modules|Kysely/i;

describeEachDialect('bad input', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let practiceId: string;
  let memberId: string;
  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t);
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
    memberId = (
      await t.services.team.addMember({ kind: 'admin', adminId: 'cli:test', requestId: null, ip: null }, practiceId, {
        email: 'membre@example.fr',
        name: 'Membre',
        role: 'assistant',
        initialPassword: 'Sel-de-Guérande-42-Brioche!',
      })
    ).userId;
    process.stdout.write(`# bad-input seed ${SEED}, ${RUNS} runs per route (GARDIEN_FUZZ_SEED / GARDIEN_FUZZ_RUNS)\n`);
  });
  after(async () => t.close());

  /** Everything a refused request must leave as it was. */
  async function fingerprint(): Promise<string> {
    const db = t.services.db;
    const counts = await Promise.all(
      (
        [
          'practices',
          'users',
          'memberships',
          'invitations',
          'recovery_codes',
          'sessions',
          'api_tokens',
          'patients',
          'rights_requests',
          'rights_request_events',
        ] as const
      ).map(async (table) => {
        const r = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return `${table}:${Number(r.n)}`;
      }),
    );
    // The trail gains the refusals (request.refused, written once a minute per person, route and reason) and nothing else.
    const kept = await db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '!=', 'request.refused')
      .executeTakeFirstOrThrow();
    counts.push(`audit_entries other than refusals:${Number(kept.n)}`);
    const practices = await db.selectFrom('practices').selectAll().orderBy('id').execute();
    const users = await db
      .selectFrom('users')
      .select([
        'id',
        'email',
        'name',
        'password_hash',
        'updated_at',
        'failed_logins',
        'is_disabled',
        'must_change_password',
        'totp_secret',
        'totp_pending_secret',
        'language',
        'preferred_practice_id',
      ])
      .orderBy('id')
      .execute();
    const members = await db.selectFrom('memberships').selectAll().orderBy('user_id').execute();
    return JSON.stringify([counts, practices, users, members]);
  }

  function fillParams(url: string, overrides: Record<string, string> = {}): string {
    const values: Record<string, string> = {
      practiceId,
      userId: memberId,
      patientId: 'pat_AAAAAAAAAAAAAAAAAAAAAA',
      requestId: 'req_AAAAAAAAAAAAAAAAAAAAAA',
      breachId: 'brc_AAAAAAAAAAAAAAAAAAAAAA',
      letterId: 'rql_AAAAAAAAAAAAAAAAAAAAAA',
      fileId: 'rqf_AAAAAAAAAAAAAAAAAAAAAA',
      activityId: 'act_AAAAAAAAAAAAAAAAAAAAAA',
      processorActivityId: 'pra_AAAAAAAAAAAAAAAAAAAAAA',
      kind: 'patient',
      actionId: 'bra_AAAAAAAAAAAAAAAAAAAAAA',
      invitationId: 'inv_AAAAAAAAAAAAAAAAAAAAAA',
      tokenId: 'tok_AAAAAAAAAAAAAAAAAAAAAA',
      sessionId: 'ses_AAAAAAAAAAAAAAAAAAAAAA',
      processorId: 'prc_AAAAAAAAAAAAAAAAAAAAAA',
      ...overrides,
    };
    return url.replace(/:(\w+)/g, (_, k: string) => encodeLoosely(values[k] ?? 'x'));
  }

  function assertRefused(status: number, body: string, where: string): void {
    assert.ok(status >= 400 && status < 500, `${where}: expected 4xx, got ${status} ${body.slice(0, 300)}`);
    const json = JSON.parse(body) as Record<string, unknown>;
    for (const k of Object.keys(json)) assert.ok(ERROR_KEYS.has(k), `${where}: unexpected key ${k}`);
    assert.equal(typeof json.code, 'string');
    assert.equal(typeof json.message, 'string');
    assert.ok(!LEAK.test(body), `${where}: internals leaked: ${body.slice(0, 300)}`);
  }

  let ip = 0;
  const nextIp = () => `172.16.${(++ip >> 8) & 255}.${ip & 255}`;

  it('refuses every generated invalid body, query and path on every route with a 4xx, and changes nothing', async () => {
    const snapshot = await fingerprint();
    let sent = 0;
    for (const route of t.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      const bodySchema = route.schema.body as z.ZodType | undefined;
      const querySchema = route.schema.querystring as z.ZodType | undefined;
      const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const generators: fc.Arbitrary<{
        body?: unknown;
        query?: Record<string, unknown>;
        params?: Record<string, string>;
      }>[] = [];
      if (bodySchema) {
        const base = VALID_BODIES[key];
        assert.ok(base, `test/support/sample-bodies.ts needs a valid body for ${key}`);
        // Judged as the server will see it: after the JSON round trip (NaN becomes null, undefined disappears).
        generators.push(
          mutationFor(base)
            .map((m) => ({ body: roundTrip(apply(base, m)) }))
            .filter((x) => x.body !== undefined && !bodySchema.safeParse(x.body).success),
        );
      }
      if (querySchema) {
        generators.push(
          fc
            .dictionary(
              fc.oneof(
                fc.constantFrom(
                  'limit',
                  'beforeSeq',
                  'action',
                  'actorId',
                  'from',
                  'to',
                  'scope',
                  'targetType',
                  'targetId',
                  'q',
                  'offset',
                  'status',
                  'kind',
                  'dueBefore',
                  'open',
                  'format',
                  'name',
                  'type',
                  'language',
                ),
                keyName,
              ),
              fc.oneof(
                fc.constantFrom(...NASTY),
                fc.string({ maxLength: 50 }),
                fc.constant('-1'),
                fc.constant('100000'),
              ),
              { minKeys: 1, maxKeys: 4 },
            )
            .filter((q) => !querySchema.safeParse(q).success)
            .map((query) => ({ query })),
        );
      }
      if (paramNames.length) {
        generators.push(
          fc
            .record({
              name: fc.constantFrom(...paramNames),
              value: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 })),
            })
            .filter((p) => !/^[a-z]{1,8}_[A-Za-z0-9_-]{10,64}$/.test(p.value))
            .map((p) => ({ params: { [p.name]: p.value } })),
        );
      }
      if (!generators.length) continue; // no input besides headers: covered by the authentication and contract tests
      await fc.assert(
        fc.asyncProperty(fc.oneof(...generators), async (input) => {
          const qs = input.query
            ? '?' +
              new URLSearchParams(
                Object.entries(input.query).map(([k, v]): [string, string] => [
                  k,
                  typeof v === 'string' ? v : JSON.stringify(v),
                ]),
              ).toString()
            : '';
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: fillParams(route.url, input.params) + qs,
            headers: {
              cookie: `__Host-gardien_session=${owner.cookie}`,
              'x-csrf-token': owner.csrf,
              'content-type': 'application/json',
            },
            ...(input.body !== undefined || bodySchema ? { payload: JSON.stringify(input.body ?? {}) } : {}),
            remoteAddress: nextIp(),
          });
          sent++;
          assertRefused(res.statusCode, res.body, `${key} ${JSON.stringify(input).slice(0, 200)}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
    assert.equal(await fingerprint(), snapshot, 'a refused request changed the database');
    const refusals = await t.services.db
      .selectFrom('audit_entries')
      .select(['outcome', 'actor_id'])
      .where('action', '=', 'request.refused')
      .execute();
    assert.ok(
      refusals.length > 0 && refusals.length <= t.app.routeTable.length * 3,
      `${refusals.length} refusals written for ${sent} requests: aggregated per person, route and reason`,
    );
    assert.ok(refusals.every((r) => r.outcome === 'denied' && r.actor_id === owner.userId));
    assert.ok(sent >= RUNS * 10, `${sent} requests sent`);
    process.stdout.write(`# bad-input: ${sent} invalid requests, all refused with 4xx\n`);
  });
});
