import { ACTOR_TYPES, ROLES, SECTORS } from '../index';

describe('domain enums', () => {
  it('lists every quadruple-helix actor type once', () => {
    expect(ACTOR_TYPES).toEqual(['business', 'public_administration', 'science', 'civil_society', 'intermediary']);
  });
  it('lists business sectors and roles without duplicates', () => {
    expect(new Set(SECTORS).size).toBe(SECTORS.length);
    expect(new Set(ROLES).size).toBe(4);
  });
});
