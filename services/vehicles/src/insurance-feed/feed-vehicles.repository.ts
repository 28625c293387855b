import type { EntityManager } from 'typeorm';
import { selectRows } from '../shared/sql';
import { VehicleEntity } from '../vehicle/vehicle.entity';

// The vehicles of a feed batch in plain queries rather than TypeORM's query builder: hydrating 1000
// entities through the builder cost more than the query itself. A batch reads of each vehicle only
// what deciding its rows and its coverage verdict need (FeedVehicleState); the few vehicles whose
// registration the batch moves are then read whole, columns aliased to the entity's property names
// and dates read as text exactly as the entity's mapping reads them, so judgeCoverage and the
// mappers take them as is.

export type FeedVehicleState = Pick<
  VehicleEntity,
  'id' | 'vin' | 'kind' | 'registrationStatus' | 'insuranceStatus' | 'lapseFlagId'
>;

const COLUMNS = `id, seq::text AS seq, owner_member_id AS "ownerMemberId", owner_mission_id AS "ownerMissionId",
  mission_id AS "missionId", vin, make, model, year, kind, plate, registration_status AS "registrationStatus",
  to_char(registered_on, 'YYYY-MM-DD') AS "registeredOn", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn",
  insurance_status AS "insuranceStatus", lapse_flag_id AS "lapseFlagId",
  to_char(disposal_due_on, 'YYYY-MM-DD') AS "disposalDueOn", disposal_flag_id AS "disposalFlagId",
  disposal_method AS "disposalMethod", to_char(disposed_on, 'YYYY-MM-DD') AS "disposedOn",
  plates_returned AS "platesReturned", disposal_surcharge AS "disposalSurcharge", version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

// The entity's NULL_AS_UNDEFINED columns: NULL is undefined in the entity, as TypeORM would read it.
const OPTIONAL = [
  'ownerMemberId',
  'ownerMissionId',
  'disposalDueOn',
  'disposalMethod',
  'disposedOn',
  'platesReturned',
  'disposalSurcharge',
] as const;

const toEntity = (row: Record<string, unknown>): VehicleEntity => {
  for (const key of OPTIONAL) if (row[key] === null) delete row[key];
  return Object.assign(new VehicleEntity(), row);
};

/** The live (not disposed) vehicles with these VINs, as far as a feed's rules read them. */
export const liveVehiclesByVin = async (em: EntityManager, vins: readonly string[]): Promise<FeedVehicleState[]> =>
  vins.length === 0
    ? []
    : selectRows<FeedVehicleState>(
        em,
        `SELECT id, vin, kind, registration_status AS "registrationStatus", insurance_status AS "insuranceStatus",
                lapse_flag_id AS "lapseFlagId"
           FROM vehicle WHERE vin = ANY($1::text[]) AND registration_status <> 'disposed'`,
        [vins],
      );

/** These vehicles as they stand now (after a judgement moved them). */
export const vehiclesById = async (em: EntityManager, ids: readonly string[]): Promise<VehicleEntity[]> =>
  ids.length === 0
    ? []
    : (
        await selectRows<Record<string, unknown>>(em, `SELECT ${COLUMNS} FROM vehicle WHERE id = ANY($1::uuid[])`, [
          ids,
        ])
      ).map(toEntity);
