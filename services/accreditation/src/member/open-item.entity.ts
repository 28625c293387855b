import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReturnableDocument } from './termination.rules';

export type OpenItemStatus = 'open' | 'returned';

// A document the person must give back after termination (DOMAIN.md: "the platform tracks each as
// an open item"). One row per document and member.
@Entity({ name: 'member_open_item' })
@Index('member_open_item_member_document_key', ['memberId', 'document'], { unique: true })
export class OpenItemEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('text')
  document!: ReturnableDocument;

  @Column('text')
  reference!: string;

  @Column('date', { name: 'due_on' })
  dueOn!: string;

  @Column('text')
  status!: OpenItemStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
