import { findWebDir } from './platform/http/web-app.js';
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
    webDir: findWebDir(),
  });
  const url = await app.listen({ host: config.host, port: config.port });
  // The daily automatic backup: checked every hour (and a minute after start), run when the last good one is too old.
  const backupDir = config.backup.dir;
  const scheduled = async () => {
    if (!backupDir) return;
    try {
      const r = await runtime.services.backup.runScheduled(backupDir, config.backup);
      if (r) logger.info({ file: r.file, bytes: r.bytes }, 'scheduled backup written');
    } catch (err) {
      logger.error({ err }, 'scheduled backup failed');
    }
  };
  const first = setTimeout(() => void scheduled(), 60_000);
  const timer = setInterval(() => void scheduled(), 3600_000);
  first.unref();
  timer.unref();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearTimeout(first);
      clearInterval(timer);
      await app.close();
      await runtime.close();
    })());
  return { url, stop };
}
