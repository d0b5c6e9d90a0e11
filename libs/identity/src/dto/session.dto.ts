import { ApiProperty } from '@nestjs/swagger';

/** One signed-in device or program of the user (a refresh-token family). */
export class SessionViewDto {
  @ApiProperty({ format: 'uuid', description: '会话编号（用于退出该会话）' }) id!: string;
  @ApiProperty({ format: 'date-time', description: '登录时间' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: '最近一次使用（刷新令牌）的时间' }) lastUsedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: '最近一次使用的网络地址' }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '浏览器或程序（User-Agent）' }) userAgent!: string | null;
  @ApiProperty({ description: '是否为本次请求所用的会话' }) current!: boolean;
}
