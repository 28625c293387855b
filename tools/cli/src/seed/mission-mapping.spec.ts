import { readFileSync } from 'node:fs';
import { demoMembersFor } from './demo-members';
import {
  dedupeMissions,
  DEMO_EMBASSY_COUNTRIES,
  mapMissionRow,
  selectMissions,
  type MissionMapping,
  type MissionRow,
} from './mission-mapping';
import { loadMissionMappings, MISSIONS_CSV } from './seed.command';

const row = (r: Partial<MissionRow>): MissionRow => ({
  country: 'FR',
  sendingState: 'France',
  type: 'embassy',
  city: 'Washington, D.C.',
  address: '',
  lat: '38.9137',
  lon: '-77.0779',
  wikidata: 'Q1',
  ...r,
});

const ok = (m: MissionMapping) => {
  if (!m.ok) throw new Error(`expected a mapping, got: ${m.reason}`);
  return m.request;
};

describe('mapMissionRow', () => {
  it('maps an embassy, with the city as address line 1 and the row coordinates', () => {
    expect(
      ok(mapMissionRow(row({ country: 'DE', sendingState: 'Germany', lat: '38.914394', lon: '-77.088704' }))),
    ).toEqual({
      name: 'Embassy of Germany',
      country: 'DE',
      type: 'embassy',
      address: { line1: 'Washington, D.C.', city: 'Washington, D.C.', state: 'DC', postalCode: '20008' },
      location: { lat: 38.914394, lon: -77.088704 },
    });
  });

  it.each([
    ['consulate general', 'consulate-general', 'Consulate General of Canada in Boston'],
    ['consulate', 'consulate', 'Consulate of Canada in Boston'],
    ['vice consulate', 'vice-consulate', 'Vice Consulate of Canada in Boston'],
    ['consular agency', 'consular-agency', 'Consular Agency of Canada in Boston'],
    ['consular office', 'consular-agency', 'Consular Office of Canada in Boston'],
  ])('maps "%s" to a consular post of class %s', (type, consularClass, name) => {
    const m = ok(
      mapMissionRow(row({ country: 'CA', sendingState: 'Canada', type, city: 'Boston', lat: '42.35', lon: '-71.06' })),
    );
    expect(m).toMatchObject({ type: 'consular-post', consularClass, name });
    expect(m.address).toEqual({ line1: 'Boston', city: 'Boston', state: 'MA', postalCode: '02116' });
  });

  it("maps Sweden's oddly published types and names", () => {
    expect(
      ok(
        mapMissionRow(
          row({
            country: 'SE',
            sendingState: 'Government of Sweden',
            type: 'consulates of Sweden',
            city: 'Redmond',
            lat: '',
            lon: '',
          }),
        ),
      ),
    ).toMatchObject({
      name: 'Consulate of Sweden in Redmond',
      type: 'consular-post',
      consularClass: 'consulate',
    });
    expect(
      ok(
        mapMissionRow(
          row({ country: 'SE', sendingState: 'Sweden', type: 'Consulate General of Sweden', city: 'New York City' }),
        ),
      ),
    ).toMatchObject({
      consularClass: 'consulate-general',
    });
  });

  it('maps honorary consulates without a consular class', () => {
    const m = ok(
      mapMissionRow(
        row({
          country: 'PT',
          sendingState: 'Portugal',
          type: 'honorary consulate',
          city: 'Palm Coast',
          lat: '',
          lon: '',
        }),
      ),
    );
    expect(m).toMatchObject({ type: 'honorary-consular-post', name: 'Honorary Consulate of Portugal in Palm Coast' });
    expect(m).not.toHaveProperty('consularClass');
  });

  it("maps Taiwan's offices to teco, the de facto embassy in Washington", () => {
    expect(
      ok(
        mapMissionRow(
          row({ country: 'TW', sendingState: 'Taiwan', type: 'de facto consulate', city: 'Houston', lat: '', lon: '' }),
        ),
      ),
    ).toMatchObject({
      type: 'teco',
      name: 'Taipei Economic and Cultural Office in Houston',
      address: { city: 'Houston', state: 'TX' },
    });
    expect(
      ok(
        mapMissionRow(
          row({ country: 'TW', sendingState: 'Taiwan', type: 'de facto embassy', city: '', lat: '', lon: '' }),
        ),
      ),
    ).toMatchObject({
      type: 'teco',
      name: 'Taipei Economic and Cultural Representative Office in the United States',
      address: { city: 'Washington, D.C.' },
    });
  });

  it('maps the Holy See: the nunciature in Washington as its embassy, the one in New York as a UN observer mission', () => {
    expect(
      ok(
        mapMissionRow(row({ country: 'VA', sendingState: 'Vatican', type: 'apostolic nunciature', lat: '', lon: '' })),
      ),
    ).toMatchObject({
      type: 'embassy',
      name: 'Apostolic Nunciature to the United States',
    });
    expect(
      ok(
        mapMissionRow(
          row({
            country: 'VA',
            sendingState: 'Vatican',
            type: 'apostolic nunciature',
            city: 'New York City',
            lat: '',
            lon: '',
          }),
        ),
      ),
    ).toMatchObject({
      type: 'un-observer-mission',
    });
  });

  it('skips interests sections, naming why', () => {
    const m = mapMissionRow(row({ country: 'CU', type: 'Interests Section', city: '' }));
    expect(m).toEqual({ ok: false, wikidata: 'Q1', reason: expect.stringContaining('interests section') });
  });

  it.each([
    ['FX', 'FR'],
    ['DY', 'BJ'],
    ['HV', 'BF'],
    ['YU', 'RS'],
    ['XK', 'XK'],
  ])('corrects the obsolete country code %s to %s', (code, iso) => {
    expect(ok(mapMissionRow(row({ country: code }))).country).toBe(iso);
  });

  it('falls back to the city centre when the row has no coordinates', () => {
    expect(ok(mapMissionRow(row({ lat: '', lon: '' }))).location).toEqual({ lat: 38.9072, lon: -77.0369 });
  });

  it('finds the city from the coordinates when the row names a state or nothing', () => {
    expect(
      ok(mapMissionRow(row({ type: 'consulate general', city: 'Texas', lat: '32.8163', lon: '-96.8635' }))).address
        .city,
    ).toBe('Dallas');
    expect(
      ok(mapMissionRow(row({ type: 'consulate general', city: 'Illinois', lat: '41.89', lon: '-87.62' }))).address.city,
    ).toBe('Chicago');
    expect(
      ok(mapMissionRow(row({ type: 'consulate general', city: '', lat: '21.3341', lon: '-157.8420' }))).address,
    ).toMatchObject({ city: 'Honolulu', state: 'HI' });
  });

  it('resolves neighbourhood and borough names', () => {
    expect(ok(mapMissionRow(row({ type: 'consulate', city: 'Manhattan' }))).address.city).toBe('New York City');
    expect(ok(mapMissionRow(row({ city: 'West End' }))).address.city).toBe('Washington, D.C.');
  });

  it('puts an embassy without any place in Washington, but skips a consulate without one', () => {
    expect(ok(mapMissionRow(row({ city: '', lat: '', lon: '' }))).address.city).toBe('Washington, D.C.');
    expect(mapMissionRow(row({ type: 'consulate general', city: '', lat: '', lon: '' }))).toMatchObject({ ok: false });
    expect(mapMissionRow(row({ type: 'consulate', city: 'Texas', lat: '', lon: '' }))).toMatchObject({ ok: false });
  });
});

