import { collectDefaultMetrics, Counter, Gauge, Histogram, register } from 'prom-client';

let defaultMetricsOn = false;

// Process metrics (CPU, memory, event loop, GC) once per process, however many apps a test starts.
export const ensureDefaultMetrics = (): void => {
  if (defaultMetricsOn) return;
  defaultMetricsOn = true;
  collectDefaultMetrics({ register });
};

// prom-client refuses a second registration of a name; tests and hybrid apps create things twice.
export const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> =>
  (register.getSingleMetric(name) as Counter<L> | undefined) ??
  new Counter<L>({ name, help, labelNames, registers: [register] });

export const histogram = <L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[],
  buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
): Histogram<L> =>
  (register.getSingleMetric(name) as Histogram<L> | undefined) ??
  new Histogram<L>({ name, help, labelNames, buckets, registers: [register] });

export const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]): Gauge<L> =>
  (register.getSingleMetric(name) as Gauge<L> | undefined) ??
  new Gauge<L>({ name, help, labelNames, registers: [register] });
