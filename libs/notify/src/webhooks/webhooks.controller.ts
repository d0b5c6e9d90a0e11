import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, AuthUser, CurrentUser, IdParamDto, OrgAdminOnly, Page, PageQueryDto, RequireAccess } from '@app/core';
import { RegisterWebhookDto } from '../dto/notify.dto';
import { RegisteredWebhookDto, WebhookDeliveryDto, WebhookEndpointDto } from '../dto/webhook-view.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @OrgAdminOnly()
  @ApiOperation({ summary: '登记 Webhook 地址（仅本单位管理员）；返回的签名密钥只显示这一次' })
  @ApiCreatedResponse({ type: RegisteredWebhookDto })
  register(@Body() dto: RegisterWebhookDto, @CurrentUser() user: AuthUser): Promise<RegisteredWebhookDto> {
    return this.webhooks.register(user, dto);
  }

  @Get()
  @OrgAdminOnly()
  @ApiOperation({ summary: '本单位的 Webhook 地址' })
  @ApiOkResponse({ type: [WebhookEndpointDto] })
  list(@CurrentUser() user: AuthUser): Promise<WebhookEndpointDto[]> {
    return this.webhooks.list(user);
  }

  @Delete(':id')
  @HttpCode(204)
  @OrgAdminOnly()
  @RequireAccess('webhook.owner')
  @ApiOperation({ summary: '删除 Webhook 地址' })
  @ApiNoContentResponse({ description: '已删除' })
  remove(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.webhooks.remove(user, p.id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @OrgAdminOnly()
  @RequireAccess('webhook.owner')
  @ApiOperation({ summary: '重新启用被停用的 Webhook 地址' })
  @ApiOkResponse({ type: WebhookEndpointDto })
  enable(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<WebhookEndpointDto> {
    return this.webhooks.enable(user, p.id);
  }

  @Get(':id/deliveries')
  @OrgAdminOnly()
  @RequireAccess('webhook.owner')
  @ApiOperation({ summary: '投递记录：每次投递的状态和每一次尝试（状态码、错误、耗时）' })
  @ApiPageResponse(WebhookDeliveryDto)
  deliveries(@Param() p: IdParamDto, @Query() q: PageQueryDto): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.deliveries(p.id, q);
  }
}
