import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiFileResponse,
  ApiPageResponse,
  AuthUser,
  BureauOnly,
  CurrentUser,
  IdParamDto,
  Page,
  PageQueryDto,
  RequireAccess,
  VerifiedOrgOnly,
  ApiPdfBody,
  RawBody,
} from '@app/core';
import { AttachmentsService } from './attachments.service';
import { AttachmentParamsDto, AttachmentQueryDto, CreateProposalDto, EligibilityDto, UpdateProposalDto } from './dto/proposal.dto';
import { ProposalAttachmentDto, ProposalViewDto, UploadedProposalAttachmentDto } from './dto/proposal-view.dto';
import { ProposalsService } from './proposals.service';

@ApiTags('proposals')
@Controller()
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Post('challenges/:id/proposals')
  @VerifiedOrgOnly()
  @ApiOperation({ summary: '揭榜：本单位起草申请（每个单位每个榜单一份；可组联合体）' })
  @ApiCreatedResponse({ type: ProposalViewDto })
  create(@Param() p: IdParamDto, @Body() dto: CreateProposalDto, @CurrentUser() user: AuthUser): Promise<ProposalViewDto> {
    return this.proposals.create(p.id, dto, user);
  }

  @Get('challenges/:id/proposals')
  @ApiOperation({ summary: '榜单的申请（科技局可见全部已提交的；申报单位只见自己的）' })
  @ApiPageResponse(ProposalViewDto)
  list(@Param() p: IdParamDto, @Query() q: PageQueryDto, @CurrentUser() user: AuthUser): Promise<Page<ProposalViewDto>> {
    return this.proposals.listForChallenge(p.id, q, user);
  }

  @Get('proposals/:id')
  @RequireAccess('proposal.viewer')
  @ApiOperation({ summary: '申请详情（申报单位、科技局、无回避的评审专家）' })
  @ApiOkResponse({ type: ProposalViewDto })
  get(@Param() p: IdParamDto): Promise<ProposalViewDto> {
    return this.proposals.get(p.id);
  }

  @Patch('proposals/:id')
  @RequireAccess('proposal.owner')
  @ApiOperation({ summary: '修改申请（截止前，以服务器时间为准）' })
  @ApiOkResponse({ type: ProposalViewDto })
  update(@Param() p: IdParamDto, @Body() dto: UpdateProposalDto, @CurrentUser() user: AuthUser): Promise<ProposalViewDto> {
    return this.proposals.update(p.id, dto, user);
  }

  @Post('proposals/:id/submit')
  @HttpCode(200)
  @RequireAccess('proposal.owner')
  @ApiOperation({ summary: '提交申请（截止前）' })
  @ApiOkResponse({ type: ProposalViewDto })
  submit(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<ProposalViewDto> {
    return this.proposals.submit(p.id, user);
  }

  @Post('proposals/:id/withdraw')
  @HttpCode(200)
  @RequireAccess('proposal.owner')
  @ApiOperation({ summary: '撤回申请（截止前）' })
  @ApiOkResponse({ type: ProposalViewDto })
  withdraw(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<ProposalViewDto> {
    return this.proposals.withdraw(p.id, user);
  }

  @Post('proposals/:id/eligibility')
  @HttpCode(200)
  @BureauOnly()
  @ApiOperation({ summary: '形式审查：入围评审或不符合条件（须写明原因）' })
  @ApiOkResponse({ type: ProposalViewDto })
  screen(@Param() p: IdParamDto, @Body() dto: EligibilityDto, @CurrentUser() user: AuthUser): Promise<ProposalViewDto> {
    return this.proposals.screen(p.id, dto.eligible, dto.reason, user);
  }

  @Post('proposals/:id/attachments')
  @RequireAccess('proposal.owner')
  @ApiPdfBody()
  @ApiOperation({ summary: '上传 PDF 附件（请求体为文件内容，Content-Type: application/pdf；≤10 MB）' })
  @ApiCreatedResponse({ type: UploadedProposalAttachmentDto })
  attach(
    @Param() p: IdParamDto,
    @Query() q: AttachmentQueryDto,
    @RawBody() body: { content: Buffer; contentType?: string },
    @CurrentUser() user: AuthUser,
  ): Promise<UploadedProposalAttachmentDto> {
    return this.attachments.add(p.id, q.filename, body.contentType, body.content, user);
  }

  @Get('proposals/:id/attachments')
  @RequireAccess('proposal.viewer')
  @ApiOperation({ summary: '附件列表' })
  @ApiOkResponse({ type: [ProposalAttachmentDto] })
  attachmentsOf(@Param() p: IdParamDto): Promise<ProposalAttachmentDto[]> {
    return this.attachments.list(p.id);
  }

  @Get('proposals/:id/attachments/:attachmentId')
  @RequireAccess('proposal.viewer')
  @ApiOperation({ summary: '下载附件（仅有权查看该申请者）' })
  @ApiFileResponse('附件（PDF 文件）', 'application/pdf')
  download(@Param() p: AttachmentParamsDto): Promise<StreamableFile> {
    return this.attachments.download(p.id, p.attachmentId);
  }
}
