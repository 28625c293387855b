import { startTelemetry } from '@ofm/platform/telemetry';
startTelemetry('vehicles');
// Everything else is loaded after telemetry so that its instrumentations can patch the modules.
// (".js": under nodenext a dynamic import resolves like ESM, which needs the extension.)
void import('./bootstrap.js').then((m) => m.bootstrap());
