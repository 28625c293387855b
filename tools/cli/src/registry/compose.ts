import { grpcUrlVar, localDatabaseUrl, upstreamsOf, writtenServices, type ServiceEntry } from '@ofm/registry';
import { generatedNotice } from './generated-notice';

// deploy/compose.yaml: PostgreSQL and Kafka as they are, then one container per service of the
// registry with the ports and environment deploy/local/services.sh gives it; planned services sit
// behind the "all" profile. Written as text (not through a YAML library) to keep the comments and
// anchors, in the form prettier leaves as it is.

const serviceBlock = (s: ServiceEntry, services: readonly ServiceEntry[]): string => {
  const ports = [...(s.grpcPort === null ? [] : [s.grpcPort]), s.httpPort].map((p) => `'127.0.0.1:${p}:${p}'`);
  const upstreams = upstreamsOf(s.name, services);
  const lines = [
    `  ${s.name}:`,
    '    <<: *service',
    ...(s.planned ? ['    profiles: [all]'] : []),
    `    build: { <<: *build, args: { SERVICE: ${s.name} } }`,
    `    image: ofm/${s.name}:local`,
    `    ports: [${ports.join(', ')}]`,
    '    environment:',
    `      DATABASE_URL: ${localDatabaseUrl(s, 'postgres:5432')}`,
    '      KAFKA_BROKERS: *kafka-brokers',
    ...(s.grpcPort === null ? [] : [`      GRPC_PORT: ${s.grpcPort}`]),
    `      HTTP_PORT: ${s.httpPort}`,
    ...upstreams.map((u) => `      ${grpcUrlVar(u.name)}: ${u.name}:${u.grpcPort}`),
  ];
  if (s.publicApi) {
    lines.push(
      '      # Local tokens (`npx ofm token`) are signed with the key pair the CLI keeps in .local/dev-auth.',
      "      AUTH_DEV_MODE: 'true'",
      '      # The image says production, where the gateway refuses development keys (its config).',
      '      NODE_ENV: development',
      "    volumes: ['../.local/dev-auth:/app/.local/dev-auth:ro']",
    );
  }
  if (upstreams.length > 0) {
    lines.push(
      '    depends_on:',
      '      postgres: { condition: service_healthy }',
      '      kafka: { condition: service_healthy }',
      // Healthy, not just started: the image's HEALTHCHECK says the upstream answers.
      ...upstreams.map((u) => `      ${u.name}: { condition: service_healthy }`),
    );
  }
  return lines.join('\n');
};

export const composeYaml = (services: readonly ServiceEntry[]): string => {
  const written = writtenServices(services);
  const planned = services.filter((s) => s.planned);
  const blocks = [
    ...written.map((s) => serviceBlock(s, services)),
    ...planned.map(
      (s, i) =>
        (i === 0
          ? '  # Not written yet: behind the "all" profile so that a plain `up` does not try to build them.\n'
          : '') + serviceBlock(s, services),
    ),
  ];
  return `${generatedNotice('#')}
# The whole platform in containers (needs a Docker engine; tests and CI use deploy/local instead):
#   docker compose -f deploy/compose.yaml up --build                # infra + ${written.map((s) => s.name).join(', ')}
#   docker compose -f deploy/compose.yaml --profile all up --build  # + the services not written yet
# Host ports are those of deploy/local (5432, 9092, 8080, ...): run \`deploy/local/infra.sh down\` first.
# Passwords here are local-development values; production takes them from Kubernetes Secrets.
name: ofm

x-build: &build
  context: ..
  dockerfile: deploy/docker/Dockerfile

x-service: &service
  restart: unless-stopped
  init: true # reaps children and forwards SIGTERM, so shutdown hooks run
  read_only: true
  tmpfs: [/tmp]
  # The image's HEALTHCHECK (deploy/docker/healthcheck.js: GET /health/live on HTTP_PORT), spelled out
  # so that scripts/deploy-images/check.sh sees every service has one.
  healthcheck:
    test: ['CMD', 'node', 'healthcheck.js']
    interval: 10s
    timeout: 3s
    start_period: 30s
    retries: 3
  depends_on:
    postgres: { condition: service_healthy }
    kafka: { condition: service_healthy }

x-kafka-brokers: &kafka-brokers kafka:19092

services:
  postgres:
    image: postgres:15
    command: ['postgres', '-c', 'max_connections=300']
    environment:
      POSTGRES_PASSWORD: postgres
    ports: ['127.0.0.1:5432:5432']
    volumes:
      - pgdata:/var/lib/postgresql/data
      # The same roles and databases as deploy/local/databases.sh (run once, when the volume is new).
      - ./local/databases.sql:/docker-entrypoint-initdb.d/10-ofm-databases.sql:ro
    healthcheck:
      test: ['CMD', 'pg_isready', '-h', '127.0.0.1', '-U', 'postgres']
      interval: 5s
      retries: 30

  kafka:
    image: apache/kafka:4.1.1 # same version as deploy/local/kafka.sh
    environment:
      CLUSTER_ID: CMzi42xPTneEU9pp0lqj3Q # any base64 UUID; fixed so the volume stays valid
      KAFKA_NODE_ID: 1
      KAFKA_PROCESS_ROLES: broker,controller
      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@kafka:9093
      # Containers reach the broker as kafka:19092; the host as 127.0.0.1:9092, as with deploy/local.
      KAFKA_LISTENERS: INTERNAL://:19092,HOST://:9092,CONTROLLER://:9093
      KAFKA_ADVERTISED_LISTENERS: INTERNAL://kafka:19092,HOST://127.0.0.1:9092
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: INTERNAL:PLAINTEXT,HOST:PLAINTEXT,CONTROLLER:PLAINTEXT
      KAFKA_INTER_BROKER_LISTENER_NAME: INTERNAL
      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER
      KAFKA_LOG_DIRS: /var/lib/kafka/data
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' # libs/messaging provisions topics
      KAFKA_NUM_PARTITIONS: 3
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: 1
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: 1
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0
      KAFKA_HEAP_OPTS: -Xmx512m -Xms256m
    ports: ['127.0.0.1:9092:9092']
    volumes: [kafkadata:/var/lib/kafka/data]
    healthcheck:
      test: ['CMD-SHELL', '/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:19092 --list >/dev/null']
      interval: 10s
      start_period: 20s
      retries: 12

${blocks.join('\n\n')}

volumes:
  pgdata:
  kafkadata:
`;
};
