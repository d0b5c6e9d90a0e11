import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@app/core';
import { emailBodies } from '../email-content.util';
import type { RenderedMessage } from '../notification-templates';

/** The SMTP side: one pooled nodemailer transport (SMTP_URL), HTML and text in Chinese. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get transporter(): Transporter {
    if (!this.transport) {
      const url = new URL(this.config.smtpUrl);
      if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
      if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '4');
      this.transport = nodemailer.createTransport(url.toString());
    }
    return this.transport;
  }

  async send(to: string, message: RenderedMessage, headers: Record<string, string> = {}): Promise<void> {
    const { subject, text, html } = emailBodies(message);
    await this.transporter.sendMail({ from: this.config.mailFrom, to, subject, text, html, headers });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/** SMTP answered with a permanent (5xx) error: retrying will not help. */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
