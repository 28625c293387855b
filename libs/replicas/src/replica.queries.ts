import type { EntityManager } from 'typeorm';
import { MemberReplicaEntity } from './member-replica.entity';
import { MissionReplicaEntity } from './mission-replica.entity';

export const findMemberReplica = (em: EntityManager, id: string): Promise<MemberReplicaEntity | null> =>
  em.findOneBy(MemberReplicaEntity, { id });

export const findMissionReplica = (em: EntityManager, id: string): Promise<MissionReplicaEntity | null> =>
  em.findOneBy(MissionReplicaEntity, { id });
