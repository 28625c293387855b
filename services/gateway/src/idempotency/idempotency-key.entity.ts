import { Column, Entity, PrimaryColumn } from 'typeorm';

// One row per (caller, Idempotency-Key): the request it was first used for and, once answered, the
// answer to replay. Keys are scoped per subject so that two callers can never see each other's answers.
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column('text')
  method!: string;

  @Column('text')
  path!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  // in-flight | completed
  @Column('text')
  status!: string;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_headers', type: 'jsonb', nullable: true })
  responseHeaders!: Record<string, string> | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
