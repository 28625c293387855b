import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writtenServices } from '@ofm/registry';
import { parseAllDocuments } from 'yaml';

// The chart rendered by the real helm binary (scripts/deploy/check.sh installs it and runs this
// project, `deploy`, after). Not in the unit tier: that one runs before the tools are installed.
const ROOT = resolve(__dirname, '../../..');
const CHART = join(ROOT, 'helm/ofm-platform');
const HELM = process.env.HELM_BIN ?? join(ROOT, '.local/tools/bin/helm');
// helm built by go install assumes Kubernetes 1.20 unless told; check.sh validates against this one.
const KUBERNETES_VERSION = process.env.KUBERNETES_VERSION ?? '1.37.0';
const VALUES_FILES = ['values-production.yaml', 'values-test-cluster.yaml'];

interface K8sObject {
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
}

const helmTemplate = (args: string[]) =>
  spawnSync(HELM, ['template', 'ofm', CHART, '-n', 'ofm', '--kube-version', KUBERNETES_VERSION, ...args], {
    encoding: 'utf8',
  });

const render = (valuesFile: string, ...args: string[]): K8sObject[] => {
  const result = helmTemplate(['-f', join(CHART, valuesFile), ...args]);
  if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr}`);
  return parseAllDocuments(result.stdout)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
};

const ofService = (objects: K8sObject[], kind: string, service: string): K8sObject[] =>
  objects.filter((o) => o.kind === kind && o.metadata.labels?.['app.kubernetes.io/name'] === service);

beforeAll(() => {
  if (!existsSync(HELM)) throw new Error(`no helm at ${HELM}: run scripts/deploy/check.sh (it installs it)`);
});

describe('values.schema.json', () => {
  it.each([
    [
      'a misspelled default',
      ['--set', 'defaults.replicaCont=2'],
      "at '/defaults': additional properties 'replicaCont' not allowed",
    ],
    [
      'a misspelled key under a service',
      ['--set', 'services.vehicles.replcias=3'],
      "at '/services/vehicles': additional properties 'replcias' not allowed",
    ],
    ['a misspelled top-level key', ['--set', 'ingres.enabled=false'], "additional properties 'ingres' not allowed"],
    [
      'a misspelled service name (no ports)',
      ['--set', 'services.vehicels.replicas=3'],
      "at '/services/vehicels': missing properties 'ports'",
    ],
    ['no image', ['--set', 'image=null'], "missing property 'image'"],
    ['a wrong type', ['--set', 'defaults.replicas=two'], "at '/defaults/replicas'"],
  ])('refuses %s, naming it', (_what, args, problem) => {
    const result = helmTemplate(['-f', join(CHART, 'values-test-cluster.yaml'), ...args]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("values don't meet the specifications of the schema");
    expect(result.stderr).toContain(problem);
  });

  it('refuses a values file with a typo in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ofm-values-'));
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, 'services:\n  gateway:\n    replicaCont: 2\n');
    try {
      const result = helmTemplate(['-f', join(CHART, 'values-test-cluster.yaml'), '-f', file]);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain("at '/services/gateway': additional properties 'replicaCont' not allowed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to render without the Kafka brokers, saying which value is missing', () => {
    const result = helmTemplate([]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('kafka.brokers is required');
  });

  it('accepts both documented values files', () => {
    for (const file of VALUES_FILES) expect(render(file).length).toBeGreaterThan(0);
  });
});

describe.each(VALUES_FILES)('rendered with %s', (valuesFile) => {
  const objects = render(valuesFile);
  const services = writtenServices();

  it.each(services.map((s) => s.name))(
    'deploys %s with its Deployment, Service, NetworkPolicy, PDB and migration Job',
    (name) => {
      for (const kind of [
        'Deployment',
        'Service',
        'ServiceAccount',
        'ConfigMap',
        'NetworkPolicy',
        'PodDisruptionBudget',
      ])
        expect(ofService(objects, kind, name)).toHaveLength(1);
      const [migrate] = ofService(objects, 'Job', name);
      expect(migrate!.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      expect(migrate!.spec.template.spec.containers[0].command).toEqual(['node', `services/${name}/dist/migrate.js`]);
    },
  );

  it('deploys the services of the registry and nothing else', () => {
    const deployed = objects
      .filter((o) => o.kind === 'Deployment')
      .map((o) => o.metadata.labels!['app.kubernetes.io/name']);
    expect(deployed.sort()).toEqual(services.map((s) => s.name).sort());
  });

  it('lets a non-gateway service be reached from outside the namespace only by metrics scrapes from monitoring', () => {
    for (const s of services.filter((x) => !x.publicApi)) {
      const [policy] = ofService(objects, 'NetworkPolicy', s.name);
      expect(policy!.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      for (const rule of policy!.spec.ingress as { from: any[]; ports: { port: string }[] }[]) {
        for (const peer of rule.from) {
          if (peer.namespaceSelector) {
            expect(peer.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } });
            expect(rule.ports).toEqual([{ protocol: 'TCP', port: 'http' }]);
          } else {
            // Same namespace: the pods of the services that call it, by their selector labels.
            expect(Object.keys(peer)).toEqual(['podSelector']);
            expect(rule.ports).toEqual([{ protocol: 'TCP', port: 'grpc' }]);
          }
        }
      }
    }
  });

  it('lets the gateway reach the services it calls over gRPC, and them accept it', () => {
    const [gateway] = ofService(objects, 'NetworkPolicy', 'gateway');
    const egressTo = (gateway!.spec.egress as { to: any[] }[])
      .flatMap((r) => r.to)
      .map((p) => p.podSelector?.matchLabels?.['app.kubernetes.io/name']);
    for (const s of services.filter((x) => x.grpcPort !== null)) {
      expect(egressTo).toContain(s.name);
      const [policy] = ofService(objects, 'NetworkPolicy', s.name);
      const callers = (policy!.spec.ingress as { from: any[] }[])
        .flatMap((r) => r.from)
        .map((p) => p.podSelector?.matchLabels?.['app.kubernetes.io/name']);
      expect(callers).toContain('gateway');
    }
  });

  it('runs every pod hardened, and holds no secret value', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const pods = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job').map((o) => o.spec.template.spec);
    for (const pod of pods) {
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 10001,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      for (const c of pod.containers) {
        expect(c.securityContext).toMatchObject({
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
        });
        expect(c.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
        for (const e of c.env ?? []) expect(e.value === undefined || e.name !== 'DATABASE_URL').toBe(true);
      }
    }
  });

  it('makes a ServiceMonitor per service only when the Prometheus Operator API is there', () => {
    expect(objects.filter((o) => o.kind === 'ServiceMonitor')).toEqual([]);
    const withOperator = render(valuesFile, '--api-versions', 'monitoring.coreos.com/v1');
    expect(withOperator.filter((o) => o.kind === 'ServiceMonitor')).toHaveLength(services.length);
  });

  it("gives each migration Job its service's own settings (on install the ConfigMap is not there yet)", () => {
    const env = (o: K8sObject): Record<string, string> =>
      Object.fromEntries(
        (o.spec.template.spec.containers[0].env as { name: string; value?: string }[]).map((e) => [e.name, e.value!]),
      );
    const set = render(valuesFile, '--set-string', 'services.vehicles.env.DISPOSAL_DUE_DAYS=45');
    const job = ofService(set, 'Job', 'vehicles').find((o) => o.metadata.name.endsWith('-migrate'))!;
    const config = ofService(set, 'ConfigMap', 'vehicles')[0]!;
    expect(env(job).DISPOSAL_DUE_DAYS).toBe('45');
    expect((config as unknown as { data: Record<string, string> }).data.DISPOSAL_DUE_DAYS).toBe('45');
  });
});
