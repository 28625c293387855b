import { messagingEntities, messagingMigrations } from '@ofm/messaging';
import { createDataSource, persistenceEntities, persistenceMigrations } from '@ofm/persistence';
import type { DataSource } from 'typeorm';
import { MemberEntity } from './member/member.entity';
import { OpenItemEntity } from './member/open-item.entity';
import { CreateMission1795879200000 } from './migrations/1795879200000-create-mission.migration';
import { CreateMember1795879200100 } from './migrations/1795879200100-create-member.migration';
import { CreateMemberOpenItem1795879200200 } from './migrations/1795879200200-create-member-open-item.migration';
import { MemberOptionalFacts1795879200300 } from './migrations/1795879200300-member-optional-facts.migration';
import { MissionEntity } from './mission/mission.entity';

export const accreditationEntities = [MissionEntity, MemberEntity, OpenItemEntity];
export const accreditationMigrations = [
  CreateMission1795879200000,
  CreateMember1795879200100,
  CreateMemberOpenItem1795879200200,
  MemberOptionalFacts1795879200300,
];

// Every entity and migration the service's database holds: the audit (persistence), the outbox and
// inbox (messaging) and the service's own. Migrations are listed, never globbed, so the bundle is exact.
export const createServiceDataSource = (url: string, poolSize?: number): DataSource =>
  createDataSource({
    url,
    applicationName: 'ofm-accreditation',
    entities: [...persistenceEntities, ...messagingEntities, ...accreditationEntities],
    migrations: [...persistenceMigrations, ...messagingMigrations, ...accreditationMigrations],
    ...(poolSize ? { poolSize } : {}),
  });
