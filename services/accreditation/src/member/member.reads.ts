import type { IdCardLossKind } from '@ofm/contracts';
import { plainQuery } from '@ofm/persistence';
import type { DataSource } from 'typeorm';
import { MemberEntity } from './member.entity';
import type { OpenItemEntity } from './open-item.entity';

// The hot reads of a member (GET /members/{id}, the roadside check of an ID card) as one plain
// parameterised SQL statement each, without TypeORM's query building and hydration: under load
// TypeORM's find() was over half of this service's time, and a lookup took two round trips (the
// member, then its open items). The statements are made once from the entity's metadata, so a
// column added to MemberEntity is read here too, and a row comes back exactly as TypeORM would hand
// it over (date columns as 'YYYY-MM-DD' text, embedded columns as their group); the writers keep
// TypeORM (locks, transactions, entities).

/** A member read by these queries: the entity's fields, and the open items when asked for. */
export type MemberRow = MemberEntity & {
  openItems?: Pick<OpenItemEntity, 'document' | 'reference' | 'dueOn' | 'status' | 'returnedOn'>[];
};

interface Statements {
  byId: string;
  byIdCard: string;
  /** The holder of a number reported lost or stolen (id-card/), with the report's kind. */
  byReportedIdCard: string;
  /** [column alias, property path] pairs: 'idCard.number' lands in row.idCard.number. */
  paths: [string, string[]][];
}

const statementsOf = new WeakMap<DataSource, Statements>();

const statements = (ds: DataSource): Statements => {
  const known = statementsOf.get(ds);
  if (known) return known;
  const columns = ds.getMetadata(MemberEntity).columns;
  const paths = columns.map((c): [string, string[]] => [c.propertyPath, c.propertyPath.split('.')]);
  // pg would make a date column a JS Date at local midnight; as text it is the day it says.
  const select = columns
    .map((c) => `m.${c.databaseName}${c.type === 'date' ? '::text' : ''} AS "${c.propertyPath}"`)
    .join(', ');
  const openItems = `(SELECT coalesce(json_agg(json_build_object('document', o.document, 'reference', o.reference,
      'dueOn', o.due_on, 'status', o.status, 'returnedOn', o.returned_on) ORDER BY o.due_on, o.document, o.reference), '[]'::json)
      FROM member_open_item o WHERE o.member_id = m.id) AS "openItems"`;
  const built: Statements = {
    byId: `SELECT ${select}, ${openItems} FROM member m WHERE m.id = $1`,
    byIdCard: `SELECT ${select}, mi.name AS "missionName" FROM member m
      LEFT JOIN mission mi ON mi.id = m.mission_id WHERE m.id_card_number = $1`,
    byReportedIdCard: `SELECT ${select}, mi.name AS "missionName", r.kind AS "reportedKind" FROM id_card_report r
      JOIN member m ON m.id = r.member_id LEFT JOIN mission mi ON mi.id = m.mission_id WHERE r.number = $1`,
    paths,
  };
  statementsOf.set(ds, built);
  return built;
};

/**
 * Runs a read on the DataSource's own pg pool: its connections, limits and instrumentation, without
 * TypeORM's per-query runner (a fifth of this service's time in a profile even for a raw ds.query).
 */

const memberOf = (row: Record<string, unknown>, paths: Statements['paths']): MemberRow => {
  const member: Record<string, any> = {};
  for (const [alias, [head, ...rest]] of paths) {
    if (rest.length === 0) member[head!] = row[alias];
    else (member[head!] ??= {})[rest[0]!] = row[alias];
  }
  return member as MemberRow;
};

/** The member with its open items (due order), in one round trip; null if there is none. */
export const readMember = async (ds: DataSource, id: string): Promise<MemberRow | null> => {
  const s = statements(ds);
  const [row] = await plainQuery(ds, s.byId, [id]);
  if (!row) return null;
  return { ...memberOf(row, s.paths), openItems: row.openItems as MemberRow['openItems'] };
};

/** The holder of an ID card and its mission's name, in one round trip; null if nobody holds it. */
export const readCardHolder = async (
  ds: DataSource,
  idCardNumber: string,
): Promise<{ member: MemberRow; missionName: string | undefined } | null> => {
  const s = statements(ds);
  const [row] = await plainQuery(ds, s.byIdCard, [idCardNumber]);
  if (!row) return null;
  return { member: memberOf(row, s.paths), missionName: (row.missionName as string | null) ?? undefined };
};

/** Who held a number reported lost or stolen, and the report's kind; null if it was never reported. */
export const readReportedCardHolder = async (
  ds: DataSource,
  idCardNumber: string,
): Promise<{ member: MemberRow; missionName: string | undefined; kind: IdCardLossKind } | null> => {
  const s = statements(ds);
  const [row] = await plainQuery(ds, s.byReportedIdCard, [idCardNumber]);
  if (!row) return null;
  return {
    member: memberOf(row, s.paths),
    missionName: (row.missionName as string | null) ?? undefined,
    kind: row.reportedKind as IdCardLossKind,
  };
};
