import { missions } from '@ofm/contracts';
import type { EntityManager } from 'typeorm';
import { toMessage } from '../shared/message.util';
import { MissionEntity } from './mission.entity';

export const missionToProto = (m: MissionEntity): missions.Mission => toMessage(missions.Mission, m);

/** A mission's name, as a verification shows it (every member's mission exists: a foreign key). */
export const missionNameOf = async (em: EntityManager, missionId: string): Promise<string> =>
  (await em.findOneOrFail(MissionEntity, { where: { id: missionId }, select: { id: true, name: true } })).name;
