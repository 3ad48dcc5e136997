import type { CardStage, LabRecord, Responsibility } from '@allmende/contracts';

/** Strategic goals under the Leitziele of the demo charter: [Leitziel number, title, action field slug]. */
export const DEMO_STRATEGIC_GOALS: [number, string, string | null][] = [
  [1, 'Betriebe teilen Maschinen, Wissen und Aufträge', 'handwerk'],
  [1, 'Digitale Werkzeuge im Handwerk gemeinsam erproben', 'handwerk'],
  [2, 'Leerstände in der Innenstadt beleben', 'handel'],
  [2, 'Lokaler Handel ist online und vor Ort erreichbar', 'handel'],
  [3, 'Gründende finden Räume, Netzwerk und Begleitung', 'gruendungen'],
  [4, 'Ausbildung in Bottroper Betrieben sichtbar machen', 'fachkraefte'],
  [5, 'Beschlüsse der Allianz sind nachvollziehbar', null],
];

export interface DemoCard {
  title: string;
  stage: CardStage;
  description: string;
  /** Index into DEMO_STRATEGIC_GOALS. */
  goal?: number;
  field?: string;
  responsibility?: Responsibility;
  /** Organisation keys (demo-data). */
  organisations?: string[];
  /** Person e-mail local parts. */
  persons?: string[];
  labels?: string[];
  public?: boolean;
  dueInDays?: number;
  checklist?: [string, boolean][];
  lab?: LabRecord;
  /** Text of the plenary decision that created the card. */
  decision?: string;
}

/** The alliance board: measures of the joint strategy (Zukunftsplan). */
export const DEMO_ALLIANCE_CARDS: DemoCard[] = [
  {
    title: 'Maschinenring Handwerk',
    stage: 'lab',
    description: 'Betriebe teilen selten genutzte Maschinen über einen gemeinsamen **Buchungskalender**; die Kreishandwerkerschaft koordiniert.',
    goal: 0,
    field: 'handwerk',
    responsibility: 'cooperative',
    organisations: ['kamps', 'metallbau', 'khs'],
    persons: ['terhorst', 'member'],
    labels: ['Reallabor', 'Kooperation'],
    public: true,
    checklist: [['Maschinenliste erheben', true], ['Versicherungsfragen klären', true], ['Buchungskalender online', false], ['Auswertung nach 12 Monaten', false]],
    lab: {
      activities: 'Bestandsaufnahme der Maschinen in 14 Betrieben; Musterverträge für die Überlassung; Buchung über einen gemeinsamen Kalender.',
      coordination: 'Kreishandwerkerschaft Emscher-Lippe-West mit dem Amt für Wirtschaftsförderung; monatliches Treffen der beteiligten Betriebe.',
      funding: 'Eigenanteile der Betriebe; Moderation aus Mitteln des Modellprojekts Bottrop 2018plus.',
      actors: 'Tischlerei Kamps, Metallbau Kirchhellen, Elektro Brinkmann, Kreishandwerkerschaft, Wirtschaftsförderung.',
      targetGroups: 'Kleine Handwerksbetriebe, die sich teure Spezialmaschinen allein nicht leisten.',
      addedValue: 'Geringere Investitionskosten, bessere Auslastung, Kontakte zwischen Betrieben, die vorher nicht zusammenarbeiteten.',
      results: 'Nach einem Jahr 9 Maschinen im Ring, 120 Buchungstage; zwei gemeinsame Aufträge entstanden.',
    },
    decision: 'Das Reallabor „Maschinenring Handwerk“ startet.',
  },
  {
    title: 'Leerstand als Gründungsort',
    stage: 'project',
    description: 'Leere Ladenlokale werden für ein Jahr mietgünstig an Gründende vergeben; Eigentümer und Stadt teilen das Risiko.',
    goal: 4,
    field: 'gruendungen',
    responsibility: 'city_office',
    organisations: ['stadt', 'werbegemeinschaft', 'unverpackt'],
    persons: ['office', 'brandt'],
    labels: ['Reallabor', 'Innenstadt'],
    public: true,
    checklist: [['Eigentümer ansprechen', true], ['Auswahlverfahren', true], ['Erste Mieter eingezogen', true]],
    lab: {
      activities: 'Leerstandskataster; Aufruf an Gründende; Zwischenmietverträge; Begleitung durch das Gründungsnetzwerk.',
      coordination: 'Amt für Wirtschaftsförderung und Standortmanagement.',
      funding: 'Städtebauförderung (Verfügungsfonds) und Mietnachlass der Eigentümer.',
      actors: 'Stadt Bottrop, Werbegemeinschaft Innenstadt, Eigentümer, Gründungsnetzwerk.',
      targetGroups: 'Gründende aus Handel, Handwerk und Gastronomie.',
      addedValue: 'Weniger Leerstand, sichtbare Gründungen in der Innenstadt, Erprobung ohne hohes Risiko.',
      results: 'Drei Ladenlokale belegt, darunter ein Unverpackt-Laden, der nach dem Jahr regulär gemietet hat.',
    },
    decision: 'Das Reallabor „Leerstand als Gründungsort“ wird eingerichtet.',
  },
  {
    title: 'Gemeinsamer Online-Marktplatz der Innenstadthändler',
    stage: 'measure',
    description: 'Ein gemeinsames Schaufenster im Netz mit Abholung im Laden und Lieferung durch einen lokalen Dienst.',
    goal: 3,
    field: 'handel',
    responsibility: 'companies',
    organisations: ['modehaus', 'buchhandlung', 'radladen'],
    persons: ['schuermann'],
    labels: ['Digitalisierung'],
    public: true,
    dueInDays: 120,
  },
  {
    title: 'Ausbildungsbörse „Handwerk zum Anfassen“',
    stage: 'measure',
    description: 'Betriebe öffnen einmal im Jahr ihre Werkstätten für Schülerinnen und Schüler.',
    goal: 5,
    field: 'fachkraefte',
    responsibility: 'cooperative',
    organisations: ['khs', 'hwk', 'jobcenter'],
    persons: ['wolters'],
    labels: ['Ausbildung'],
    public: true,
    dueInDays: 60,
    checklist: [['Termin mit Schulen abstimmen', false], ['Betriebe gewinnen', true]],
  },
  {
    title: 'Digitale Werkstatt: 3D-Druck für Handwerksbetriebe',
    stage: 'idea',
    description: 'Ein gemeinsam genutzter 3D-Drucker im Kulturzentrum, betreut von der Hochschule.',
    goal: 1,
    field: 'handwerk',
    responsibility: 'cooperative',
    organisations: ['hrw'],
    labels: ['Digitalisierung'],
  },
  {
    title: 'Beschlussarchiv der Allianz öffentlich machen',
    stage: 'measure',
    description: 'Alle Beschlüsse der Plattformtreffen mit Methode und Beteiligungsstufe auf der Website.',
    goal: 6,
    responsibility: 'city_office',
    organisations: ['stadt'],
    persons: ['office'],
    labels: ['Transparenz'],
    public: true,
  },
  {
    title: 'Lieferdienst lokal',
    stage: 'stopped',
    description: 'Ein gemeinsamer Lieferdienst der Innenstadthändler. Eingestellt: zu wenig Bestellungen; die Gruppe ging in „Lebendige Innenstadt“ auf.',
    goal: 3,
    field: 'handel',
    responsibility: 'companies',
    organisations: ['radladen'],
    labels: ['Innenstadt'],
  },
  {
    title: 'Gründungsstammtisch',
    stage: 'permanent',
    description: 'Monatlicher Stammtisch für Gründende, inzwischen fester Termin im Café Malakoff.',
    goal: 4,
    field: 'gruendungen',
    responsibility: 'companies',
    organisations: ['cafe', 'solarstart'],
    labels: ['Netzwerk'],
    public: true,
  },
];

