import { Injectable } from '@nestjs/common';
import type { vehicles } from '@ofm/contracts';
import { Clock, daysBetween, missionRestriction, normalizeUuid } from '@ofm/kernel';
import { forbidden, type Actor } from '@ofm/platform';
import { DataSource, In } from 'typeorm';
import { selectRows } from '../shared/sql';
import { VehicleEntity } from '../vehicle/vehicle.entity';
import { toVehicleMessage } from '../vehicle/vehicle.mapper';
import { coverageEnd } from './coverage.rules';
import { InsurancePolicyEntity } from './insurance-policy.entity';
import { toInsurancePolicyMessage } from './insurance-policy.mapper';

// How far ahead a reminder looks (issue 9: policies expiring within 30 days).
export const REMINDER_DAYS = 30;

// Policies whose cover ends (expiration or cancellation) after today and within REMINDER_DAYS, of
// registrations still on the road, that no other policy continues: a renewal already recorded needs
// no reminder. Soonest end first.
const DUE = `
  WITH ending AS (
    SELECT p.id, p.vehicle_id, LEAST(p.expiration_date, COALESCE(p.cancelled_on, p.expiration_date)) AS ends_on
      FROM insurance_policy p
     WHERE LEAST(p.expiration_date, COALESCE(p.cancelled_on, p.expiration_date)) > $1::date
       AND LEAST(p.expiration_date, COALESCE(p.cancelled_on, p.expiration_date)) <= $1::date + $2::int
       AND p.effective_date <= $1::date)
  SELECT e.id FROM ending e JOIN vehicle v ON v.id = e.vehicle_id
   WHERE v.registration_status <> 'disposed' AND ($3::uuid IS NULL OR v.mission_id = $3::uuid)
     AND NOT EXISTS (SELECT 1 FROM insurance_policy q
                      WHERE q.vehicle_id = e.vehicle_id AND q.id <> e.id AND q.effective_date <= e.ends_on
                        AND LEAST(q.expiration_date, COALESCE(q.cancelled_on, q.expiration_date)) > e.ends_on)
   ORDER BY e.ends_on, v.seq`;

@Injectable()
export class InsuranceRemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, requestedMission: string): Promise<vehicles.InsuranceReminder[]> {
    const missionId = this.missionScope(actor, requestedMission);
    const today = this.clock.today();
    const em = this.dataSource.manager;
    const ids = (await selectRows<{ id: string }>(em, DUE, [today, REMINDER_DAYS, missionId ?? null])).map((r) => r.id);
    if (ids.length === 0) return [];
    const policies = await em.find(InsurancePolicyEntity, { where: { id: In(ids) } });
    const vehicles = await em.find(VehicleEntity, { where: { id: In(policies.map((p) => p.vehicleId)) } });
    const policyById = new Map(policies.map((p) => [p.id, p]));
    const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
    return ids.map((id) => {
      const policy = policyById.get(id)!;
      const endsOn = coverageEnd(policy);
      return {
        policy: toInsurancePolicyMessage(policy),
        vehicle: toVehicleMessage(vehicleById.get(policy.vehicleId)!),
        coverageEndsOn: endsOn,
        daysLeft: daysBetween(today, endsOn),
      };
    });
  }

  // OFM sees every mission (or the one asked); a mission user only its own, asked or not.
  private missionScope(actor: Actor, requested: string): string | undefined {
    const restriction = missionRestriction(actor);
    if (restriction === undefined) return requested ? normalizeUuid(requested) : undefined;
    if (restriction === null) throw forbidden('A mission user without a mission has no insurance reminders');
    if (requested && normalizeUuid(requested) !== restriction)
      throw forbidden("A mission user may see only its own mission's insurance reminders");
    return restriction;
  }
}
