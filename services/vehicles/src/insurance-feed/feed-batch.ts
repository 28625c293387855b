import { randomUUID } from 'node:crypto';
import { EVENT_TYPES } from '@ofm/contracts';
import type { PublishEventInput } from '@ofm/messaging';
import type { Actor } from '@ofm/platform';
import type { EntityManager } from 'typeorm';
import { judgeCoverage } from '../insurance/coverage-judgement';
import { coverageVerdict } from '../insurance/coverage-verdict';
import { InsurancePolicyEntity } from '../insurance/insurance-policy.entity';
import { toInsurancePolicyMessage } from '../insurance/insurance-policy.mapper';
import { centsOf, formatCents, LIMIT_CURRENCY } from '../insurance/money.rules';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';
import { selectRows } from '../shared/sql';
import type { VehicleEntity } from '../vehicle/vehicle.entity';
import { toVehicleMessage } from '../vehicle/vehicle.mapper';
import { recordFeedErrors } from './feed-errors.repository';
import { liveVehiclesByVin, vehiclesById, type FeedVehicleState } from './feed-vehicles.repository';
import type { FeedError, FeedRow, ParsedRow } from './feed-row.rules';
import { decideFeedRow, type RecordedPolicy } from './feed-vehicle.rules';

// One batch of a feed, in the caller's transaction: every row decided against the records as they
// stand (rows earlier in the batch included), good rows written with one statement per kind of write
// (multi-row INSERT/UPDATE from arrays), bad rows recorded with their line, each vehicle's
// registration judged once by the insurance service's judgeCoverage, and the feed's progress moved
// on, all committing together: a crash leaves either the whole batch or none of it.

export interface BatchContext {
  feedId: string;
  actor: Actor;
  today: string;
  now: Date;
  graceDays: number;
}

export interface BatchOutcome {
  applied: number;
  refused: number;
}

interface PolicyRow extends RecordedPolicy {
  vehicle_id: string;
}

// Amounts as PostgreSQL stores numeric(17,2): "300000" → "300000.00", as the policy read back says.
const stored = (amount: string | undefined): string | undefined =>
  amount === undefined ? undefined : formatCents(centsOf({ amount, currency: LIMIT_CURRENCY }));

const newPolicy = (ctx: BatchContext, vehicleId: string, row: FeedRow): InsurancePolicyEntity =>
  Object.assign(new InsurancePolicyEntity(), {
    id: randomUUID(),
    vehicleId,
    insurer: row.terms.insurer,
    policyNumber: row.terms.policyNumber,
    effectiveDate: row.terms.effectiveDate,
    expirationDate: row.terms.expirationDate,
    combinedSingleLimit: stored(row.terms.combinedSingleLimit?.amount),
    bodilyInjuryPerPerson: stored(row.terms.bodilyInjuryPerPerson?.amount),
    bodilyInjuryPerAccident: stored(row.terms.bodilyInjuryPerAccident?.amount),
    propertyDamage: stored(row.terms.propertyDamage?.amount),
    currency: LIMIT_CURRENCY,
    createdAt: ctx.now,
  });

const loadPolicies = async (em: EntityManager, vehicleIds: string[]): Promise<Map<string, RecordedPolicy[]>> => {
  const rows = await selectRows<PolicyRow>(
    em,
    `SELECT id, vehicle_id, insurer, policy_number AS "policyNumber",
            to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate",
            to_char(expiration_date, 'YYYY-MM-DD') AS "expirationDate",
            to_char(cancelled_on, 'YYYY-MM-DD') AS "cancelledOn"
       FROM insurance_policy WHERE vehicle_id = ANY($1::uuid[])`,
    [vehicleIds],
  );
  const byVehicle = new Map<string, RecordedPolicy[]>(vehicleIds.map((id) => [id, []]));
  for (const { vehicle_id, ...policy } of rows) byVehicle.get(vehicle_id)!.push(policy);
  return byVehicle;
};

const insertPolicies = async (em: EntityManager, policies: InsurancePolicyEntity[]): Promise<void> => {
  if (policies.length === 0) return;
  const column = <K extends keyof InsurancePolicyEntity>(k: K) => policies.map((p) => p[k] ?? null);
  await em.query(
    `INSERT INTO insurance_policy (id, vehicle_id, insurer, policy_number, effective_date, expiration_date,
        combined_single_limit, bodily_injury_per_person, bodily_injury_per_accident, property_damage, currency, created_at)
     SELECT u.*, '${LIMIT_CURRENCY}', $11::timestamptz
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::date[],
                   $7::numeric[], $8::numeric[], $9::numeric[], $10::numeric[]) AS u`,
    [
      column('id'),
      column('vehicleId'),
      column('insurer'),
      column('policyNumber'),
      column('effectiveDate'),
      column('expirationDate'),
      column('combinedSingleLimit'),
      column('bodilyInjuryPerPerson'),
      column('bodilyInjuryPerAccident'),
      column('propertyDamage'),
      policies[0]!.createdAt,
    ],
  );
};

