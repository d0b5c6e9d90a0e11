import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { request } from 'node:http';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Public } from '../auth/auth.decorators';
import { RedisService } from '../redis/redis.service';
import { ErrorResponseDto } from '../errors/error-response.dto';
import { HealthCheckResultDto } from './health-check-result.dto';

function meiliHealthy(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${host}/health`, { timeout: 1500 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  // Documented below: terminus's generic schema would describe the 503 in its own shape, not ours.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthCheckResultDto, description: '全部依赖服务可用' })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: '部分依赖服务不可用（details 逐项列出 up / down）' })
  @ApiOperation({ summary: '服务健康状况：PostgreSQL、Redis、Meilisearch 分别报告；任一不可用时返回 503' })
  check() {
    return this.health.check([() => this.db.pingCheck('postgres', { timeout: 1500 }), () => this.redisCheck(), () => this.meiliCheck()]);
  }

  private async redisCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('redis');
    try {
      const pong = await Promise.race([
        this.redis.client.ping(),
        new Promise<string>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1500)),
      ]);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: 'unexpected reply' });
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }

  private async meiliCheck(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('meilisearch');
    return (await meiliHealthy(this.config.meiliHost)) ? indicator.up() : indicator.down({ message: 'unreachable' });
  }
}
