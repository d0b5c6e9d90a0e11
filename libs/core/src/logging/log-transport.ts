import type { AppConfig } from '../config/app-config';

/**
 * Where pino writes: JSON lines on stdout (production, tests, log collectors), or — with
 * LOG_FORMAT=pretty, the default in development — one readable line per entry through pino-pretty
 * (a development dependency: a production install never loads it).
 */
export function logTransport(config: Pick<AppConfig, 'logFormat'>): { target: string; options: Record<string, unknown> } | undefined {
  if (config.logFormat !== 'pretty') return undefined;
  return {
    target: 'pino-pretty',
    options: {
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,service,context,req,res,responseTime',
      messageFormat: '{if context}{context}: {end}{msg}{if req.method} {req.method} {req.url} {res.statusCode} {responseTime} ms{end}',
      singleLine: true,
    },
  };
}
