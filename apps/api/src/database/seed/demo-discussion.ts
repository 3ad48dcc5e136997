/** Lively threads of the demo alliance: [subject, title, messages as [author local part, text, hours ago]]. */
export interface DemoThread {
  subject: { type: 'group'; name: string } | { type: 'alliance' } | { type: 'card'; title: string } | { type: 'meeting'; next: 'plenary' };
  title: string;
  messages: [string, string, number][];
}

export const DEMO_THREADS: DemoThread[] = [
  {
    subject: { type: 'group', name: 'Digitale Werkstatt Handwerk' },
    title: 'Welche Tablet-App fürs Aufmaß?',
    messages: [
      ['member', 'Wir testen gerade zwei Apps für das Aufmaß vor Ort. Hat jemand Erfahrungen?', 70],
      ['brinkmann', 'Wir nutzen seit einem Jahr eine App mit Laser-Entfernungsmesser. Spart pro Baustelle gut eine Stunde.', 66],
      ['wolters', 'Auf dem Dach funktioniert das nur bedingt – **Sonne auf dem Display** ist das Problem.', 50],
      ['terhorst', 'Könnten wir nicht gemeinsam eine Lizenz kaufen? @[Markus Kamps](person:member) fragst du beim Anbieter an?', 26],
      ['member', 'Mache ich bis Freitag. Ich bringe das Angebot zum nächsten Arbeitstreffen mit.', 20],
    ],
  },
  {
    subject: { type: 'group', name: 'Digitale Werkstatt Handwerk' },
    title: 'Online-Terminbuchung: Erfahrungen',
    messages: [
      ['krause', 'Seit wir Online-Termine anbieten, kommen deutlich weniger Anrufe während der Arbeit.', 120],
      ['kowalski', 'Welche Lösung nutzt ihr? Datenschutz ist bei uns ein Thema.', 110],
      ['krause', 'Ein Anbieter mit Servern in Deutschland, Auftragsverarbeitungsvertrag liegt vor.', 100],
    ],
  },
  {
    subject: { type: 'group', name: 'Lebendige Innenstadt' },
    title: 'Aktionstag im Frühjahr',
    messages: [
      ['schuermann', 'Vorschlag: ein gemeinsamer Aktionstag im April mit verlängerten Öffnungszeiten.', 90],
      ['demir', 'Gerne, und die leeren Ladenlokale mit Ausstellungen bespielen.', 80],
      ['schuermann', 'Ich spreche die Werbegemeinschaft an.', 40],
    ],
  },
  {
    subject: { type: 'alliance' },
    title: 'Offenes Thema: Wie erreichen wir mehr junge Betriebe?',
    messages: [
      ['office', 'Bei den letzten Treffen waren kaum Gründende dabei. Was hält euch ab, was würde helfen?', 200],
      ['brandt', 'Die Treffen um 17 Uhr passen schlecht – viele von uns arbeiten dann noch im Laden.', 190],
      ['kaya', 'Ein kurzes digitales Format zwischendurch wäre für mich leichter.', 150],
      ['office', 'Danke! Wir probieren beim nächsten Plattformtreffen eine Online-Teilnahme aus.', 100],
    ],
  },
  {
    subject: { type: 'card', title: 'Maschinenring Handwerk' },
    title: 'Buchungsregeln für die Maschinen',
    messages: [
      ['terhorst', 'Vorschlag: maximal drei Tage am Stück, Rückgabe gereinigt.', 60],
      ['member', 'Einverstanden. Wer haftet bei Schäden? Das sollten wir vor dem Start klären.', 30],
    ],
  },
  {
    subject: { type: 'meeting', next: 'plenary' },
    title: 'Fragen zur Tagesordnung',
    messages: [['office', 'Die Entscheidungsvorlage zum Zukunftsplan hängt am Treffen. Fragen gerne hier vorab.', 12]],
  },
];