/** A few cards on each group's board: [group name, cards]. */
export const DEMO_GROUP_CARDS: [string, DemoCard[]][] = [
  ['Digitale Werkstatt Handwerk', [
    { title: 'Bedarf an digitalen Werkzeugen erheben', stage: 'measure', description: 'Kurze Umfrage unter den Betrieben der Gruppe.', persons: ['member'], labels: ['Umfrage'], checklist: [['Fragebogen', true], ['Versand', false]] },
    { title: 'Gemeinsame Website-Vorlage für Betriebe', stage: 'idea', description: 'Eine Vorlage, die jeder Betrieb mit eigenen Inhalten füllt.', labels: ['Digitalisierung'] },
    { title: 'Workshop digitale Auftragsannahme', stage: 'idea', description: 'Mit dem Zechenwerk IT-Service.', organisations: ['it'] },
  ]],
  ['Reallabor Maschinenring Handwerk', [
    { title: 'Buchungskalender einrichten', stage: 'project', description: 'Kalender mit Zugängen für alle Betriebe.', persons: ['terhorst'], dueInDays: 30 },
    { title: 'Versicherungsschutz für geteilte Maschinen', stage: 'measure', description: 'Rahmenvertrag mit einem Versicherer prüfen.' },
  ]],
  ['Lebendige Innenstadt', [
    { title: 'Schaufenster-Galerie in leeren Läden', stage: 'measure', description: 'Künstlerinnen und Künstler stellen in Leerständen aus.', labels: ['Innenstadt'], public: true },
    { title: 'Einheitliche Öffnungszeiten am Samstag', stage: 'idea', description: 'Abstimmung unter den Händlern.' },
  ]],
  ['Gründungsnetzwerk nachhaltig', [
    { title: 'Patenschaften erfahrener Unternehmer', stage: 'measure', description: 'Gründende erhalten eine Patin oder einen Paten für das erste Jahr.', labels: ['Netzwerk'] },
    { title: 'Gründungsstammtisch', stage: 'permanent', description: 'Monatlich im Café Malakoff.' },
  ]],
];
