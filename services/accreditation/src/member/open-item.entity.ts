import type { OpenItemStatus, ReturnedDocument } from '@ofm/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// A document the person must give back after termination (DOMAIN.md: "the platform tracks each as
// an open item"). One row per document, reference and member (plates: one per vehicle); document,
// reference, dueOn, status and returnedOn are the fields of ofm.accreditation.v1.OpenItem.
@Entity({ name: 'member_open_item' })
@Index('member_open_item_member_document_reference_key', ['memberId', 'document', 'reference'], { unique: true })
export class OpenItemEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('text')
  document!: ReturnedDocument;

  @Column('text')
  reference!: string;

  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Column('text')
  status!: OpenItemStatus;

  @Column('date', { name: 'returned_on', nullable: true })
  returnedOn!: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
