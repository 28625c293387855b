import type { IdCardLossKind } from '@ofm/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// An ID card number reported lost or stolen. The member's row then holds the replacement's number,
// so the reported one lives here: a verification of it answers reported-lost / reported-stolen.
@Entity({ name: 'id_card_report' })
export class IdCardReportEntity {
  @PrimaryColumn('text')
  number!: string;

  @Index('id_card_report_member_id_idx')
  @Column('uuid', { name: 'member_id' })
  memberId!: string;

  @Column('text')
  kind!: IdCardLossKind;

  @Column('date', { name: 'reported_on' })
  reportedOn!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
