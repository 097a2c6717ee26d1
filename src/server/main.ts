import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createLogger } from './platform/http/logger.js';
import { openRuntime } from './runtime.js';

/** Composition root: config → database → migrations → HTTP. Returns a function that stops everything. */
export async function startServer(config: Config): Promise<{ url: string; stop: () => Promise<void> }> {
  const logger = createLogger(config.logLevel);
  const runtime = await openRuntime(config);
  const app = await buildApp(runtime.services, {
    logger,
    cookieSecure: config.cookieSecure,
    bodyLimitBytes: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    rateLimitPerMinute: config.rateLimitPerMinute,
    publicOrigin: config.publicOrigin,
  });
  const url = await app.listen({ host: config.host, port: config.port });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await runtime.close();
    })());
  return { url, stop };
}
