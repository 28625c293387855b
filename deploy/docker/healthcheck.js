// The container's health: the service's liveness endpoint on the port it listens on (HTTP_PORT, read by
// every service through libs/platform config; 8080, the gateway's, when unset). Used by the image's
// HEALTHCHECK and by compose.yaml; Kubernetes probes the same endpoints directly (helm/ofm-platform).
'use strict';
const port = process.env.HTTP_PORT || '8080';
fetch(`http://127.0.0.1:${port}/health/live`, { signal: AbortSignal.timeout(2500) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
