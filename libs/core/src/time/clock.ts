import { Injectable } from '@nestjs/common';

/**
 * The server's clock: deadlines (application windows, notice periods, due dates) are decided
 * by it, never by the client. Tests move it forward instead of waiting.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** For tests only; nothing in the product calls it. */
  advanceForTests(ms: number): void {
    this.offsetMs += ms;
  }
}
