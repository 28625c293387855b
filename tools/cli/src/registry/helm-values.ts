import { upstreamsOf, writtenServices, type ServiceEntry } from '@ofm/registry';

// The services section of helm/ofm-platform/values.yaml: one entry per written service with what
// the chart templates from it (ports, database, the services it calls, for its environment and its
// NetworkPolicy). The rest of values.yaml is written by hand; operators override a service's
// replicas, resources, env... under the same key in their own values file.
export const HELM_VALUES_BEGIN =
  '# BEGIN services: generated from libs/registry by `npx ofm registry generate`; edit the registry, not this section';
export const HELM_VALUES_END = '# END services';

const serviceValues = (s: ServiceEntry, services: readonly ServiceEntry[]): string => {
  const ports = s.grpcPort === null ? `{ http: ${s.httpPort} }` : `{ http: ${s.httpPort}, grpc: ${s.grpcPort} }`;
  const calls = upstreamsOf(s.name, services).map((u) => u.name);
  return [
    `  ${s.name}:`,
    `    # ${s.summary}`,
    ...(s.publicApi ? ['    publicApi: true'] : []),
    `    ports: ${ports}`,
    `    database: ${s.database}`,
    `    calls: [${calls.join(', ')}]`,
  ].join('\n');
};

export const helmServicesSection = (services: readonly ServiceEntry[]): string =>
  ['services:', ...writtenServices(services).map((s) => serviceValues(s, services))].join('\n');

/** values.yaml with the text between the markers replaced; throws when a marker is missing. */
export const withHelmServices = (values: string, services: readonly ServiceEntry[]): string => {
  const begin = values.indexOf(HELM_VALUES_BEGIN);
  const end = values.indexOf(HELM_VALUES_END);
  if (begin < 0 || end < begin)
    throw new Error(
      `helm/ofm-platform/values.yaml: the markers "${HELM_VALUES_BEGIN}" … "${HELM_VALUES_END}" are missing`,
    );
  return `${values.slice(0, begin + HELM_VALUES_BEGIN.length)}\n${helmServicesSection(services)}\n${values.slice(end)}`;
};
