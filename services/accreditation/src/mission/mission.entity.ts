import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { MissionStatus, MissionType, RegionalOffice } from './mission.model';

// Address and location are flat columns rather than jsonb: they are filtered and exported per field
// (regional office reports, GeoJSON), and a column says what it holds.
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

  @Column('text', { name: 'address_line1' })
  addressLine1!: string;

  @Column('text', { name: 'address_city' })
  addressCity!: string;

  @Column('text', { name: 'address_state' })
  addressState!: string;

  @Column('text', { name: 'address_postal_code' })
  addressPostalCode!: string;

  @Column('double precision', { name: 'location_lat' })
  locationLat!: number;

  @Column('double precision', { name: 'location_lon' })
  locationLon!: number;

  @Column('text', { name: 'consular_district', nullable: true })
  consularDistrict!: string | null;

  @Column('text')
  status!: MissionStatus;

  @Column('text', { name: 'regional_office' })
  regionalOffice!: RegionalOffice;

  // Explicit rather than @VersionColumn: writers lock the row and bump it themselves, so the value
  // they audit and publish is the value stored.
  @Column('int')
  version!: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
