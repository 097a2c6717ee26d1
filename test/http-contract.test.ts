import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { z } from 'zod';
import { EmailSchema } from '../src/contracts/common.js';
import {
  SchemaValidationError,
  zodSerializerCompiler,
  zodValidatorCompiler,
} from '../src/server/platform/http/validation.js';
import { call, createPractice, createTestApp, login, type Client, type TestApp } from './support/app.js';
import { describeEachDialect } from './support/dialects.js';

const REQUIRED_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'strict-transport-security',
];

// The schema compilers alone: no database, so once rather than per dialect.
describe('HTTP validation and response check', () => {
  it('sends only what the response schema names, and refuses to send what breaks it', () => {
    const serialize = zodSerializerCompiler({
      schema: z.object({ id: z.string(), at: z.iso.datetime().nullable() }),
      method: 'GET',
      url: '/x',
      httpStatus: '200',
    });
    assert.equal(serialize({ id: 'a', at: null, passwordHash: 'secret' }), '{"id":"a","at":null}');
    assert.throws(
      () => serialize({ id: 'a', at: 'yesterday' }),
      (e: { code?: string }) => e.code === 'FST_ERR_RESPONSE_SERIALIZATION',
    );
    assert.throws(
      () => serialize({ at: null }),
      (e: { code?: string }) => e.code === 'FST_ERR_RESPONSE_SERIALIZATION',
    );
  });

  it('passes valid input through and reports refused input with the value given, to phrase the message', () => {
    const validate = zodValidatorCompiler({
      schema: z.strictObject({ n: z.string().trim() }),
      httpPart: 'body',
      method: 'POST',
      url: '/x',
    });
    assert.deepEqual(validate({ n: ' a ' }), { value: { n: 'a' } });
    const refused = validate({ n: 5 }) as { error: SchemaValidationError };
    assert.ok(refused.error instanceof SchemaValidationError);
    assert.equal(refused.error.issues[0]?.input, 5);
  });
});

