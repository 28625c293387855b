import { Injectable } from '@nestjs/common';
import { isoDateOf } from './calendar';

// The service's notion of "now" and "today", injectable so that tests can move time. Dates are UTC
// calendar dates: policy and registration dates carry no zone, and one zone for all regional
// offices keeps a lapse from being seen on different days by different replicas.
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  today(): string {
    return isoDateOf(this.now());
  }
}