describe('dedupeMissions', () => {
  it('keeps the first row of a mission listed twice and skips the other, naming the first', () => {
    const houston = mapMissionRow(
      row({ country: 'TW', type: 'de facto consulate', city: 'Houston', lat: '', lon: '', wikidata: 'Q17032884' }),
    );
    const texas = mapMissionRow(
      row({
        country: 'TW',
        type: 'de facto consulate',
        city: 'Texas',
        lat: '29.7323',
        lon: '-95.4356',
        wikidata: 'Q7676287',
      }),
    );
    expect(dedupeMissions([houston, texas])).toEqual([
      houston,
      { ok: false, wikidata: 'Q7676287', reason: expect.stringContaining('same mission as Q17032884') },
    ]);
  });
});

describe('the bundled CSV', () => {
  const mappings = loadMissionMappings(readFileSync(MISSIONS_CSV, 'utf8'));
  const usable = mappings.filter((m): m is Extract<MissionMapping, { ok: true }> => m.ok);

  it('maps nearly every row and skips only a few, each with a reason', () => {
    expect(mappings).toHaveLength(295);
    expect(usable.length).toBeGreaterThan(280);
    for (const m of mappings) if (!m.ok) expect(m.reason).not.toBe('');
  });

  it('gives every mission a distinct name per country, a known state and ZIP, and coordinates', () => {
    const names = usable.map((m) => `${m.request.country}|${m.request.name}`);
    expect(new Set(names).size).toBe(names.length);
    for (const { request } of usable) {
      expect(request.country).toMatch(/^[A-Z]{2}$/);
      expect(request.address.state).toMatch(/^[A-Z]{2}$/);
      expect(request.address.postalCode).toMatch(/^\d{5}$/);
      expect(request.address.line1).not.toBe('');
      expect(request.location).toBeDefined();
    }
  });

  it('selects ~60 missions by default: the demo embassies first, then every mission type', () => {
    const chosen = selectMissions(usable, 60);
    expect(chosen).toHaveLength(60);
    expect(chosen.slice(0, 5).map((m) => m.request.country)).toEqual([...DEMO_EMBASSY_COUNTRIES]);
    expect(new Set(chosen.map((m) => m.request.type))).toEqual(new Set(usable.map((m) => m.request.type)));
    expect(new Set(chosen.map((m) => m.wikidata)).size).toBe(60);
  });

  it('selects everything there is when asked for more than the CSV holds', () => {
    expect(selectMissions(usable, 10_000)).toHaveLength(usable.length);
  });
});

describe('demoMembersFor', () => {
  const missionId = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
  const today = new Date('2026-11-28T12:00:00Z');

  it('plans two diplomatic agents, an A&T member and the spouse of the first diplomat for each demo embassy', () => {
    for (const country of DEMO_EMBASSY_COUNTRIES) {
      const plans = demoMembersFor(country, missionId, today);
      expect(plans.map((p) => p.body.category)).toEqual([
        'diplomatic-agent',
        'diplomatic-agent',
        'administrative-technical',
        'dependent',
      ]);
      expect(plans[3]).toMatchObject({ principalSlot: 'da1', body: { relationship: 'spouse' } });
      for (const p of plans)
        expect(p.body).toMatchObject({
          missionId,
          nationality: country,
          arrivalDate: '2026-11-14',
          usCitizenOrPermanentResident: false,
        });
    }
  });

  it('gives diplomatic agents what accreditation requires: A-1 visa, diplomatic passport, a recognized title, full time', () => {
    const [da] = demoMembersFor('FR', missionId, today);
    expect(da!.body).toMatchObject({
      visaClass: 'A-1',
      passportType: 'diplomatic',
      title: 'Minister-Counselor',
      weeklyHours: 40,
      residesInWashingtonMetro: true,
    });
  });

  it('plans nobody for a country without demo staff', () => {
    expect(demoMembersFor('ZZ', missionId, today)).toEqual([]);
  });
});
