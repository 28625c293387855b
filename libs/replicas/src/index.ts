// @ofm/replicas: accreditation's members and missions, and reciprocity's country profiles, as a
// consumer keeps them from their events.
export * from './member-replica.entity';
export * from './mission-replica.entity';
export * from './replica.queries';
export * from './replica.writer';
export * from './accreditation-replica.consumer';
export * from './replicas.schema';
export { ReplicasAccreditation1700000000500 } from './migrations/1700000000500-replicas-accreditation.migration';
export { MemberReplicaOptionalImmunity1795879300300 } from './migrations/1795879300300-member-replica-optional-immunity.migration';
export { MemberReplicaUsCitizen1795879300450 } from './migrations/1795879300450-member-replica-us-citizen.migration';
export * from './reciprocity-profile-replica.entity';
export * from './reciprocity-profile.replica';
export { ReplicasReciprocityProfile1795879200500 } from './migrations/1795879200500-replicas-reciprocity-profile.migration';
