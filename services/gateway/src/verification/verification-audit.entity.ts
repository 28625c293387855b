import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

// Every law-enforcement verification: who asked what, what they were told, and the trace to follow.
@Entity({ name: 'verification_audit' })
export class VerificationAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  // id-card | plate | licence
  @Column({ name: 'query_kind', type: 'text' })
  queryKind!: string;

  @Column({ name: 'query_value', type: 'text' })
  queryValue!: string;

  @Column({ name: 'result_status', type: 'text' })
  resultStatus!: string;

  @Column({ name: 'trace_id', type: 'text', nullable: true })
  traceId!: string | null;
}
