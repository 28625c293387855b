import { startTelemetry } from '@ofm/platform/telemetry';
startTelemetry('insights');
// Everything else is loaded after telemetry so that its instrumentations can patch the modules.
// (nodenext keeps import() as is, so the specifier names the emitted file.)
void import('./bootstrap.js').then((m) => m.bootstrap());
