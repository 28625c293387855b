import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { Public } from '../auth/public.decorator';
import { HealthRegistry, type HealthCheckOutcome } from './health.registry';

// Liveness says the process answers; readiness runs every registered check (2 s timeout each) and
// answers 503 naming the failed ones, so Kubernetes stops routing to a service that lost its database.
@Public()
@Controller('health')
export class HealthHttpController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: HealthRegistry,
  ) {}

  @Get('live')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) reply: { status(code: number): unknown },
  ): Promise<HealthCheckResult | string | object> {
    if (this.registry.isShuttingDown) {
      reply.status(503);
      return { status: 'shutting_down', info: {}, error: {}, details: {} };
    }
    try {
      const outcomes = await this.registry.runAll();
      return await this.health.check(outcomes.map((outcome) => this.indicator(outcome)));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // Terminus' 503 body (which check failed, and why) is the answer; the problem filter must not reword it.
      reply.status(503);
      return error.getResponse();
    }
  }

  private indicator(outcome: HealthCheckOutcome): HealthIndicatorFunction {
    return async () => {
      const session = this.indicators.check(outcome.name);
      return outcome.ok ? session.up() : session.down({ message: outcome.error ?? 'failed' });
    };
  }
}
