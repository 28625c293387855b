import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

// The two-letter code OFM assigns to a sending state for its plates, and the next serial to issue.
@Entity({ name: 'plate_country_code' })
export class PlateCountryCodeEntity {
  // ISO 3166-1 alpha-2 of the sending state.
  @PrimaryColumn('text')
  country!: string;

  @Column('text')
  code!: string;

  @Column({ name: 'next_serial', type: 'int' })
  nextSerial!: number;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;
}
