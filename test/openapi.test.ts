import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { validate } from '@readme/openapi-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import { call, createTestApp, type TestApp } from './support/app.js';
import { describeEachDialect } from './support/dialects.js';

type Operation = {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
  security?: unknown[];
};

/** Issue 19 §7: the API document for its clients — valid, named operations, described errors, servers and licence. */
describeEachDialect('OpenAPI document', (dialect) => {
  let t: TestApp;
  let doc: {
    openapi: string;
    servers?: { url: string }[];
    info: { license?: { identifier?: string } };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas?: Record<string, unknown> };
  };
  before(async () => {
    t = await createTestApp(dialect);
    doc = (await call(t, 'GET', '/api/openapi.json')).json();
  });
  after(async () => t.close());

  it('is valid for a maintained validator, with servers and a licence', async () => {
    const result = await validate(structuredClone(doc) as never);
    assert.equal(result.valid, true, JSON.stringify(result));
    assert.deepEqual(
      doc.servers?.map((s) => s.url),
      ['/'],
    );
    assert.equal(doc.info.license?.identifier, 'AGPL-3.0-or-later');
  });

  it('names every operation once, and describes its error answers in the one error format', () => {
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ at: `${m.toUpperCase()} ${p}`, op })),
    );
    assert.ok(ops.length >= 85, `${ops.length} operations`);
    const ids = ops.map((o) => o.op.operationId);
    assert.ok(
      ids.every(Boolean),
      `without operationId: ${ops
        .filter((o) => !o.op.operationId)
        .map((o) => o.at)
        .join(', ')}`,
    );
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    for (const { at, op } of ops) {
      for (const code of ['400', '403', '429', '500'])
        assert.equal(
          op.responses[code]?.content?.['application/json']?.schema.$ref,
          '#/components/schemas/Error',
          `${at} ${code}`,
        );
    }
    assert.ok(doc.components.schemas?.Error);
    assert.deepEqual(doc.paths['/api/health']!.get!.security, [], 'a public route needs no credentials');
    assert.equal(
      doc.paths['/api/v1/practices/{practiceId}/worklist']!.get!.operationId,
      'getPracticesWorklistByPracticeId',
    );
  });

  it('generates a typed client that type-checks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gardien-openapi-'));
    try {
      fs.writeFileSync(path.join(dir, 'gardien-api.ts'), astToString(await openapiTS(doc as never)));
      fs.writeFileSync(
        path.join(dir, 'client.ts'),
        [
          "import type { operations } from './gardien-api.js';",
          "type Worklist = operations['getPracticesWorklistByPracticeId']['responses'][200]['content']['application/json'];",
          "type Refused = operations['getPracticesWorklistByPracticeId']['responses'][403]['content']['application/json'];",
          "export const list: Worklist = { items: [{ id: 'x', module: 'breaches', kind: 'breach_notify', subject: '', dueAt: '2026-01-01T00:00:00Z', targetType: 'breach', targetId: null, path: '/' }], firstSteps: [{ step: 'register', done: false, path: '/register' }] };",
          "export const refused: Refused = { code: 'FORBIDDEN', message: 'Refusé', requestId: 'r' };",
          '// @ts-expect-error: a step the contract does not know is refused by the generated types.',
          "export const wrong: Worklist['firstSteps'][number] = { step: 'nothing', done: true, path: '/' };",
          '',
        ].join('\n'),
      );
      const tsc = path.resolve('node_modules/tsgo/bin/tsc');
      execFileSync(
        process.execPath,
        [
          tsc,
          '--ignoreConfig',
          '--noEmit',
          '--strict',
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--target',
          'es2022',
          '--skipLibCheck',
          path.join(dir, 'client.ts'),
        ],
        { stdio: 'pipe' },
      );
    } catch (e) {
      assert.fail(
        `the generated client does not type-check: ${(e as { stdout?: Buffer }).stdout?.toString() ?? String(e)}`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
