import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransactionHost } from '@app/core';
import { NotifySubjects } from '@app/notify';
import { Adoption } from './adoption.entity';
import { CatalogReader } from './catalog-reader.service';

/** Tells the notify library how to name the catalog's items in notification texts. */
@Injectable()
export class CatalogSubjects implements OnModuleInit {
  constructor(
    private readonly subjects: NotifySubjects,
    private readonly reader: CatalogReader,
    private readonly tx: TransactionHost,
  ) {}

  onModuleInit(): void {
    this.subjects.register('need', async (id) => (await this.reader.item('need', id))?.title ?? null);
    this.subjects.register('result', async (id) => (await this.reader.item('result', id))?.title ?? null);
    this.subjects.register('adoption', async (id) => {
      const a = await this.tx.repo(Adoption).findOne({ where: { id } });
      return a ? ((await this.reader.item('result', a.resultId))?.title ?? null) : null;
    });
  }
}
