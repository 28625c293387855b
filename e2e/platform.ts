// The e2e suites share the platform runner of @ofm/testing (the benchmarks use it too).
export { api, startPlatform, type ApiAnswer, type RunningPlatform } from '@ofm/testing';
