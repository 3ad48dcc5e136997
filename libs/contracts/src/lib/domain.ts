/** Quadruple-helix actor types of an organisation (Akteurstyp). */
export const ActorType = {
  Business: 'business',
  PublicAdministration: 'public_administration',
  Science: 'science',
  CivilSociety: 'civil_society',
  Intermediary: 'intermediary',
} as const;
export type ActorType = (typeof ActorType)[keyof typeof ActorType];
export const ACTOR_TYPES: readonly ActorType[] = Object.values(ActorType);

/** Sector (Branche) of a business. */
export const Sector = {
  Crafts: 'crafts',
  Retail: 'retail',
  Industry: 'industry',
  Services: 'services',
  Hospitality: 'hospitality',
  StartUp: 'start_up',
} as const;
export type Sector = (typeof Sector)[keyof typeof Sector];
export const SECTORS: readonly Sector[] = Object.values(Sector);

/** Platform roles; a person may hold several. */
export const Role = {
  Member: 'member',
  Moderator: 'moderator',
  Researcher: 'researcher',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);
