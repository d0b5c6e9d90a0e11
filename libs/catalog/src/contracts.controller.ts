import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiFileResponse,
  ApiPageResponse,
  AuthUser,
  BureauOnly,
  CurrentUser,
  IdParamDto,
  Page,
  PageQueryDto,
  RawBody,
  RequireAccess,
  ApiPdfBody,
} from '@app/core';
import { AdoptionsService } from './adoptions.service';
import { ContractRegistrationService } from './contract-registration.service';
import { AdoptionViewDto } from './dto/adoption-view.dto';
import { CertifyContractDto, ContractFileDto, ContractFileQueryDto, ContractViewDto, SubmitContractDto } from './dto/contract.dto';
import { RejectItemDto } from './dto/workflow.dto';

/** 技术合同认定登记 of an adoption's contract: the two parties submit, the bureau certifies or returns. */
@ApiTags('contracts')
@Controller()
export class ContractsController {
  constructor(
    private readonly contracts: ContractRegistrationService,
    private readonly adoptions: AdoptionsService,
  ) {}

  @Get('contracts/review-queue')
  @BureauOnly()
  @ApiPageResponse(AdoptionViewDto)
  @ApiOperation({ summary: '科技局待认定登记的技术合同，先提交的在前' })
  queue(@Query() q: PageQueryDto, @CurrentUser() user: AuthUser): Promise<Page<AdoptionViewDto>> {
    return this.adoptions.contractQueue(q, user);
  }

  @Get('adoptions/:id/contract')
  @RequireAccess('adoption.party')
  @ApiOkResponse({ type: ContractViewDto })
  @ApiOperation({ summary: '转化应用的技术合同及其认定登记（仅双方和科技局）' })
  get(@Param() p: IdParamDto): Promise<ContractViewDto> {
    return this.contracts.get(p.id);
  }

  @Post('adoptions/:id/contract/file')
  @HttpCode(200)
  @RequireAccess('adoption.party')
  @ApiPdfBody()
  @ApiOkResponse({ type: ContractFileDto })
  @ApiOperation({ summary: '上传已签订的技术合同（PDF，≤10 MB；请求体为文件内容，Content-Type: application/pdf；替换此前上传的）' })
  upload(
    @Param() p: IdParamDto,
    @Query() q: ContractFileQueryDto,
    @RawBody() body: { content: Buffer; contentType?: string },
    @CurrentUser() user: AuthUser,
  ): Promise<ContractFileDto> {
    return this.contracts.upload(p.id, q.filename, body.contentType, body.content, user);
  }

  @Get('adoptions/:id/contract/file')
  @RequireAccess('adoption.party')
  @ApiFileResponse('技术合同（PDF 文件）', 'application/pdf')
  @ApiOperation({ summary: '下载技术合同文件（仅双方和科技局）' })
  download(@Param() p: IdParamDto): Promise<StreamableFile> {
    return this.contracts.download(p.id);
  }

  @Post('adoptions/:id/contract/submit')
  @HttpCode(200)
  @RequireAccess('adoption.party')
  @ApiOkResponse({ type: ContractViewDto })
  @ApiOperation({ summary: '提交技术合同认定登记（合同类型、合同金额、技术交易额；须先上传合同文件）' })
  submit(@Param() p: IdParamDto, @Body() dto: SubmitContractDto, @CurrentUser() user: AuthUser): Promise<ContractViewDto> {
    return this.contracts.submit(p.id, dto, user);
  }

  @Post('adoptions/:id/contract/certify')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: ContractViewDto })
  @ApiOperation({ summary: '科技局认定登记（填写技术合同登记号与登记日期）' })
  certify(@Param() p: IdParamDto, @Body() dto: CertifyContractDto, @CurrentUser() user: AuthUser): Promise<ContractViewDto> {
    return this.contracts.certify(p.id, dto, user);
  }

  @Post('adoptions/:id/contract/return')
  @HttpCode(200)
  @BureauOnly()
  @ApiOkResponse({ type: ContractViewDto })
  @ApiOperation({ summary: '科技局退回技术合同（须写明原因）' })
  return(@Param() p: IdParamDto, @Body() dto: RejectItemDto, @CurrentUser() user: AuthUser): Promise<ContractViewDto> {
    return this.contracts.return(p.id, dto.reason, user);
  }
}
