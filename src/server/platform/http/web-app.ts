import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Where the built browser app is: next to the bundle (dist/gardien.cjs → dist/web) or, when the server runs from
 * its TypeScript sources, in dist/web at the project root. Null when it was never built (an API-only server).
 */
export function findWebDir(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'web'), path.resolve(here, '../../../../dist/web')];
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html'))) ?? null;
}

/**
 * Serves the browser app from the same origin as the API: a file of the build when one matches the path (hashed
 * assets are cached for a year), else index.html so that the app's own routes (/team, /audit…) load on refresh.
 * Added as the not-found fallback, not as routes: the API's route table (access matrix, fuzzing) stays the API's.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webDir: string,
  apiNotFound: (req: FastifyRequest, reply: FastifyReply) => unknown,
): Promise<void> {
  const root = path.resolve(webDir);
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
  app.setNotFoundHandler((req, reply) => {
    const pathname = decodeURIComponentSafe(req.url.split('?')[0] ?? '/');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || pathname === null || pathname.startsWith('/api'))
      return apiNotFound(req, reply);
    const file = path.resolve(root, '.' + path.posix.normalize(pathname));
    const isAsset = file.startsWith(root + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile();
    if (isAsset && pathname.startsWith('/assets/'))
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    else reply.header('cache-control', 'no-cache');
    return reply.sendFile(isAsset ? path.relative(root, file) : 'index.html');
  });
}

function decodeURIComponentSafe(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}