describeEachDialect('HTTP contract', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let practiceId: string;
  before(async () => {
    t = await createTestApp(dialect);
    const p = await createPractice(t);
    practiceId = p.practiceId;
    owner = await login(t, p.ownerEmail);
  });
  after(async () => t.close());

  const fill = (url: string) => url.replace(':practiceId', practiceId).replace(/:(\w+)/g, 'usr_AAAAAAAAAAAAAAAAAAAAAA');

  it('answers 401 without credentials on every route that is not public, in the one error format', async () => {
    const publicRoutes = t.app.routeTable.filter((r) => r.auth === 'none').map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(publicRoutes.sort(), [
      'GET /api/health',
      'GET /api/openapi.json',
      'GET /api/v1/setup',
      'POST /api/v1/auth/login',
      'POST /api/v1/setup',
    ]);
    for (const r of t.app.routeTable.filter((x) => x.auth !== 'none')) {
      const res = await call(t, r.method, fill(r.url), r.hasBody ? { body: {} } : {});
      assert.equal(res.statusCode, 401, `${r.method} ${r.url}`);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'requestId']);
      assert.equal(body.code, 'UNAUTHENTICATED');
      assert.equal(body.requestId, res.headers['x-request-id']);
    }
  });

  it('checks every response against a schema that holds no transform, so parse gives what encode would', () => {
    // The serializer parses (zod's compiled path) where encode would run a transform backwards or refuse it.
    const noTransform = (schema: unknown) =>
      z.toJSONSchema(schema as z.ZodType, { io: 'output', unrepresentable: 'throw' });
    assert.throws(() => noTransform(z.object({ email: EmailSchema })), /Transforms/);
    let schemas = 0;
    for (const r of t.app.routeTable) {
      for (const [status, schema] of Object.entries(r.schema.response ?? {})) {
        assert.doesNotThrow(() => noTransform(schema), `${r.method} ${r.url} ${status}`);
        schemas++;
      }
    }
    assert.ok(schemas > 50, `${schemas} response schemas`);
  });

  it('refuses a malformed or unknown bearer token', async () => {
    for (const authorization of ['Bearer', 'Basic abc', 'Bearer gardien_unknown', 'Bearer a b']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      assert.equal(res.statusCode, 401, authorization);
    }
  });

  it('sets the security headers and no-store on every response, errors and 404 included', async () => {
    const responses = [];
    // Every registered route, signed in and not, plus errors of each kind.
    for (const r of t.app.routeTable) {
      if (r.url.includes('logout')) continue; // would end the session used by the rest of this file
      responses.push(await call(t, r.method, fill(r.url), r.hasBody ? { body: {} } : {}));
      responses.push(await call(t, r.method, fill(r.url), { as: owner, ...(r.hasBody ? { body: {} } : {}) }));
    }
    responses.push(
      await call(t, 'GET', '/api/health'),
      await call(t, 'GET', '/api/v1/me', { as: owner }),
      await call(t, 'GET', '/api/v1/me'),
      await call(t, 'GET', '/api/nothing-here'),
      await call(t, 'PATCH', `/api/v1/practices/${practiceId}`, { as: owner, body: { siren: 'x' } }),
    );
    for (const res of responses) {
      for (const h of REQUIRED_HEADERS) assert.ok(res.headers[h], `${h} on ${res.statusCode}`);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.match(String(res.headers['content-security-policy']), /object-src 'none'/);
    }
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Strict with the __Host- prefix, never in a body', async () => {
    const { ownerEmail } = await createPractice(t);
    const res = await call(t, 'POST', '/api/v1/auth/login', {
      body: { email: ownerEmail, password: 'Sel-de-Guérande-42-Brioche!' },
    });
    const cookie = res.cookies[0]!;
    assert.equal(cookie.name, '__Host-gardien_session');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    assert.ok(!res.body.includes(cookie.value));
  });

  it('answers bad transport input with 4xx and the error format, never 5xx', async () => {
    const cases: { name: string; req: InjectOptions; status: number; code: string }[] = [
      {
        name: 'invalid JSON',
        req: {
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"email":',
        },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: '__proto__ key',
        req: {
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"__proto__":{"x":1},"email":"a@b.fr","password":"x"}',
        },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'constructor key',
        req: {
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{"constructor":{"prototype":{"x":1}},"email":"a@b.fr","password":"x"}',
        },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'wrong media type',
        req: { method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' },
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
      },
      {
        name: 'body over the limit',
        req: {
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(1024 * 1024 + 10) }),
        },
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      },
      {
        name: 'extra field',
        req: { method: 'POST', url: '/api/v1/auth/login', payload: { email: 'a@b.fr', password: 'x', isAdmin: true } },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'wrong types',
        req: { method: 'POST', url: '/api/v1/auth/login', payload: { email: 42, password: null } },
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      {
        name: 'unknown route',
        req: { method: 'GET', url: '/api/v1/../../etc/passwd' },
        status: 404,
        code: 'NOT_FOUND',
      },
    ];
    for (const c of cases) {
      const res = await t.app.inject({ ...c.req, remoteAddress: '10.20.0.1' });
      assert.equal(res.statusCode, c.status, `${c.name}: ${res.body.slice(0, 200)}`);
      const body = res.json();
      assert.equal(body.code, c.code, c.name);
      assert.ok(!/at .*\.ts:|SELECT|sqlite|postgres/i.test(res.body), `${c.name} leaks internals`);
    }
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.fr', password: 'x', isAdmin: true },
    });
    assert.deepEqual(
      extra.json().issues.map((i: { path: string }) => i.path),
      ['isAdmin'],
    );
  });

  it('describes every route in OpenAPI 3.1', async () => {
    const res = await call(t, 'GET', '/api/openapi.json');
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, '3.1.0');
    for (const r of t.app.routeTable.filter((x) => x.url !== '/api/openapi.json')) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path} missing from OpenAPI`);
    }
  });

  it('reports health with the dialect in use', async () => {
    const res = await call(t, 'GET', '/api/health');
    assert.deepEqual(res.json(), { status: 'ok', version: '0.1.0', database: dialect });
  });
});

describeEachDialect('HTTP contract without a public origin', (dialect) => {
  it('refuses a state-changing request whose Origin is not the host it was sent to (issue 18)', async () => {
    const t = await createTestApp(dialect);
    try {
      const p = await createPractice(t);
      const c = await login(t, p.ownerEmail);
      const evil = await call(t, 'PATCH', `/api/v1/practices/${p.practiceId}`, {
        as: c,
        body: { name: 'x' },
        headers: { origin: 'https://evil.example', host: 'gardien.cabinet.example' },
      });
      assert.deepEqual([evil.statusCode, evil.json().code], [403, 'CSRF_FAILED']);
      const sandboxed = await call(t, 'PATCH', `/api/v1/practices/${p.practiceId}`, {
        as: c,
        body: { name: 'x' },
        headers: { origin: 'null', host: 'gardien.cabinet.example' },
      });
      assert.equal(sandboxed.statusCode, 403);
      const same = await call(t, 'PATCH', `/api/v1/practices/${p.practiceId}`, {
        as: c,
        body: { name: 'Cabinet renommé' },
        headers: { origin: 'http://gardien.cabinet.example', host: 'gardien.cabinet.example' },
      });
      assert.equal(same.statusCode, 200);
      const noOrigin = await call(t, 'PATCH', `/api/v1/practices/${p.practiceId}`, {
        as: c,
        body: { name: 'Cabinet renommé encore' },
      });
      assert.equal(
        noOrigin.statusCode,
        200,
        'a client without Origin (a script) still has its CSRF token and session to show',
      );
    } finally {
      await t.close();
    }
  });
});

describeEachDialect('HTTP contract with a public origin', (dialect) => {
  it('refuses a state-changing request coming from another site', async () => {
    const t = await createTestApp(dialect, { publicOrigin: 'https://gardien.cabinet.example' });
    try {
      const p = await createPractice(t);
      const c = await login(t, p.ownerEmail);
      const evil = await call(t, 'PATCH', `/api/v1/practices/${p.practiceId}`, {
        as: c,
        body: { name: 'x' },
        headers: { origin: 'https://evil.example' },
      });
      assert.equal(evil.statusCode, 403);
      assert.equal(evil.json().code, 'CSRF_FAILED');
      const ok = await call(t, 'PATCH', `/api/v1/practices/${p.practiceId}`, {
        as: c,
        body: { name: 'Cabinet renommé' },
        headers: { origin: 'https://gardien.cabinet.example' },
      });
      assert.equal(ok.statusCode, 200);
    } finally {
      await t.close();
    }
  });
});
