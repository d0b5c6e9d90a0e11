import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '@app/core';

/** Job names of the notify library on its queues (payloads carry ids, not documents). */
export const EMAIL_SEND_JOB = 'email.send';
export const EMAIL_DIGEST_JOB = 'email.digest';
export const DIGEST_DAILY_JOB = 'email.digest-daily';
export const WEBHOOK_DELIVER_JOB = 'webhook.deliver';

export interface DeliveryJobData {
  deliveryId: string;
}
export interface DigestJobData {
  userId: string;
}

/**
 * Retries of e-mail and webhook deliveries: the one place their attempts and exponential
 * backoff are set (from config, so tests can use short delays). Other job options come from
 * core's DEFAULT_JOB_OPTIONS (completed jobs kept a day, failed ones kept with their error).
 */
export function deliveryJobOptions(config: AppConfig, jobId: string): JobsOptions {
  return { jobId, attempts: config.notifyMaxAttempts, backoff: { type: 'exponential', delay: config.notifyBackoffMs } };
}

/** True when this run is the job's last allowed attempt. */
export function isLastAttempt(job: { attemptsMade: number; opts: { attempts?: number } }): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

export function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 500);
}
