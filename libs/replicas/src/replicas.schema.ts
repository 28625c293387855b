import { ReplicasReciprocityProfile1795879200500 } from './migrations/1795879200500-replicas-reciprocity-profile.migration';
import { ReciprocityProfileReplicaEntity } from './reciprocity-profile-replica.entity';
import { MemberReplicaEntity } from './member-replica.entity';
import { MissionReplicaEntity } from './mission-replica.entity';
import { ReplicasAccreditation1700000000500 } from './migrations/1700000000500-replicas-accreditation.migration';
import { MemberReplicaOptionalImmunity1795879300300 } from './migrations/1795879300300-member-replica-optional-immunity.migration';
import { MemberReplicaUsCitizen1795879300450 } from './migrations/1795879300450-member-replica-us-citizen.migration';

/** The replica's tables, for a consumer's data source (entities and migrations, listed like messaging's). */
export const replicaEntities = [MemberReplicaEntity, MissionReplicaEntity];
export const replicaMigrations = [
  ReplicasAccreditation1700000000500,
  MemberReplicaOptionalImmunity1795879300300,
  MemberReplicaUsCitizen1795879300450,
];

/** The replica of reciprocity's country profiles: separate, since not every consumer needs both. */
export const profileReplicaEntities = [ReciprocityProfileReplicaEntity];
export const profileReplicaMigrations = [ReplicasReciprocityProfile1795879200500];