const cancelPolicies = async (
  em: EntityManager,
  ctx: BatchContext,
  cancellations: Map<string, string>,
): Promise<void> => {
  if (cancellations.size === 0) return;
  await em.query(
    `UPDATE insurance_policy p SET cancelled_on = u.on_day, cancellation_reason = $3
       FROM unnest($1::uuid[], $2::date[]) AS u(id, on_day) WHERE p.id = u.id`,
    [[...cancellations.keys()], [...cancellations.values()], `cancelled by the insurer (feed ${ctx.feedId})`],
  );
};

/** Applies the rows (in file order) and records them as done up to `lastLine`. */
export const applyFeedBatch = async (
  em: EntityManager,
  ctx: BatchContext,
  rows: readonly ParsedRow[],
): Promise<BatchOutcome> => {
  const good = rows.flatMap((r) => (r.row ? [r.row] : []));
  const vins = [...new Set(good.map((r) => r.vin))];
  const vehicles = await liveVehiclesByVin(em, vins);
  const byVin = new Map(vehicles.map((v) => [v.vin, v]));
  const policies = await loadPolicies(
    em,
    vehicles.map((v) => v.id),
  );

  const errors: FeedError[] = [];
  const inserted: InsurancePolicyEntity[] = [];
  const cancellations = new Map<string, string>();
  const touched = new Set<FeedVehicleState>();
  let refused = 0;
  for (const parsed of rows) {
    if (!parsed.row) {
      errors.push(...parsed.errors);
      refused++;
      continue;
    }
    const row = parsed.row;
    const vehicle = byVin.get(row.vin);
    const recorded = vehicle ? policies.get(vehicle.id)! : [];
    const decision = decideFeedRow(row, vehicle, recorded, ctx.today);
    switch (decision.outcome) {
      case 'refused':
        errors.push(...decision.errors.map((e) => ({ line: row.line, ...e })));
        refused++;
        break;
      case 'recorded': {
        const policy = newPolicy(ctx, vehicle!.id, row);
        inserted.push(policy);
        recorded.push(policy);
        touched.add(vehicle!);
        break;
      }
      case 'cancelled':
        for (const id of decision.policyIds) {
          cancellations.set(id, decision.on);
          recorded.find((p) => p.id === id)!.cancelledOn = decision.on;
        }
        touched.add(vehicle!);
        break;
      case 'unchanged':
        break;
    }
  }

  await insertPolicies(em, inserted);
  await cancelPolicies(em, ctx, cancellations);
  await recordFeedErrors(em, ctx.feedId, errors);
  // Each touched registration judged once, against all its policies after the batch. The verdict is
  // pure: only a registration it moves (typically few: a renewal of a vehicle already active and
  // insured changes nothing) is read whole and handed to judgeCoverage, which commits the activation,
  // lapse or suspension with its DMV and law-enforcement notices — the status changes partners hear of.
  const moving = [...touched]
    .filter((v) => coverageVerdict(v, policies.get(v.id)!, ctx.today, ctx.graceDays).action !== 'none')
    .map((v) => v.id);
  const insuredNow: VehicleEntity[] = [];
  for (const vehicle of await vehiclesById(em, moving)) {
    const judgement = await judgeCoverage(
      em,
      { actor: ctx.actor, on: ctx.today, now: ctx.now, graceDays: ctx.graceDays },
      vehicle,
      policies.get(vehicle.id)!,
    );
    if (judgement.reinstated && vehicle.insuranceStatus !== 'insured') insuredNow.push(vehicle);
  }
  const lastLine = rows.at(-1)?.row?.line ?? rows.at(-1)?.errors?.[0]?.line;
  // A feed is a bulk import: most rows renew the cover of a vehicle already insured, a change of no
  // status, and nothing consumes ofm.vehicles.insurance.v1 policy by policy. So insurance.recorded
  // (and its DMV notice) is published only for a vehicle whose insurance status the batch changed
  // (uninsured or lapsed → insured), once, with the vehicle as it now stands and the policy that
  // insures it; the batch's audit entry names the feed, its lines and its counts
  // (docs/domain/insurer-feeds.md "Events").
  const insuring = new Map<string, InsurancePolicyEntity>();
  for (const p of inserted) {
    const coversToday = p.effectiveDate <= ctx.today && p.expirationDate > ctx.today;
    if (coversToday || !insuring.has(p.vehicleId)) insuring.set(p.vehicleId, p);
  }
  const recordedEvents: PublishEventInput<any>[] = (
    await vehiclesById(
      em,
      insuredNow.filter((v) => insuring.has(v.id)).map((v) => v.id),
    )
  ).map((vehicle) => ({
    type: EVENT_TYPES.insuranceRecorded,
    subject: vehicle.id,
    data: { policy: toInsurancePolicyMessage(insuring.get(vehicle.id)!), vehicle: toVehicleMessage(vehicle) },
  }));
  await commitVehicleChange(
    em,
    {
      actor: ctx.actor,
      action: 'insurance-feed.batch-applied',
      entity: { type: 'insurance_feed', id: ctx.feedId },
      before: null,
      after: {
        firstLine: rows[0]?.row?.line ?? rows[0]?.errors?.[0]?.line,
        lastLine,
        recorded: inserted.length,
        cancelled: cancellations.size,
        refused,
        newlyInsured: recordedEvents.length,
      },
      reason: `insurer feed ${ctx.feedId}`,
      events: recordedEvents,
    },
    ctx.now,
  );
  return { applied: rows.length - refused, refused };
};
