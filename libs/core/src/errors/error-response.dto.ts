import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'creditCode' }) field?: string;
  @ApiPropertyOptional() row?: number;
  @ApiPropertyOptional() column?: string;
  @ApiProperty({ example: '统一社会信用代码校验位不正确' }) message!: string;
}

/** The one shape every error response has. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) error!: string;
  @ApiProperty({ example: '请求参数有误：creditCode 统一社会信用代码校验位不正确' }) message!: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
  @ApiPropertyOptional({ description: '服务器内部错误的编号，便于排查' }) errorId?: string;
}
