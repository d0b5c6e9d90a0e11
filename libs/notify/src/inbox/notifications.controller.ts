import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, AuthUser, CurrentUser, IdParamDto, Page } from '@app/core';
import { NotificationDto, PreferencesDto, ReadAllResultDto, UnreadCountDto } from '../dto/notification-view.dto';
import { InboxQueryDto, UpdatePreferencesDto } from '../dto/notify.dto';
import { PreferencesService } from '../preferences/preferences.service';
import { InboxService } from './inbox.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
  ) {}

  @Get()
  @ApiOperation({ summary: '我的站内通知（未读在前，按时间倒序，分页）' })
  @ApiPageResponse(NotificationDto)
  list(@Query() q: InboxQueryDto, @CurrentUser() user: AuthUser): Promise<Page<NotificationDto>> {
    return this.inbox.list(user, q);
  }

  @Get('unread-count')
  @ApiOperation({ summary: '未读通知数' })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return this.inbox.unreadCount(user);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读' })
  @ApiOkResponse({ type: ReadAllResultDto })
  readAll(@CurrentUser() user: AuthUser): Promise<ReadAllResultDto> {
    return this.inbox.markAllRead(user);
  }

  @Get('preferences')
  @ApiOperation({ summary: '我的通知设置（每类事件、每个渠道：即时 / 每日汇总 / 不接收）' })
  @ApiOkResponse({ type: PreferencesDto })
  getPreferences(@CurrentUser() user: AuthUser): Promise<PreferencesDto> {
    return this.preferences.get(user);
  }

  @Put('preferences')
  @ApiOperation({ summary: '修改通知设置（未列出的保持不变）' })
  @ApiOkResponse({ type: PreferencesDto, description: '修改后的全部通知设置' })
  updatePreferences(@Body() dto: UpdatePreferencesDto, @CurrentUser() user: AuthUser): Promise<PreferencesDto> {
    return this.preferences.update(user, dto.items);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读' })
  @ApiOkResponse({ type: NotificationDto })
  read(@Param() p: IdParamDto, @CurrentUser() user: AuthUser): Promise<NotificationDto> {
    return this.inbox.markRead(user, p.id);
  }
}
