import type { MigrationInterface, QueryRunner } from 'typeorm';
import { vehiclesConfigSchema } from '../config';

// Registrations made disposal-due before VehicleLifecycle1795879300400 added the due date have
// none, and the overdue sweep looks for due dates: give each one, from the best record of when its
// owner's appointment ended, plus DISPOSAL_DUE_DAYS (the migration runs with the service's
// environment; default 30, validated as the service validates it).
export class DisposalDueDatesBackfill1795879300900 implements MigrationInterface {
  name = 'DisposalDueDatesBackfill1795879300900';

  async up(q: QueryRunner): Promise<void> {
    const days = vehiclesConfigSchema.shape.DISPOSAL_DUE_DAYS.safeParse(process.env.DISPOSAL_DUE_DAYS);
    if (!days.success) throw new Error(`DISPOSAL_DUE_DAYS: ${days.error.issues[0]?.message ?? 'invalid'}`);
    // The code before due dates recorded neither the termination's effective date nor a due date.
    // What it did record, most faithful first:
    //  1. the audit record `registration.disposal-due` it wrote in the transaction that made the
    //     registration disposal-due (the latest: the current episode), i.e. when the service learnt
    //     of the termination: that moment's day in Washington;
    //  2. without one (audit records pruned or never written), the owner's replica row if the member
    //     is terminated: last_event_time is the time of the termination event it applied;
    //  3. else nothing is known: the migration's day, so the owner gets the whole period from now.
    // Days are OFM's days (America/New_York), as the service computes them (ofmDay). A date that is
    // already past makes the registration overdue, and the next sweep flags it.
    // Each date given is audited as the service audits its own changes (system actor), naming its source.
    await q.query(
      `WITH known AS (
         SELECT v.id,
                a.at AS audited_at,
                m.last_event_time AS terminated_at
           FROM vehicle v
           LEFT JOIN LATERAL (
                SELECT max(occurred_at) AS at FROM audit_record
                 WHERE entity_type = 'vehicle' AND entity_id = v.id::text AND action = 'registration.disposal-due'
                ) a ON true
           LEFT JOIN member_replica m ON m.id = v.owner_member_id AND m.status = 'terminated'
          WHERE v.registration_status = 'disposal-due' AND v.disposal_due_on IS NULL
       ), dated AS (
         UPDATE vehicle v
            SET disposal_due_on = (COALESCE(k.audited_at, k.terminated_at, now()) AT TIME ZONE 'America/New_York')::date + $1::int,
                version = v.version + 1,
                updated_at = now()
           FROM known k
          WHERE v.id = k.id
         RETURNING v.id, v.disposal_due_on,
                   CASE WHEN k.audited_at IS NOT NULL THEN 'the day it became disposal-due (audit record)'
                        WHEN k.terminated_at IS NOT NULL THEN 'the day the owner''s termination was received'
                        ELSE 'the day of this migration (nothing earlier recorded)' END AS source
       )
       INSERT INTO audit_record (actor_subject, action, entity_type, entity_id, before, after, reason)
       SELECT 'system:vehicles', 'registration.disposal-due-dated', 'vehicle', id::text,
              jsonb_build_object('disposalDueOn', null), jsonb_build_object('disposalDueOn', disposal_due_on),
              'due date given by migration DisposalDueDatesBackfill1795879300900: ' || source || ' + ' || $1::int || ' days'
         FROM dated`,
      [days.data],
    );
  }

  async down(): Promise<void> {
    // The dates given cannot be told from dates recorded at termination: nothing to undo.
  }
}
