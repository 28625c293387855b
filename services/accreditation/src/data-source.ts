import { messagingEntities, messagingMigrations } from '@ofm/messaging';
import type { ServiceDatabase } from '@ofm/persistence';
import { profileReplicaEntities, profileReplicaMigrations } from '@ofm/replicas';
import { IdCardReportEntity } from './id-card/id-card-report.entity';
import { MemberEntity } from './member/member.entity';
import { OpenItemEntity } from './member/open-item.entity';
import { CreateMission1795879200000 } from './migrations/1795879200000-create-mission.migration';
import { CreateMember1795879200100 } from './migrations/1795879200100-create-member.migration';
import { CreateMemberOpenItem1795879200200 } from './migrations/1795879200200-create-member-open-item.migration';
import { MemberOptionalFacts1795879200300 } from './migrations/1795879200300-member-optional-facts.migration';
import { MemberDepartureExtension1795879200400 } from './migrations/1795879200400-member-departure-extension.migration';
import { MemberReciprocity1795879200500 } from './migrations/1795879200500-member-reciprocity.migration';
import { MemberLifecycle1795879200600 } from './migrations/1795879200600-member-lifecycle.migration';
import { CreateTravelNotification1795879200700 } from './migrations/1795879200700-create-travel-notification.migration';
import { TerminationChecklist1795879200800 } from './migrations/1795879200800-termination-checklist.migration';
import { MemberChecklistEntity } from './member/member-checklist.entity';
import { MissionEntity } from './mission/mission.entity';
import { TenureRecertification1795879200850 } from './migrations/1795879200850-tenure-recertification.migration';
import { MemberTenureFlagEntity } from './tenure/member-tenure-flag.entity';
import { TravelNotificationEntity } from './travel-notification/travel-notification.entity';

// Every entity and migration of the service's database, listed (never globbed): the outbox and inbox
// (messaging) and its own; the audit and command receipts (persistence) are always added.
export const accreditationDatabase: ServiceDatabase = {
  serviceName: 'accreditation',
  entities: [
    ...messagingEntities,
    ...profileReplicaEntities,
    MissionEntity,
    MemberEntity,
    OpenItemEntity,
    IdCardReportEntity,
    TravelNotificationEntity,
    MemberChecklistEntity,
    MemberTenureFlagEntity,
  ],
  migrations: [
    ...messagingMigrations,
    ...profileReplicaMigrations,
    CreateMission1795879200000,
    CreateMember1795879200100,
    CreateMemberOpenItem1795879200200,
    MemberOptionalFacts1795879200300,
    MemberDepartureExtension1795879200400,
    MemberReciprocity1795879200500,
    MemberLifecycle1795879200600,
    CreateTravelNotification1795879200700,
    TerminationChecklist1795879200800,
    TenureRecertification1795879200850,
  ],
};
