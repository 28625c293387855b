import { writtenServices, type ServiceEntry } from '@ofm/registry';

// The root README's "What runs where" table: the written services of the registry, then PostgreSQL
// and Kafka, between two markers so that the rest of the README stays written by hand.

export const README_BEGIN = '<!-- what-runs-where: generated from libs/registry by `npx ofm registry generate` -->';
export const README_END = '<!-- /what-runs-where -->';

const row = (s: ServiceEntry): [string, string, string] =>
  s.publicApi
    ? [
        `${s.name} (REST API)`,
        `http://localhost:${s.httpPort}/api/v1`,
        'docs at `/docs`, OpenAPI 3.1 at `/api/v1/openapi.json`',
      ]
    : [s.name, `${s.grpcPort === null ? '' : `gRPC 127.0.0.1:${s.grpcPort}, `}HTTP :${s.httpPort}`, s.summary];

/** A markdown table laid out as prettier lays it out (cells padded to the widest of their column). */
export const markdownTable = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
};

export const whatRunsWhere = (services: readonly ServiceEntry[]): string =>
  markdownTable(
    ['what', 'where', 'notes'],
    [
      ...writtenServices(services).map(row),
      ['PostgreSQL 15', '127.0.0.1:5432', 'one database and role per service (`ofm_<service>`)'],
      ['Kafka 4 (KRaft, one node)', '127.0.0.1:9092', 'topics of CONTRACT.md and their `.dlq` twins'],
    ],
  );

/** The README with the text between the markers replaced by the table; throws when a marker is missing. */
export const withWhatRunsWhere = (readme: string, services: readonly ServiceEntry[]): string => {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`README.md: the markers ${README_BEGIN} … ${README_END} are missing`);
  return `${readme.slice(0, begin + README_BEGIN.length)}\n\n${whatRunsWhere(services)}\n\n${readme.slice(end)}`;
};
