import { Controller, Get, Header } from '@nestjs/common';
import { register } from 'prom-client';
import { Public } from '../auth/public.decorator';

// Prometheus scrape endpoint (text exposition format 0.0.4) over the default registry.
@Public()
@Controller()
export class MetricsHttpController {
  @Get('metrics')
  @Header('content-type', register.contentType)
  metrics(): Promise<string> {
    return register.metrics();
  }
}
