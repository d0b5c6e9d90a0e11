import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, IdParamDto } from '@app/core';
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
  list(@Query() q: InboxQueryDto, @CurrentUser() user: AuthUser) {
    return this.inbox.list(user, q);
  }

  @Get('unread-count')
  @ApiOperation({ summary: '未读通知数' })
  unreadCount(@CurrentUser() user: AuthUser) {
    return this.inbox.unreadCount(user);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读' })
  readAll(@CurrentUser() user: AuthUser) {
    return this.inbox.markAllRead(user);
  }

  @Get('preferences')
  @ApiOperation({ summary: '我的通知设置（每类事件、每个渠道：即时 / 每日汇总 / 不接收）' })
  getPreferences(@CurrentUser() user: AuthUser) {
    return this.preferences.get(user);
  }

  @Put('preferences')
  @ApiOperation({ summary: '修改通知设置（未列出的保持不变）' })
  updatePreferences(@Body() dto: UpdatePreferencesDto, @CurrentUser() user: AuthUser) {
    return this.preferences.update(user, dto.items);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读' })
  read(@Param() p: IdParamDto, @CurrentUser() user: AuthUser) {
    return this.inbox.markRead(user, p.id);
  }
}
