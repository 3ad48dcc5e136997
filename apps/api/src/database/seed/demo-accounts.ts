import type { CharterGoal, ConsentPurpose, MembershipStatus } from '@allmende/contracts';

/** Version 1 of the charter: Leitbild and Leitziele of the demo alliance (written for the demo). */
export const DEMO_CHARTER = {
  missionDe:
    'Die Wirtschaftsallianz Bottrop ist eine offene Plattform, auf der Unternehmen, Stadtverwaltung, Wissenschaft und Stadtgesellschaft die Zukunft des Wirtschaftsstandorts gemeinsam gestalten. Wir arbeiten auf Augenhöhe, teilen Wissen und erproben neue Wege in Reallaboren, damit die lokale Wirtschaft nachhaltig, widerstandsfähig und lebenswert bleibt.',
  missionEn:
    'The Bottrop economic alliance is an open platform on which businesses, the city administration, science and civil society shape the future of the local economy together. We work as equals, share knowledge and try out new ways in real-world labs, so that the local economy stays sustainable, resilient and worth living in.',
  goals: [
    { de: 'Kooperationen zwischen Betrieben stärken, besonders im Handwerk', en: 'Strengthen cooperation between businesses, especially in crafts' },
    { de: 'Die Innenstadt als Ort für Handel, Begegnung und Versorgung beleben', en: 'Revive the town centre as a place for trade, encounters and supply' },
    { de: 'Nachhaltige Gründungen vor Ort ermöglichen und begleiten', en: 'Enable and support sustainable business founding in town' },
    { de: 'Fachkräfte gewinnen, ausbilden und halten', en: 'Attract, train and keep skilled workers' },
    { de: 'Entscheidungen transparent und beteiligungsorientiert treffen', en: 'Make decisions transparently and with participation' },
  ] satisfies CharterGoal[],
};

export interface DemoMembership {
  status: MembershipStatus;
  /** Signed and waiting for the office's approval. */
  awaitingApproval?: boolean;
  consents: ConsentPurpose[];
  /** Action field slugs. */
  interests: string[];
}

const ALL: ConsentPurpose[] = ['public_listing', 'publication', 'research'];

/** Membership state of the demo persons by e-mail local part; everyone not named is an active signatory listing publicly. */
export const DEMO_MEMBERSHIPS: Record<string, DemoMembership> = {
  admin: { status: 'active', consents: [], interests: [] },
  office: { status: 'active', consents: ['public_listing', 'publication'], interests: ['handwerk', 'handel', 'gruendungen', 'fachkraefte'] },
  researcher: { status: 'signatory', consents: ['publication'], interests: [] },
  member: { status: 'active', consents: ALL, interests: ['handwerk', 'fachkraefte'] },
  brinkmann: { status: 'active', consents: ALL, interests: ['handwerk'] },
  wolters: { status: 'active', consents: ['public_listing', 'research'], interests: ['handwerk', 'fachkraefte'] },
  overbeck: { status: 'dormant', consents: ['public_listing'], interests: ['handwerk', 'handel'] },
  schuermann: { status: 'active', consents: ALL, interests: ['handel'] },
  demir: { status: 'active', consents: ['research'], interests: ['handel'] },
  hoffmann: { status: 'signatory', consents: ['public_listing', 'research'], interests: ['handel', 'gruendungen'] },
  terhorst: { status: 'active', consents: ['research'], interests: ['handwerk'] },
  nowak: { status: 'interested', consents: [], interests: ['fachkraefte'] },
  peters: { status: 'interested', awaitingApproval: true, consents: ['public_listing'], interests: ['handel', 'gruendungen'] },
  huelsmann: { status: 'active', consents: ['public_listing'], interests: ['gruendungen'] },
  pappas: { status: 'left', consents: [], interests: ['handel'] },
  lindemann: { status: 'interested', awaitingApproval: true, consents: ['research'], interests: ['handel'] },
  kaya: { status: 'active', consents: ALL, interests: ['gruendungen'] },
  brandt: { status: 'active', consents: ['public_listing', 'research'], interests: ['gruendungen'] },
  kraemer: { status: 'dormant', consents: [], interests: ['fachkraefte'] },
  rademacher: { status: 'signatory', consents: ['publication'], interests: [] },
  sievers: { status: 'interested', consents: [], interests: ['handwerk'] },
  neumann: { status: 'interested', awaitingApproval: true, consents: ['public_listing', 'research'], interests: ['handwerk', 'handel'] },
};

export const DEFAULT_DEMO_MEMBERSHIP: DemoMembership = { status: 'active', consents: ['public_listing', 'research'], interests: [] };
