// @ofm/messaging: events between services behind our own MessageBus port (kafkajs is one driver of it).
export * from './bus/message-bus.port';
export { KafkaMessageBus, type KafkaMessageBusOptions } from './kafka/kafka-message-bus';
export * from './codec/cloud-event.codec';
export * from './tracing/trace-context';
export * from './outbox/publish-event';
export * from './outbox/outbox-relay';
export { MessagingOutboxEvent } from './outbox/outbox-event.entity';
export { MessagingInboxEvent } from './inbox/inbox-event.entity';
export * from './inbox/consumer-runner';
export * from './dead-letter/dead-letter';
export * from './topics/provision-topics';
export * from './messaging.schema';
export { MessagingOutbox1700000000100 } from './migrations/1700000000100-messaging-outbox.migration';
export { MessagingInbox1700000000200 } from './migrations/1700000000200-messaging-inbox.migration';
export * from './start-messaging';
export type { MessagingLogger } from './logging/messaging-logger';
