import { gauge, counter } from '../metrics/prometheus';

// A count of work in progress with a ceiling: admit() says at once whether one more fits. Nothing
// waits in a queue: past capacity the caller is refused and told to come back, so an admitted
// request is never slowed by those behind it and a refused one knows it did not run.
export class Capacity {
  private current = 0;
  private readonly inFlight;
  private readonly shed;

  constructor(
    readonly name: 'http' | 'grpc',
    readonly limit: number,
  ) {
    this.inFlight = gauge('ofm_load_in_flight', 'Requests being served, by server (http, grpc)', ['server'] as const);
    this.shed = counter('ofm_load_shed_total', 'Requests refused at capacity, by server (http, grpc)', [
      'server',
    ] as const);
  }

  get used(): number {
    return this.current;
  }

  /** A release function when there is room (call it exactly once, when the work ends), else undefined. */
  admit(): (() => void) | undefined {
    if (this.current >= this.limit) {
      this.shed.inc({ server: this.name });
      return undefined;
    }
    this.current += 1;
    this.inFlight.set({ server: this.name }, this.current);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.current -= 1;
      this.inFlight.set({ server: this.name }, this.current);
    };
  }
}
