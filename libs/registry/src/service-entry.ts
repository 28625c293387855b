/** One service of the platform: what everything that starts, wires or describes it needs to know. */
export interface ServiceEntry {
  /**
   * The folder services/<name>/ (its dist/main.js and dist/migrate.js), the image ofm/<name>,
   * ce_source /ofm/<name> and the consumer group ofm.<name>.
   */
  readonly name: string;
  /** What it is for, in a few words (tables of `ofm registry`, the README). */
  readonly summary: string;
  /** GRPC_PORT; null when it serves no gRPC (the gateway). The same port in every environment. */
  readonly grpcPort: number | null;
  /** HTTP_PORT: /health/live, /health/ready, /metrics (and the REST API for the gateway). */
  readonly httpPort: number;
  /** Its database and the role that owns it (the same name); no other service may connect to it. */
  readonly database: string;
  /** It serves the public REST API: it trusts the identity provider and is what users reach. */
  readonly publicApi?: boolean;
  /** Not written yet: it has a database and a compose entry (profile `all`), and nothing starts it. */
  readonly planned?: boolean;
  /** Topics it publishes on (its own, and shared ones such as the compliance flags). */
  readonly publishes: readonly string[];
  /** Topics its consumer group ofm.<name> reads. */
  readonly consumes: readonly string[];
  /** gRPC services it serves, by full name (ofm.accreditation.v1.MemberService); grpc.health.v1 is implied. */
  readonly grpcServices: readonly string[];
  /** The .proto files (relative to proto/) that declare its gRPC services. */
  readonly protoFiles: readonly string[];
  /** gRPC services of other services it calls, by full name: it gets <SERVICE>_GRPC_URL for each server. */
  readonly calls: readonly string[];
}
