import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators.js';
import { keepAnswer } from '../read-cache/read-cache.js';

/** What a check with no indicators answers (terminus's shape, as before), serialized once. */
const LIVE = keepAnswer({ status: 'ok', info: {}, error: {}, details: {} });

/** Probes for load balancers and orchestrators: `/api/health/live` and `/api/health/ready`. */
@ApiTags('health')
@SkipThrottle()
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** Answered without terminus (whose check machinery was a tenth of this route's cost): the same body, made once. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ description: 'Always `{"status":"ok","info":{},"error":{},"details":{}}` while the process runs' })
  live(): typeof LIVE {
    return LIVE;
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database answers; 503 DATABASE_UNAVAILABLE when it does not' })
  ready() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 })]);
  }
}
