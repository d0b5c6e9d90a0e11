import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, statSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';

/** Paths the portal never answers: the API and its documents keep their own 404s. */
const NOT_PORTAL = /^\/(api|docs)(\/|$|-json)/;

/**
 * Serves the built portal (dist/web) at `/`: hashed assets with a year-long immutable cache (and
 * their brotli or gzip copy to browsers that accept it),
 * index.html never cached, and every other GET outside /api and /docs answered with index.html
 * so the portal's own routes (e.g. the links in e-mails) open. Without a build, nothing is served.
 */
export async function servePortal(app: NestFastifyApplication, dir: string): Promise<boolean> {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: false,
    // dist/web holds .br and .gz copies of the text assets (scripts/precompress-web.ts).
    preCompressed: true,
    setHeaders(reply, path) {
      void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  fastify.get('/*', (req, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(req.url.split('?')[0]);
    } catch {
      return reply.code(400).send({ statusCode: 400, error: 'BAD_REQUEST', message: '网址格式有误' });
    }
    if (NOT_PORTAL.test(path)) {
      return reply.code(404).send({ statusCode: 404, error: 'NOT_FOUND', message: '资源不存在' });
    }
    // A file built after the start (a rebuild during development) is served as a file.
    const file = relative(dir, normalize(join(dir, path)));
    if (file && !file.startsWith('..') && !file.startsWith(sep) && isFile(join(dir, file))) return reply.sendFile(file);
    if (/\.[a-z0-9]+$/i.test(path)) return reply.code(404).send({ statusCode: 404, error: 'NOT_FOUND', message: '文件不存在' });
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  fastify.get('/', (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  return true;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
