import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// A row per event written by publishEvent in the caller's transaction; the relay publishes it and stamps
// published_at. `seq` gives the publishing order, `id` is the event's ce_id.
@Entity({ name: 'outbox_event' })
@Index('outbox_event_unpublished_idx', ['seq'], { where: 'published_at IS NULL' })
@Index('outbox_event_published_at_idx', ['publishedAt'], { where: 'published_at IS NOT NULL' })
export class MessagingOutboxEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column({ type: 'uuid', unique: true })
  id!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'timestamptz' })
  time!: Date;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  @Column({ type: 'text', nullable: true })
  traceparent!: string | null;

  @Column({ type: 'text', nullable: true })
  tracestate!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
