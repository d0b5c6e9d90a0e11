import { Injectable, Logger } from '@nestjs/common';

export type SubjectDescriber = (id: string) => Promise<string | null>;

/**
 * Names of the items events are about ("need" → its title), for the text of a notification.
 * Each library registers its kinds (catalog: need, result, adoption); notify never reads
 * another library's tables. Without a describer the text simply omits the name.
 */
@Injectable()
export class NotifySubjects {
  private readonly logger = new Logger(NotifySubjects.name);
  private readonly describers = new Map<string, SubjectDescriber>();

  register(kind: string, fn: SubjectDescriber): void {
    if (this.describers.has(kind)) throw new Error(`notification subject ${kind} registered twice`);
    this.describers.set(kind, fn);
  }

  async describe(subject: { kind: string; id: string } | null): Promise<string | null> {
    if (!subject) return null;
    const fn = this.describers.get(subject.kind);
    if (!fn) return null;
    try {
      return await fn(subject.id);
    } catch (err) {
      this.logger.warn(`cannot describe ${subject.kind} ${subject.id}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  }
}
