import type { MissionStatus, MissionType, RegionalOffice } from '@ofm/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

// The mission as stored. Property names are the fields of ofm.accreditation.v1.Mission (and of the
// RegisterMissionRequest that creates it), so a row reads as its message without naming a field
// (shared/message.util.ts); a nullable column is an optional field, null when absent.

// Address and location are flat columns rather than jsonb: they are filtered and exported per field
// (regional office reports, GeoJSON), and a column says what it holds. Embedded, they read as the
// message's address and location.
export class AddressColumns {
  @Column('text', { name: 'address_line1' })
  line1!: string;

  @Column('text', { name: 'address_city' })
  city!: string;

  @Column('text', { name: 'address_state' })
  state!: string;

  @Column('text', { name: 'address_postal_code' })
  postalCode!: string;
}

export class LocationColumns {
  @Column('double precision', { name: 'location_lat' })
  lat!: number;

  @Column('double precision', { name: 'location_lon' })
  lon!: number;
}

// Mission.recertification (recertification/): the last confirmation of the staff list and the next due date.
export class RecertificationColumns {
  @Column('date', { name: 'recertification_last_confirmed_on', nullable: true })
  lastConfirmedOn!: string | null;

  @Column('text', { name: 'recertification_last_confirmed_by', nullable: true })
  lastConfirmedBy!: string | null;

  @Column('date', { name: 'recertification_due_on' })
  dueOn!: string;
}

@Entity({ name: 'mission' })
@Index('mission_created_at_id_idx', ['createdAt', 'id'])
export class MissionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Index('mission_country_idx')
  @Column('text')
  country!: string;

  @Column('text')
  type!: MissionType;

  @Column('text', { name: 'consular_class', nullable: true })
  consularClass!: string | null;

  @Column(() => AddressColumns, { prefix: false })
  address!: AddressColumns;

  @Column(() => LocationColumns, { prefix: false })
  location!: LocationColumns;

  @Column('text', { name: 'consular_district', nullable: true })
  consularDistrict!: string | null;

  @Column('text')
  status!: MissionStatus;

  @Column('text', { name: 'regional_office' })
  regionalOffice!: RegionalOffice;

  @Column(() => RecertificationColumns, { prefix: false })
  recertification!: RecertificationColumns;

  // Not part of the message: the recertification-overdue flag open on the mission, if any.
  @Column('uuid', { name: 'recertification_flag_id', nullable: true })
  recertificationFlagId!: string | null;

  // Explicit rather than @VersionColumn: writers lock the row and bump it themselves, so the value
  // they audit and publish is the value stored.
  @Column('int')
  version!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
