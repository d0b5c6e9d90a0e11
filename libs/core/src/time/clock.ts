import { Inject, Injectable, Optional } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * The server's clock: deadlines (application windows, notice periods, due dates) are decided
 * by it, never by the client. Tests move it forward instead of waiting: in-process tests with
 * `advanceForTests`, browser tests (api and worker in their own processes) through the file
 * named by TEST_CLOCK_FILE, which only a test environment accepts.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  constructor(@Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs + this.fileOffsetMs());
  }

  /** For tests only; nothing in the product calls it. */
  advanceForTests(ms: number): void {
    this.offsetMs += ms;
  }

  private fileOffsetMs(): number {
    const path = this.config?.testClockFile;
    if (!path) return 0;
    try {
      const ms = Number(readFileSync(path, 'utf8').trim());
      return Number.isFinite(ms) ? ms : 0;
    } catch {
      return 0;
    }
  }
}
