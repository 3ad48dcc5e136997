import type { GroupAccess, GroupRole, GroupState } from '@allmende/contracts';

export interface DemoGroup {
  name: string;
  field: string;
  purpose: string;
  goals: string;
  rhythm: string | null;
  lab?: boolean;
  access?: GroupAccess;
  /** The path the group took, after `proposed`, each with a reason and how many months ago. */
  path: [GroupState, string, number][];
  proposedMonthsAgo: number;
  /** e-mail local parts with their role; the first is the proposer. */
  members: [string, GroupRole][];
  /** Asked to join a closed group. */
  requests?: string[];
}

/** Working groups of the demo alliance, in every state of the lifecycle. */
export const DEMO_GROUPS: DemoGroup[] = [
  {
    name: 'Digitale Werkstatt Handwerk',
    field: 'handwerk',
    purpose: 'Handwerksbetriebe probieren gemeinsam digitale Werkzeuge aus: Aufmaß per Tablet, Online-Terminbuchung, gemeinsame Materialbestellung.',
    goals: 'Drei Betriebe nutzen ein gemeinsames Auftragsportal; eine offene Werkstatt für Schulungen.',
    rhythm: 'Monatlich, erster Dienstag, 17 Uhr',
    path: [['approved', 'Beschluss des 2. Plattformtreffens', 34], ['active', 'Auftakttreffen hat stattgefunden', 33]],
    proposedMonthsAgo: 35,
    members: [['member', 'lead'], ['brinkmann', 'co_lead'], ['wolters', 'member'], ['terhorst', 'member'], ['krause', 'member'], ['kowalski', 'member'], ['tenbrink', 'member']],
  },
  {
    name: 'Reallabor Maschinenring Handwerk',
    field: 'handwerk',
    purpose: 'Betriebe teilen teure Maschinen über einen gemeinsamen Buchungskalender und erproben das als Reallabor.',
    goals: 'Maschinen-Sharing für mindestens fünf Betriebe; Auswertung von Kosten und Auslastung.',
    rhythm: 'Alle zwei Wochen',
    lab: true,
    access: 'closed',
    path: [['approved', 'Beschluss des 4. Plattformtreffens', 24], ['active', 'Reallabor gestartet', 23]],
    proposedMonthsAgo: 25,
    members: [['terhorst', 'lead'], ['member', 'member'], ['sievers', 'member'], ['brinkmann', 'member'], ['lenz', 'member']],
    requests: ['engel'],
  },
  {
    name: 'Lebendige Innenstadt',
    field: 'handel',
    purpose: 'Händlerinnen und Händler der Innenstadt verbinden Ladengeschäft und Online-Schaufenster und planen gemeinsame Aktionen.',
    goals: 'Ein gemeinsames Online-Schaufenster; zwei Aktionstage pro Jahr; Leerstände zwischennutzen.',
    rhythm: 'Monatlich',
    path: [['approved', 'Beschluss des 2. Plattformtreffens', 34], ['active', 'Erste Sitzung', 33], ['permanent', 'Von der Werbegemeinschaft dauerhaft übernommen', 6]],
    proposedMonthsAgo: 35,
    members: [['schuermann', 'lead'], ['demir', 'co_lead'], ['hoffmann', 'member'], ['yilmaz', 'member'], ['bauer', 'member'], ['pappas', 'member'], ['sommer', 'member']],
  },
  {
    name: 'Lieferdienst lokal',
    field: 'handel',
    purpose: 'Ein gemeinsamer Lieferdienst für den Einzelhandel mit Lastenrädern.',
    goals: 'Machbarkeit prüfen; Partner für die Auslieferung finden.',
    rhythm: null,
    path: [['approved', 'Beschluss des 3. Plattformtreffens', 28], ['active', 'Start', 27], ['dormant', 'Keine Kapazitäten in der Weihnachtszeit', 20], ['dissolved', 'Aufgegangen in „Lebendige Innenstadt“', 16]],
    proposedMonthsAgo: 29,
    members: [['hoffmann', 'lead'], ['demir', 'member']],
  },
  {
    name: 'Gründungsnetzwerk nachhaltig',
    field: 'gruendungen',
    purpose: 'Gründerinnen und Gründer mit nachhaltigen Ideen finden Mentoring, Räume und erste Kunden vor Ort.',
    goals: 'Ein Mentoring-Programm mit zehn Betrieben; ein Gründungsraum in der Innenstadt.',
    rhythm: 'Alle sechs Wochen',
    path: [['approved', 'Beschluss des 3. Plattformtreffens', 28], ['active', 'Auftakt', 27]],
    proposedMonthsAgo: 29,
    members: [['kaya', 'lead'], ['brandt', 'co_lead'], ['huelsmann', 'member'], ['hartmann', 'member'], ['becker', 'member'], ['fischer', 'member']],
  },
  {
    name: 'Leerstand als Gründungsort',
    field: 'gruendungen',
    purpose: 'Leerstehende Ladenlokale werden für ein Jahr mietfrei an nachhaltige Gründungen vergeben.',
    goals: 'Zwei Ladenlokale vermittelt; Auswertung nach einem Jahr.',
    rhythm: 'Monatlich',
    lab: true,
    path: [['approved', 'Beschluss des 6. Plattformtreffens', 12], ['active', 'Erste Vergabe', 10], ['dormant', 'Warten auf Fördermittel', 3]],
    proposedMonthsAgo: 13,
    members: [['brandt', 'lead'], ['vogt', 'member'], ['kaya', 'member']],
  },
  {
    name: 'Ausbildungsverbund Bottrop',
    field: 'fachkraefte',
    purpose: 'Betriebe bilden gemeinsam aus und teilen Ausbildungsinhalte, die einer allein nicht abdecken kann.',
    goals: 'Verbundausbildung für zwei Berufe; gemeinsamer Auftritt auf der Ausbildungsmesse.',
    rhythm: 'Quartalsweise',
    path: [['approved', 'Beschluss des 7. Plattformtreffens', 5]],
    proposedMonthsAgo: 6,
    members: [['wolters', 'lead'], ['kraemer', 'member'], ['sommer', 'member']],
  },
  {
    name: 'Fachkräfte-Willkommen',
    field: 'fachkraefte',
    purpose: 'Neue Fachkräfte und ihre Familien in Bottrop willkommen heißen: Paten, Wohnungssuche, Vereine.',
    goals: 'Ein Patenprogramm mit zehn Betrieben.',
    rhythm: null,
    path: [],
    proposedMonthsAgo: 1,
    members: [['peters', 'lead']],
  },
];
