/**
 * Every BullMQ queue of the product. Values are persisted in Redis keys: never rename one.
 * Each queue has its own worker and concurrency, so a busy queue cannot starve another.
 */
export enum QueueName {
  /** Domain events → per-recipient deliveries (inbox rows, email and webhook jobs). */
  Notify = 'notify',
  Email = 'email',
  Webhook = 'webhook',
  /** Delayed reminders (deadlines, unanswered requests, overdue milestones). */
  Reminder = 'reminder',
  /** Meilisearch index sync. */
  SearchIndex = 'search-index',
  /** Match computation for needs and results. */
  Match = 'match',
}

export interface QueueSettings {
  concurrency: number;
}

export const QUEUE_SETTINGS: Record<QueueName, QueueSettings> = {
  [QueueName.Notify]: { concurrency: 8 },
  [QueueName.Email]: { concurrency: 4 },
  [QueueName.Webhook]: { concurrency: 8 },
  [QueueName.Reminder]: { concurrency: 2 },
  [QueueName.SearchIndex]: { concurrency: 1 },
  [QueueName.Match]: { concurrency: 4 },
};
