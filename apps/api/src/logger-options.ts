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
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      transport: logTransport(config),
    },
  };
}
