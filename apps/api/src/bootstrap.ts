import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { AllExceptionsFilter, AppConfig, NulCharPipe, validationErrorFromClassValidator } from '@app/core';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';
import { servePortal } from './web-portal';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A request the HTTP parser refuses (e.g. unencoded Chinese in the URL, an oversized header) gets
 * the standard error shape in Chinese too, not the parser's English.
 */
function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, error, message] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'REQUEST_TIMEOUT', '请求超时']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'HEADERS_TOO_LARGE', '请求头过大']
        : err.code === 'HPE_INVALID_URL'
          ? [400, 'BAD_REQUEST', '请求格式有误：网址中的中文等字符须经 URL 编码']
          : [400, 'BAD_REQUEST', '请求格式有误'];
  const body = JSON.stringify({ statusCode: status, error, message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Bodies that are files (attachments, spreadsheet imports): megabytes a stranger should not make us read. */
const UPLOAD_TYPES = /^\s*(application\/pdf|application\/octet-stream|multipart\/form-data)/i;

/**
 * A file upload without a valid access token is refused before its body is read (the route's
 * guard, which runs after parsing, still decides who may upload where).
 */
function refuseAnonymousUploads(fastify: FastifyInstance, jwt: JwtService): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!UPLOAD_TYPES.test(String(request.headers['content-type'] ?? ''))) return;
    const token = /^Bearer\s+(.+)$/i.exec(String(request.headers.authorization ?? ''))?.[1];
    const valid = token
      ? await jwt.verifyAsync(token.trim()).then(
          () => true,
          () => false,
        )
      : false;
    if (!valid) {
      await reply
        .code(401)
        .header('connection', 'close')
        .send({ statusCode: 401, error: 'UNAUTHORIZED', message: token ? '登录已过期或无效，请重新登录' : '请先登录' });
    }
  });
}

export interface ApiAppOptions {
  /** The signals that close the app gracefully (default: every signal Nest knows). */
  shutdownSignals?: string[];
}

/** Builds the API application (used by main.ts and by the end-to-end tests). */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    clientErrorHandler,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const fastify = adapter.getInstance();
  // File uploads (proposal attachments) arrive as raw bytes; the service checks what they are.
  fastify.addContentTypeParser(
    ['application/pdf', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: 11 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
  fastify.addHook('onRequest', async (request, reply) => {
    request.raw.headers['x-request-id'] = request.id;
    void reply.header('x-request-id', request.id);
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(
    new NulCharPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationErrorFromClassValidator,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  refuseAnonymousUploads(fastify, app.get(JwtService));
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
        // Not helmet's default `upgrade-insecure-requests`: on a plain-HTTP host (docker compose on
        // a server) it turns /docs' own scripts into https requests, and the page stays blank.
        upgradeInsecureRequests: null,
      },
    },
  });
  // The portal's refresh token travels in an httpOnly cookie on the auth routes.
  await app.register(cookie);
  // Spreadsheet imports (catalog) arrive as multipart/form-data and are read as a stream.
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 10 } });
  app.enableCors({ origin: config.corsOrigins, credentials: true, methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] });
  app.enableShutdownHooks(options.shutdownSignals);
  setupOpenApi(app);
  await servePortal(app, resolve(config.webDist));
  return app;
}
