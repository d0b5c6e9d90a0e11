import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse, APP_CONFIG, AppConfig, AuthUser, BureauOnly, CurrentUser, Public, VerifiedOrgOnly } from '@app/core';
import { AdoptionExportQueryDto, ImportQueryDto, ItemExportQueryDto, SheetFormatQueryDto } from './dto/workflow.dto';
import { ExportService } from './io/export.service';
import { ImportService } from './io/import.service';
import { SheetUpload, UploadedSheet } from './io/uploaded-sheet.decorator';
import { catalogReference } from './catalog.reference';
import { SHEET_CONTENT_TYPES } from './io/sheet-io';
import { CatalogReferenceDto } from './dto/catalog-reference.dto';
import { ImportReportDto } from './dto/import-report.dto';

/** The upload of an import, as Swagger UI should offer it: one file field. */
const SHEET_UPLOAD = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: '.xlsx，或 UTF-8 编码的 .csv（列名同模板）' } },
  },
};

/** What a template or an export is sent as (see `SHEET_CONTENT_TYPES`): XLSX by default, CSV with `format=csv`. */
const SHEET_MEDIA_TYPES = [SHEET_CONTENT_TYPES.xlsx, SHEET_CONTENT_TYPES.csv];

const IMPORT_DOC =
  '导入清单（multipart 上传 .xlsx/.csv，字段名 file）：dryRun=true 返回每行问题（行号、列名、原因）和将跳过的重复行，不写入；正式导入全部写入或全部不写入，' +
  '与平台已有条目或文件中前面的行重复的行跳过并列出';
const OWN_IMPORT_DOC =
  '科技局导入任何单位的条目；已认证单位的管理员只能导入本单位的条目（单位列可不填，填写他单位的行被拒绝并说明行号），' +
  '状态只能为草稿或待审核（不填为待审核，提交科技局审核）';
const OWN_EXPORT_DOC = '科技局导出全部单位的条目；已认证单位的成员导出本单位的全部条目';

@ApiTags('catalog import/export')
@Controller()
export class CatalogIoController {
  constructor(
    private readonly importer: ImportService,
    private readonly exporter: ExportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('catalog/reference')
  @Public()
  @ApiOkResponse({ type: CatalogReferenceDto })
  @ApiOperation({ summary: '维护的参考数据：产业领域、合作方式、合同类型、状态、地区' })
  reference(): CatalogReferenceDto {
    return { ...catalogReference(), importMaxRows: this.config.importMaxRows };
  }

  @Get('needs/template')
  @Public()
  @ApiFileResponse('技术需求导入模板', ...SHEET_MEDIA_TYPES)
  @ApiOperation({ summary: '技术需求导入模板（含填写说明）' })
  needsTemplate(@Query() q: SheetFormatQueryDto) {
    return this.exporter.template('needs', q.format);
  }

  @Get('results/template')
  @Public()
  @ApiFileResponse('科技成果导入模板', ...SHEET_MEDIA_TYPES)
  @ApiOperation({ summary: '科技成果导入模板（含填写说明）' })
  resultsTemplate(@Query() q: SheetFormatQueryDto) {
    return this.exporter.template('results', q.format);
  }

  @Get('adoptions/template')
  @Public()
  @ApiFileResponse('成果转化应用导入模板', ...SHEET_MEDIA_TYPES)
  @ApiOperation({ summary: '成果转化应用导入模板（含填写说明）' })
  adoptionsTemplate(@Query() q: SheetFormatQueryDto) {
    return this.exporter.template('adoptions', q.format);
  }

  @Get('needs/export')
  @VerifiedOrgOnly()
  @ApiFileResponse('技术需求导出文件', ...SHEET_MEDIA_TYPES)
  @ApiOperation({ summary: '按当前筛选条件导出技术需求（XLSX/CSV，中文列名）', description: OWN_EXPORT_DOC })
  exportNeeds(@Query() q: ItemExportQueryDto, @CurrentUser() user: AuthUser) {
    return this.exporter.exportNeeds(q, q.format, user);
  }

  @Get('results/export')
  @VerifiedOrgOnly()
  @ApiFileResponse('科技成果导出文件', ...SHEET_MEDIA_TYPES)
  @ApiOperation({ summary: '按当前筛选条件导出科技成果（XLSX/CSV，中文列名）', description: OWN_EXPORT_DOC })
  exportResults(@Query() q: ItemExportQueryDto, @CurrentUser() user: AuthUser) {
    return this.exporter.exportResults(q, q.format, user);
  }

  @Get('adoptions/export')
  @BureauOnly()
  @ApiFileResponse('成果转化应用导出文件', ...SHEET_MEDIA_TYPES)
  @ApiOperation({ summary: '按当前筛选条件导出成果转化应用（XLSX/CSV，中文列名；仅科技局）' })
  exportAdoptions(@Query() q: AdoptionExportQueryDto, @CurrentUser() user: AuthUser) {
    return this.exporter.exportAdoptions(q, q.format, user);
  }

  @Post('needs/import')
  @HttpCode(200)
  @VerifiedOrgOnly()
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_UPLOAD)
  @ApiOkResponse({ type: ImportReportDto, description: '导入（或试导入）结果' })
  @ApiOperation({ summary: `技术需求：${IMPORT_DOC}`, description: OWN_IMPORT_DOC })
  importNeeds(@Query() q: ImportQueryDto, @UploadedSheet() file: SheetUpload | undefined, @CurrentUser() user: AuthUser) {
    return this.importer.importSheet('needs', file, q.dryRun, user);
  }

  @Post('results/import')
  @HttpCode(200)
  @VerifiedOrgOnly()
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_UPLOAD)
  @ApiOkResponse({ type: ImportReportDto, description: '导入（或试导入）结果' })
  @ApiOperation({ summary: `科技成果：${IMPORT_DOC}`, description: OWN_IMPORT_DOC })
  importResults(@Query() q: ImportQueryDto, @UploadedSheet() file: SheetUpload | undefined, @CurrentUser() user: AuthUser) {
    return this.importer.importSheet('results', file, q.dryRun, user);
  }

  @Post('adoptions/import')
  @HttpCode(200)
  @BureauOnly()
  @ApiConsumes('multipart/form-data')
  @ApiBody(SHEET_UPLOAD)
  @ApiOkResponse({ type: ImportReportDto, description: '导入（或试导入）结果' })
  @ApiOperation({ summary: `成果转化应用（仅科技局）：${IMPORT_DOC}` })
  importAdoptions(@Query() q: ImportQueryDto, @UploadedSheet() file: SheetUpload | undefined, @CurrentUser() user: AuthUser) {
    return this.importer.importSheet('adoptions', file, q.dryRun, user);
  }
}
