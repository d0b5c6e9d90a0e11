import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@app/core';
import { NeedsService } from '@app/catalog';
import { NeedSource, PublishedNeedInfo } from './challenge-sources';

/** Reads a published need through the catalog's exported service (never its tables). */
@Injectable()
export class NeedSourceAdapter implements NeedSource {
  constructor(private readonly needs: NeedsService) {}

  async findPublishedNeed(id: string): Promise<PublishedNeedInfo | null> {
    try {
      const n = await this.needs.get(id, undefined);
      if (n.status !== 'published') return null;
      return { id: n.id, organizationId: n.organizationId, title: n.title, description: n.description, field: n.field };
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
  }
}
