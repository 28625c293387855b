import { startTelemetry } from '@ofm/platform/telemetry';
startTelemetry('gateway');
// Everything else is loaded after telemetry so that its instrumentations can patch the modules.
void import('./bootstrap.js').then((m) => m.bootstrap());
