import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@app/identity';
import { NotifyModule } from '@app/notify';
import { CatalogSubjects } from './catalog-subjects';
import { Adoption } from './adoption.entity';
import { AdoptionsController } from './adoptions.controller';
import { AdoptionsService } from './adoptions.service';
import { CatalogIoController } from './catalog-io.controller';
import { CatalogReader } from './catalog-reader.service';
import { ContractFile } from './contract-file.entity';
import { ContractRegistrationService } from './contract-registration.service';
import { ContractsController } from './contracts.controller';
import { ExportService } from './io/export.service';
import { ImportedItems } from './io/imported-items';
import { ImportService } from './io/import.service';
import { Need } from './need.entity';
import { NeedsController } from './needs.controller';
import { NeedsService } from './needs.service';
import { OrganizationDirectory } from './organization-directory';
import { Result } from './result.entity';
import { ResultsController } from './results.controller';
import { ResultsService } from './results.service';
import { ItemRevision } from './revision.entity';
import { RevisionsController } from './revisions.controller';
import { ItemRevisions } from './revisions.service';
import { CatalogHistory } from './workflow/catalog-history.service';
import { ItemWorkflow } from './workflow/item-workflow.service';

/** The three lists (needs, results, adoptions), their review workflow, quality check, import and export. */
@Module({
  imports: [TypeOrmModule.forFeature([Need, Result, Adoption, ContractFile, ItemRevision]), IdentityModule, NotifyModule],
  // The import/export controller comes first so that its static routes read clearly before `:id`.
  controllers: [CatalogIoController, NeedsController, ResultsController, AdoptionsController, ContractsController, RevisionsController],
  providers: [
    ItemWorkflow,
    ItemRevisions,
    CatalogHistory,
    OrganizationDirectory,
    NeedsService,
    ResultsService,
    AdoptionsService,
    ImportService,
    ImportedItems,
    ExportService,
    CatalogReader,
    CatalogSubjects,
    ContractRegistrationService,
  ],
  exports: [NeedsService, ResultsService, AdoptionsService, ImportService, ImportedItems, CatalogReader],
})
export class CatalogModule {}
