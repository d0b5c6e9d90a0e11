import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One dependency's state, as @nestjs/terminus reports it. */
export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'], description: 'up 可用 / down 不可用' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ example: 'unreachable', description: '不可用的原因' })
  message?: string;
}

/** The dependencies the API checks, each by name. */
export class HealthIndicatorsDto {
  @ApiProperty({ type: HealthIndicatorDto, description: 'PostgreSQL' })
  postgres!: HealthIndicatorDto;

  @ApiProperty({ type: HealthIndicatorDto, description: 'Redis' })
  redis!: HealthIndicatorDto;

  @ApiProperty({ type: HealthIndicatorDto, description: 'Meilisearch' })
  meilisearch!: HealthIndicatorDto;
}

/** Dependencies that are down (none when the check succeeds). */
export class HealthErrorsDto {
  @ApiPropertyOptional({ type: HealthIndicatorDto })
  postgres?: HealthIndicatorDto;

  @ApiPropertyOptional({ type: HealthIndicatorDto })
  redis?: HealthIndicatorDto;

  @ApiPropertyOptional({ type: HealthIndicatorDto })
  meilisearch?: HealthIndicatorDto;
}

/**
 * A successful health check (200): every dependency is up. When one is down the answer is a 503
 * in the shape of every error, one detail per dependency.
 */
export class HealthCheckResultDto {
  @ApiProperty({ enum: ['ok'], description: '整体状态：全部可用时为 ok' })
  status!: 'ok';

  @ApiProperty({ type: HealthIndicatorsDto, description: '可用的依赖服务' })
  info!: HealthIndicatorsDto;

  @ApiProperty({ type: HealthErrorsDto, description: '不可用的依赖服务（成功时为空对象）' })
  error!: HealthErrorsDto;

  @ApiProperty({ type: HealthIndicatorsDto, description: '全部依赖服务的状态' })
  details!: HealthIndicatorsDto;
}
