import { messagingEntities, messagingMigrations } from '@ofm/messaging';
import type { ServiceDatabase } from '@ofm/persistence';
import { MemberEntity } from './member/member.entity';
import { OpenItemEntity } from './member/open-item.entity';
import { CreateMission1795879200000 } from './migrations/1795879200000-create-mission.migration';
import { CreateMember1795879200100 } from './migrations/1795879200100-create-member.migration';
import { CreateMemberOpenItem1795879200200 } from './migrations/1795879200200-create-member-open-item.migration';
import { MemberOptionalFacts1795879200300 } from './migrations/1795879200300-member-optional-facts.migration';
import { MemberDepartureExtension1795879200400 } from './migrations/1795879200400-member-departure-extension.migration';
import { MissionEntity } from './mission/mission.entity';

// Every entity and migration of the service's database, listed (never globbed): the outbox and inbox
// (messaging) and its own; the audit and command receipts (persistence) are always added.
export const accreditationDatabase: ServiceDatabase = {
  serviceName: 'accreditation',
  entities: [...messagingEntities, MissionEntity, MemberEntity, OpenItemEntity],
  migrations: [
    ...messagingMigrations,
    CreateMission1795879200000,
    CreateMember1795879200100,
    CreateMemberOpenItem1795879200200,
    MemberOptionalFacts1795879200300,
    MemberDepartureExtension1795879200400,
  ],
};
