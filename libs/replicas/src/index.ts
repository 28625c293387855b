// @ofm/replicas: accreditation's members and missions as a consumer keeps them, from its events.
export * from './member-replica.entity';
export * from './mission-replica.entity';
export * from './replica.queries';
export * from './replica.writer';
export * from './accreditation-replica.consumer';
export * from './replicas.schema';
export { ReplicasAccreditation1700000000500 } from './migrations/1700000000500-replicas-accreditation.migration';
export { MemberReplicaOptionalImmunity1795879300300 } from './migrations/1795879300300-member-replica-optional-immunity.migration';
