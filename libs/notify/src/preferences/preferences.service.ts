import { Injectable } from '@nestjs/common';
import { AuthUser, TransactionHost } from '@app/core';
import { DigestNotAllowedError, DuplicatePreferenceError } from '../notify.errors';
import { NotificationPreference, PreferenceChannel, PreferenceMode } from '../notify.entities';
import { DIGESTIBLE_EVENT_TYPES, NOTIFY_EVENT_TYPES } from '../notify-events';

export interface ChannelModes {
  inbox: PreferenceMode;
  email: PreferenceMode;
}

export const DEFAULT_MODES: ChannelModes = { inbox: 'instant', email: 'instant' };

export interface PreferenceItem {
  eventType: string;
  channel: PreferenceChannel;
  mode: PreferenceMode;
}

/** Per user, per event type, per channel; no row means the default (instant). */
@Injectable()
export class PreferencesService {
  constructor(private readonly tx: TransactionHost) {}

  /** The modes of many users for one event type, in one query (the fan-out's path). */
  async modesFor(eventType: string, userIds: string[]): Promise<Map<string, ChannelModes>> {
    const out = new Map<string, ChannelModes>();
    if (userIds.length === 0) return out;
    const rows: { user_id: string; channel: PreferenceChannel; mode: PreferenceMode }[] = await this.tx.manager.query(
      `SELECT user_id, channel, mode FROM notification_preference WHERE event_type = $1 AND user_id = ANY($2::uuid[])`,
      [eventType, userIds],
    );
    for (const r of rows) {
      const m = out.get(r.user_id) ?? { ...DEFAULT_MODES };
      m[r.channel] = r.mode;
      out.set(r.user_id, m);
    }
    return out;
  }

  /** Every event type with the caller's effective mode on each channel. */
  async get(user: AuthUser): Promise<{ items: (PreferenceItem & { digestAllowed: boolean })[] }> {
    const modes = new Map<string, ChannelModes>();
    const rows = await this.tx.repo(NotificationPreference).find({ where: { userId: user.userId } });
    for (const r of rows) {
      const m = modes.get(r.eventType) ?? { ...DEFAULT_MODES };
      m[r.channel] = r.mode;
      modes.set(r.eventType, m);
    }
    const items: (PreferenceItem & { digestAllowed: boolean })[] = [];
    for (const eventType of NOTIFY_EVENT_TYPES) {
      const m = modes.get(eventType) ?? DEFAULT_MODES;
      for (const channel of ['inbox', 'email'] as const) {
        items.push({
          eventType,
          channel,
          mode: m[channel],
          digestAllowed: channel === 'email' && DIGESTIBLE_EVENT_TYPES.includes(eventType),
        });
      }
    }
    return { items };
  }

  async update(user: AuthUser, items: PreferenceItem[]): Promise<{ items: (PreferenceItem & { digestAllowed: boolean })[] }> {
    const seen = new Set<string>();
    for (const i of items) {
      if (i.mode === 'digest' && (i.channel !== 'email' || !DIGESTIBLE_EVENT_TYPES.includes(i.eventType)))
        throw new DigestNotAllowedError(i.eventType, i.channel);
      const key = `${i.eventType}\u0001${i.channel}`;
      if (seen.has(key)) throw new DuplicatePreferenceError(i.eventType, i.channel);
      seen.add(key);
    }
    await this.tx.run(async () => {
      if (items.length === 0) return;
      await this.tx.manager.query(
        `INSERT INTO notification_preference (user_id, event_type, channel, mode)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])
         ON CONFLICT (user_id, event_type, channel) DO UPDATE SET mode = EXCLUDED.mode, updated_at = now()`,
        [user.userId, items.map((i) => i.eventType), items.map((i) => i.channel), items.map((i) => i.mode)],
      );
    });
    return this.get(user);
  }
}
