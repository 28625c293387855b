import { vocabulary } from '@ofm/contracts';

// The title a registration may carry is checked by its declared rules (vehicle.proto
// RegistrationTitle) before the handler runs, in the words of POST /vehicles/{id}/titles.
const REQUEST = 'ofm.vehicles.v1.RegisterVehicleRequest';
const car = (title?: Record<string, unknown>) => ({
  ownerMissionId: '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c',
  vin: 'WVWZZZ1KZAW000001',
  make: 'Peugeot',
  model: '508',
  year: 2024,
  kind: 'car',
  ...(title ? { title } : {}),
});
const fieldsOf = (request: unknown) =>
  [...new Set(vocabulary.requestViolations(REQUEST, request).map((v) => v.field))].sort();

describe('the title of a registration request', () => {
  it('is optional', () => {
    expect(vocabulary.requestViolations(REQUEST, car())).toEqual([]);
  });

  it.each(['owner', 'lienholder', 'lessor'])('takes a %s with its name', (role) => {
    expect(vocabulary.requestViolations(REQUEST, car({ role, holder: 'Toyota Financial Services' }))).toEqual([]);
  });

  it('names the role and holder that break the rules', () => {
    expect(fieldsOf(car({ role: 'landlord', holder: '' }))).toEqual(['title.holder', 'title.role']);
    expect(fieldsOf(car({ holder: 'Bank' }))).toEqual(['title.role']);
    expect(fieldsOf(car({ role: 'owner', holder: 'x'.repeat(201) }))).toEqual(['title.holder']);
  });

  it('stores the holder as typed, without surrounding white space', () => {
    const request = car({ role: 'lessor', holder: '  Société Générale Leasing ' });
    expect(vocabulary.requestViolations(REQUEST, request)).toEqual([]);
    expect((request.title as { holder: string }).holder).toBe('Société Générale Leasing');
  });
});
