/** Layer rules of docs/ARCHITECTURE.md, enforced in the test run. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'platform-not-modules',
      comment: 'platform holds technical adapters and never knows the GDPR modules',
      severity: 'error',
      from: { path: '^src/server/platform/' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'routes-no-kysely',
      comment: 'routes are thin: no SQL',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: 'node_modules/kysely' },
    },
    {
      name: 'services-no-fastify',
      comment: 'use cases know nothing of HTTP',
      severity: 'error',
      from: { path: '\\.(service|use-cases|repository|rules|policy)\\.ts$' },
      to: { path: 'node_modules/(fastify|@fastify)' },
    },
    {
      name: 'pure-rules',
      comment: 'rules and policies are pure: no database, no HTTP, no clock of their own',
      severity: 'error',
      from: { path: '\\.(rules|policy)\\.ts$' },
      to: { path: '(node_modules/(kysely|pg|better-sqlite3|fastify)|/platform/(db|http)/)' },
    },
    {
      name: 'modules-through-index',
      comment: 'a module reaches another only through its index.ts',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: { path: '^src/server/modules/([^/]+)/(?!index\\.ts$)', pathNot: '^src/server/modules/$1/' },
    },
    {
      name: 'web-through-contracts',
      comment: 'the browser app knows the server only through the shared contracts (and its HTTP API)',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'contracts-standalone',
      comment: 'contracts are shared with the web app and the CLI: zod only',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: '^src/(server|cli|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
