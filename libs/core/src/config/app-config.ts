import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { bool, cleanEnv, host, num, port, str, url } from 'envalid';
import { QueueName } from '../queue/queue-names';

const KNOWN_QUEUES: string[] = Object.values(QueueName);

/** Typed, validated configuration. Built once at boot from the environment. */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** Interface the api listens on: loopback unless HOST says otherwise (the compose file sets 0.0.0.0). */
  host: string;
  /**
   * Processes the api serves with, sharing its port (node:cluster): one per core in production, one
   * elsewhere. One Node process uses one core; the api keeps no state of its own, so more serve alike.
   */
  apiProcesses: number;
  databaseUrl: string;
  /** PostgreSQL schema that holds every table (tests use one schema per run). */
  dbSchema: string;
  redisUrl: string;
  meiliHost: string;
  meiliMasterKey: string;
  jwtSecret: string;
  jwtAccessTtlSeconds: number;
  refreshTtlDays: number;
  /** Prefix of every Meilisearch index and BullMQ queue name, so runs never see each other. */
  resourcePrefix: string;
  corsOrigins: string[];
  bodyLimitBytes: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  loginWindowSeconds: number;
  /**
   * Bureau accounts must sign in with two-factor (TOTP) and cannot turn it off; on by default in
   * production only, so development, the demo and tests keep signing in with a password.
   */
  bureauTotpRequired: boolean;
  /** Registrations one network address may make per hour. */
  registerMaxPerAddress: number;
  smtpUrl: string;
  mailFrom: string;
  publicBaseUrl: string;
  /**
   * Where links in notifications point: the web portal (its routes are the API's paths without
   * /api), at WEB_APP_URL when it runs apart, else at PUBLIC_BASE_URL where the api serves it.
   */
  linkBaseUrl: string;
  uploadDir: string;
  /** The built web portal the api serves at `/` (when it exists). */
  webDist: string;
  logLevel: string;
  /** `pretty` (one readable line per entry, for a person at a terminal) or `json` (for machines). */
  logFormat: 'pretty' | 'json';
  allowPrivateWebhooks: boolean;
  /** A new match at or above this score (0–100) is notified to both sides. */
  matchNotifyThreshold: number;
  /** Matches scoring below this (0–100) are not kept. */
  matchMinScore: number;
  /** Days a contact request may wait for an answer before the receiver is reminded. */
  engagementReminderDays: number;
  /** Notifications: attempts and base delay (exponential backoff) of each e-mail or webhook delivery. */
  notifyMaxAttempts: number;
  notifyBackoffMs: number;
  /** Notifications: timeout of one webhook request, and failed deliveries in a row before an endpoint is disabled. */
  webhookTimeoutMs: number;
  webhookDisableAfter: number;
  /** Notifications: hour of the day (Asia/Shanghai) when daily match digests are sent. */
  digestHour: number;
  /** Test environments only: a file holding milliseconds the server clock runs ahead (browser tests move time). */
  testClockFile: string | null;
  /** Data rows one catalog import file may hold (a bigger file is refused whole). */
  importMaxRows: number;
  /** The queues this worker process consumes (none named: all of them), so each queue can get its own workers. */
  workerQueues: string[] | null;
  /**
   * How long a worker holds a job's lock (renewed at half of it while the job runs). A worker that
   * dies keeps its jobs for up to this long, plus the stalled-job check of the same period, before
   * another worker takes them over.
   */
  queueLockMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Thrown when the environment does not validate; the message names the variable. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment. Throws ConfigError with one line per bad variable;
 * `loadConfigOrExit` turns that into a one-line message and exit code 1.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const e = cleanEnv(
    { ...env, NODE_ENV: env.NODE_ENV ?? 'development' },
    {
      NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
      PORT: port({ default: 3000 }),
      HOST: host({ default: '127.0.0.1' }),
      API_PROCESSES: num({ default: (env.NODE_ENV ?? 'development') === 'production' ? availableParallelism() : 1 }),
      DATABASE_URL: url({ default: 'postgresql://postgres@127.0.0.1:5432/test' }),
      DB_SCHEMA: str({ default: 'public' }),
      REDIS_URL: url({ default: 'redis://127.0.0.1:6379' }),
      MEILI_HOST: url({ default: 'http://127.0.0.1:7700' }),
      MEILI_MASTER_KEY: str({ default: 'dev-master-key-change-me-0123456789' }),
      JWT_SECRET: str({ devDefault: '' }),
      JWT_ACCESS_TTL_SECONDS: num({ default: 900 }),
      REFRESH_TTL_DAYS: num({ default: 30 }),
      RESOURCE_PREFIX: str({ default: 'tt' }),
      CORS_ORIGINS: str({ default: 'http://localhost:3000,http://127.0.0.1:3000' }),
      BODY_LIMIT_BYTES: num({ default: 1_048_576 }),
      LOGIN_MAX_FAILURES_PER_ACCOUNT: num({ default: 5 }),
      LOGIN_MAX_FAILURES_PER_ADDRESS: num({ default: 20 }),
      LOGIN_WINDOW_SECONDS: num({ default: 900 }),
      BUREAU_TOTP_REQUIRED: bool({ default: (env.NODE_ENV ?? 'development') === 'production' }),
      REGISTER_MAX_PER_ADDRESS: num({ default: 20 }),
      SMTP_URL: str({ default: 'smtp://127.0.0.1:1025' }),
      MAIL_FROM: str({ default: '科技成果转化平台 <noreply@techtransfer.local>' }),
      PUBLIC_BASE_URL: url({ default: 'http://localhost:3000' }),
      WEB_APP_URL: url({ default: undefined }),
      UPLOAD_DIR: str({ default: './var/uploads' }),
      WEB_DIST: str({ default: './dist/web' }),
      TEST_CLOCK_FILE: str({ default: '' }),
      LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
      // Readable lines in development, JSON lines elsewhere, unless said otherwise.
      LOG_FORMAT: str({ choices: ['pretty', 'json'], default: (env.NODE_ENV ?? 'development') === 'development' ? 'pretty' : 'json' }),
      ALLOW_PRIVATE_WEBHOOKS: bool({ default: false }),
      MATCH_NOTIFY_THRESHOLD: num({ default: 50 }),
      MATCH_MIN_SCORE: num({ default: 10 }),
      ENGAGEMENT_REMINDER_DAYS: num({ default: 3 }),
      NOTIFY_MAX_ATTEMPTS: num({ default: 10 }),
      NOTIFY_BACKOFF_MS: num({ default: 5000 }),
      WEBHOOK_TIMEOUT_MS: num({ default: 10_000 }),
      WEBHOOK_DISABLE_AFTER: num({ default: 5 }),
      DIGEST_HOUR: num({ default: 8, choices: Array.from({ length: 24 }, (_, h) => h) }),
      IMPORT_MAX_ROWS: num({ default: 100_000 }),
      WORKER_QUEUES: str({ default: '' }),
      QUEUE_LOCK_MS: num({ default: 30_000 }),
    },
    {
      reporter: ({ errors }) => {
        const names = Object.keys(errors);
        if (names.length === 0) return;
        const lines = names.map((name) => {
          const err = (errors as Record<string, Error | undefined>)[name];
          const missing = err?.name === 'EnvMissingError' || !err?.message || err.message === 'undefined';
          return `invalid environment variable ${name}: ${missing ? 'is required' : err.message}`;
        });
        throw new ConfigError(lines.join('\n'));
      },
    },
  );
  if (e.NODE_ENV === 'production' && e.JWT_SECRET === '') {
    throw new ConfigError('invalid environment variable JWT_SECRET: is required');
  }
  if (e.JWT_SECRET !== '' && e.JWT_SECRET.length < 32) {
    throw new ConfigError('invalid environment variable JWT_SECRET: at least 32 characters');
  }
  if (!Number.isInteger(e.API_PROCESSES) || e.API_PROCESSES < 1 || e.API_PROCESSES > 64) {
    throw new ConfigError('invalid environment variable API_PROCESSES: a whole number from 1 to 64');
  }
  if (e.API_PROCESSES > 1 && e.JWT_SECRET === '') {
    // Each process would otherwise make its own secret, and refuse the others' sessions.
    throw new ConfigError('invalid environment variable API_PROCESSES: more than one api process needs JWT_SECRET');
  }
  if (e.TEST_CLOCK_FILE && e.NODE_ENV !== 'test') {
    throw new ConfigError('invalid environment variable TEST_CLOCK_FILE: only a test environment may move the clock');
  }
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(e.DB_SCHEMA)) {
    throw new ConfigError('invalid environment variable DB_SCHEMA: lower-case letters, digits and _ only');
  }
  if (!Number.isInteger(e.IMPORT_MAX_ROWS) || e.IMPORT_MAX_ROWS < 1) {
    throw new ConfigError('invalid environment variable IMPORT_MAX_ROWS: a whole number of rows, at least 1');
  }
  const workerQueues = e.WORKER_QUEUES.split(',')
    .map((q) => q.trim())
    .filter(Boolean);
  const unknownQueue = workerQueues.find((q) => !KNOWN_QUEUES.includes(q));
  if (unknownQueue !== undefined) {
    throw new ConfigError(
      `invalid environment variable WORKER_QUEUES: unknown queue "${unknownQueue}" (queues: ${KNOWN_QUEUES.join(', ')})`,
    );
  }
  if (!/^[a-z][a-z0-9_-]{0,40}$/.test(e.RESOURCE_PREFIX)) {
    throw new ConfigError('invalid environment variable RESOURCE_PREFIX: lower-case letters, digits, _ and - only');
  }
  return {
    nodeEnv: e.NODE_ENV as AppConfig['nodeEnv'],
    port: e.PORT,
    host: e.HOST,
    apiProcesses: e.API_PROCESSES,
    databaseUrl: e.DATABASE_URL,
    dbSchema: e.DB_SCHEMA,
    redisUrl: e.REDIS_URL,
    meiliHost: e.MEILI_HOST.replace(/\/$/, ''),
    meiliMasterKey: e.MEILI_MASTER_KEY,
    // Without JWT_SECRET (development and test only; production requires it), a random secret per
    // start: tokens then last as long as the process, and no secret written anywhere can forge one.
    jwtSecret: e.JWT_SECRET || randomBytes(32).toString('hex'),
    jwtAccessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
    refreshTtlDays: e.REFRESH_TTL_DAYS,
    resourcePrefix: e.RESOURCE_PREFIX,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxFailuresPerAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS,
    loginWindowSeconds: e.LOGIN_WINDOW_SECONDS,
    bureauTotpRequired: e.BUREAU_TOTP_REQUIRED,
    registerMaxPerAddress: Math.max(1, e.REGISTER_MAX_PER_ADDRESS),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/$/, ''),
    linkBaseUrl: (e.WEB_APP_URL ?? e.PUBLIC_BASE_URL).replace(/\/$/, ''),
    uploadDir: e.UPLOAD_DIR,
    webDist: e.WEB_DIST,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT as AppConfig['logFormat'],
    allowPrivateWebhooks: e.ALLOW_PRIVATE_WEBHOOKS,
    matchNotifyThreshold: e.MATCH_NOTIFY_THRESHOLD,
    matchMinScore: e.MATCH_MIN_SCORE,
    engagementReminderDays: e.ENGAGEMENT_REMINDER_DAYS,
    notifyMaxAttempts: Math.max(1, e.NOTIFY_MAX_ATTEMPTS),
    notifyBackoffMs: Math.max(1, e.NOTIFY_BACKOFF_MS),
    webhookTimeoutMs: Math.max(100, e.WEBHOOK_TIMEOUT_MS),
    webhookDisableAfter: Math.max(1, e.WEBHOOK_DISABLE_AFTER),
    digestHour: e.DIGEST_HOUR,
    testClockFile: e.TEST_CLOCK_FILE || null,
    importMaxRows: e.IMPORT_MAX_ROWS,
    workerQueues: workerQueues.length ? workerQueues : null,
    queueLockMs: Math.max(2_000, e.QUEUE_LOCK_MS),
  };
}

/** For process entry points: one line naming the variable, exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
