import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { folderCycles, folderGraph } from './folder-cycles';

const SERVICES = resolve(__dirname, '../../../services');

// Cycles tolerated while their service's owners break them; the list only shrinks (a cycle fixed
// and still listed fails too). Empty: every service's folders depend on each other one way.
const KNOWN_CYCLES: Record<string, string[][]> = {};

describe('folders of a service depend on each other one way only', () => {
  const services = readdirSync(SERVICES).filter((name) => {
    try {
      return readdirSync(join(SERVICES, name, 'src')).length > 0;
    } catch {
      return false;
    }
  });

  it('finds the services', () => {
    expect(services).toEqual(expect.arrayContaining(['accreditation', 'vehicles', 'gateway']));
  });

  it.each(services)('%s/src has no cycle between its folders', (service) => {
    expect(folderCycles(join(SERVICES, service, 'src'))).toEqual(KNOWN_CYCLES[service] ?? []);
  });
});

describe('folderCycles', () => {
  let root: string;
  const file = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'folder-cycles-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reports folders that import each other, through any kind of relative import', () => {
    file('vehicle/vehicle.grpc-controller.ts', `import { InsuranceService } from '../insurance/insurance.service';`);
    file('insurance/insurance.service.ts', `import type { VehicleEntity } from "../vehicle/vehicle.entity";`);
    file('replica/handlers.ts', `export { x } from '../vehicle/nested/x';`);
    file('vehicle/nested/x.ts', `const r = require('../../replica/handlers');`);
    file('shared/sql.ts', `import { DataSource } from 'typeorm';`);
    file('mission/mission.service.ts', `import '../shared/sql';`);
    expect(folderCycles(root)).toEqual([['insurance', 'replica', 'vehicle']]);
    expect([...folderGraph(root).get('mission')!]).toEqual(['shared']);
  });

  it('accepts dependencies in one direction', () => {
    file('insurance/insurance.service.ts', `import { VehicleEntity } from '../vehicle/vehicle.entity';`);
    file('vehicle/vehicle.entity.ts', `import { NULL_AS_UNDEFINED } from '../shared/optional-column';`);
    file('shared/optional-column.ts', `export const NULL_AS_UNDEFINED = {};`);
    expect(folderCycles(root)).toEqual([]);
  });
});
