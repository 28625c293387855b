import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A row per event a consumer group has applied, written in the same transaction as the effect: a
// redelivered event finds its row and is skipped, so effects happen once.
@Entity({ name: 'inbox_event' })
@Index('inbox_event_processed_at_idx', ['processedAt'])
export class MessagingInboxEvent {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'integer' })
  partition!: number;

  @Column({ name: 'offset', type: 'bigint' })
  offset!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
