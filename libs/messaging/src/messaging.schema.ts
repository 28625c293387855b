import { MessagingInboxEvent } from './inbox/inbox-event.entity';
import { MessagingInbox1700000000200 } from './migrations/1700000000200-messaging-inbox.migration';
import { MessagingInboxProcessedAt1700000000210 } from './migrations/1700000000210-messaging-inbox-processed-at.migration';
import { MessagingOutbox1700000000100 } from './migrations/1700000000100-messaging-outbox.migration';
import { MessagingOutboxEvent } from './outbox/outbox-event.entity';

// Spread into each service's DataSource lists (createDataSource in @ofm/persistence).
export const messagingEntities = [MessagingOutboxEvent, MessagingInboxEvent];
export const messagingMigrations = [
  MessagingOutbox1700000000100,
  MessagingInbox1700000000200,
  MessagingInboxProcessedAt1700000000210,
];
