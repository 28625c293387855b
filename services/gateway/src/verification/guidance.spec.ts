import { GUIDANCE_WORDS as W, guidanceFor } from './guidance';

// The law-enforcement booklet table of DOMAIN.md, row by row.
describe('guidanceFor', () => {
  it.each([
    ['diplomatic-agent', 'full', W.arrestNo, W.residenceYes, W.prosecutionNo],
    ['io-diplomatic', 'full', W.arrestNo, W.residenceYes, W.prosecutionNo],
    ['dependent', 'full', W.arrestNo, W.residenceYes, W.prosecutionNo],
    ['administrative-technical', 'full-criminal', W.arrestNo, W.residenceYes, W.prosecutionCriminalNo],
    ['dependent', 'full-criminal', W.arrestNo, W.residenceYes, W.prosecutionCriminalNo],
    ['service-staff', 'official-acts', W.arrestYes, W.residenceNo, W.prosecutionOfficialActs],
    ['io-support-staff', 'official-acts', W.arrestYes, W.residenceNo, W.prosecutionOfficialActs],
    ['io-official', 'official-acts', W.arrestYes, W.residenceNo, W.prosecutionOfficialActs],
    ['consular-officer', 'official-acts', W.arrestFelonyWarrant, W.residenceNo, W.prosecutionOfficialActs],
    ['consular-employee', 'official-acts', W.arrestYes, W.residenceNo, W.prosecutionOfficialActs],
    ['honorary-consular-officer', 'official-acts', W.arrestYes, W.residenceNo, W.prosecutionOfficialActs],
    // A bilateral agreement raising consular staff to full immunity.
    ['consular-officer', 'full', W.arrestNo, W.residenceYes, W.prosecutionNo],
    // U.S. nationals' family, locally employed staff, anyone after immunity ended.
    ['dependent', 'none', W.arrestYes, W.residenceNo, W.prosecutionYes],
    ['locally-employed', 'none', W.arrestYes, W.residenceNo, W.prosecutionYes],
  ])('%s with %s immunity', (category, level, arrest, residenceInviolable, prosecution) => {
    expect(guidanceFor(level, category)).toEqual({ arrest, residenceInviolable, prosecution, ticket: W.ticket });
  });

  it('reads an unknown level as no immunity, the safe reading for an officer', () => {
    expect(guidanceFor('', 'diplomatic-agent')).toEqual(guidanceFor('none', 'diplomatic-agent'));
  });

  it('always allows a traffic ticket', () => {
    for (const level of ['full', 'full-criminal', 'official-acts', 'none']) expect(guidanceFor(level, 'diplomatic-agent').ticket).toBe(W.ticket);
  });
});
