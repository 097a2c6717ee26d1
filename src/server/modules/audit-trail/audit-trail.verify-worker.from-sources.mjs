// The verification worker's entry when Gardien runs from its TypeScript sources (tests, `tsx`): Node 20 applies no
// `--import` loader to a worker thread, so the thread registers tsx itself before loading the module.
const { register } = await import('tsx/esm/api');
register();
await import('./audit-trail.verify-worker.ts');
