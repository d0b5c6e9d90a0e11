import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { logTransport, type AppConfig } from '@app/core';

/** Structured logs (JSON, or readable lines in development); each request line carries the request id (also sent back as x-request-id). */
export function loggerOptions(config: AppConfig): Params {
  return {
    // Every route, in path-to-regexp 8 syntax (the default '*' draws a deprecation warning).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage) => String(req.headers['x-request-id'] ?? ''),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
      customProps: () => ({ service: 'api' }),
      // A request line says what was asked and how it ended, not every header: written for each
      // request, the full objects were about a tenth of the api's CPU under load.
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      transport: logTransport(config),
    },
  };
}
