import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTravelNotification1795879200700 implements MigrationInterface {
  name = 'CreateTravelNotification1795879200700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE travel_notification (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member (id),
        mission_id uuid NOT NULL REFERENCES mission (id),
        destination_name text NOT NULL,
        destination_lat double precision NOT NULL,
        destination_lon double precision NOT NULL,
        departs_at timestamptz NOT NULL,
        returns_at timestamptz NOT NULL CHECK (returns_at > departs_at),
        purpose text NOT NULL,
        purpose_detail text,
        status text NOT NULL CHECK (status IN ('noted', 'pending-approval', 'approved', 'denied')),
        notice_required boolean NOT NULL,
        approval_required boolean NOT NULL,
        lead_time_met boolean NOT NULL,
        reported_by_officer boolean NOT NULL,
        distance_miles double precision NOT NULL,
        centre_name text NOT NULL,
        centre_lat double precision NOT NULL,
        centre_lon double precision NOT NULL,
        travel_controls text NOT NULL,
        radius_miles integer NOT NULL,
        lead_time_hours integer NOT NULL,
        profile_country text NOT NULL,
        profile_version integer NOT NULL,
        submitted_at timestamptz NOT NULL,
        decision_reason text,
        decided_by text,
        decided_at timestamptz,
        flag_codes text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX travel_notification_created_at_id_idx ON travel_notification (created_at, id)`);
    await q.query(`CREATE INDEX travel_notification_member_idx ON travel_notification (member_id)`);
    await q.query(`CREATE INDEX travel_notification_mission_idx ON travel_notification (mission_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE travel_notification`);
  }
}
