import type { DecisionMethod, ParticipationLevel } from '@allmende/contracts';

export interface DemoPlenary {
  number: number;
  /** Date in Berlin, 17:00–20:00 local time. */
  date: string;
  host: string;
  attendees: number;
  agenda: [string, string | null, number][];
  minutes: string;
  decisions: [string, DecisionMethod, ParticipationLevel, string][];
}

/** The numbered plenary meetings (Plattformtreffen) 1–8, about two a year, hosted by member organisations. */
export const DEMO_PLENARIES: DemoPlenary[] = [
  { number: 1, date: '2016-11-17', host: 'hrw', attendees: 46, agenda: [['Begrüßung und Ziele der Allianz', 'Petra Wiegand', 20], ['Handlungsfelder finden', 'Dr. Miriam Rademacher', 60]], minutes: 'Drei Handlungsfelder wurden in Kleingruppen erarbeitet.', decisions: [['Die Allianz arbeitet in drei Handlungsfeldern: Handwerk, Handel, Gründungen.', 'consensus', 'co_decide', 'einstimmig']] },
  { number: 2, date: '2017-05-11', host: 'kamps', attendees: 52, agenda: [['Leitbild und Leitziele', 'Petra Wiegand', 45], ['Arbeitsgruppen bilden', null, 60]], minutes: 'Leitbild beschlossen; erste Arbeitsgruppen gegründet.', decisions: [['Das Leitbild wird in der vorliegenden Fassung angenommen.', 'consent', 'co_decide', 'ohne Einwand angenommen'], ['Die AG „Digitale Werkstatt Handwerk“ und die AG „Lebendige Innenstadt“ werden eingerichtet.', 'consensus', 'co_decide', 'angenommen']] },
  { number: 3, date: '2017-11-09', host: 'metallbau', attendees: 49, agenda: [['Berichte der Arbeitsgruppen', null, 45], ['Punktabfrage: Maßnahmen 2018', 'Dr. Jonas Albers', 40]], minutes: 'Lieferdienst und Gründungsnetzwerk als neue Gruppen.', decisions: [['Priorität 2018: Gründungsnetzwerk und Lieferdienst lokal.', 'dot_voting', 'consult', 'Gründungsnetzwerk 41 Punkte, Lieferdienst 33 Punkte']] },
  { number: 4, date: '2018-04-19', host: 'hotel', attendees: 58, agenda: [['Reallabore vorstellen', 'Ralf Terhorst', 30], ['Zukunftsplan: Struktur', 'Petra Wiegand', 60]], minutes: 'Reallabor Maschinenring beschlossen.', decisions: [['Das Reallabor „Maschinenring Handwerk“ startet.', 'consensus', 'co_decide', 'angenommen']] },
  { number: 5, date: '2018-10-25', host: 'stadt', attendees: 54, agenda: [['Zukunftsplan: Maßnahmen', null, 90]], minutes: 'Maßnahmen des Zukunftsplans in Kleingruppen gesammelt.', decisions: [['Der Entwurf des Zukunftsplans wird in den Arbeitsgruppen weiterbearbeitet.', 'consent', 'consult', 'angenommen']] },
  { number: 6, date: '2019-02-21', host: 'kunststoff', attendees: 47, agenda: [['Leerstand als Gründungsort', 'Felix Brandt', 30], ['Auflösung der AG Lieferdienst', 'Petra Wiegand', 20]], minutes: 'Die AG Lieferdienst geht in der AG Lebendige Innenstadt auf.', decisions: [['Das Reallabor „Leerstand als Gründungsort“ wird eingerichtet.', 'majority', 'co_decide', '31 dafür, 4 dagegen, 6 Enthaltungen']] },
  { number: 7, date: '2019-06-13', host: 'cafe', attendees: 51, agenda: [['Fachkräfte als neues Handlungsfeld', 'Julia Sommer', 40]], minutes: 'Fachkräfte als viertes Handlungsfeld aufgenommen.', decisions: [['Fachkräfte wird als viertes Handlungsfeld aufgenommen.', 'consensus', 'co_decide', 'einstimmig']] },
  { number: 8, date: '2019-09-05', host: 'stadt', attendees: 45, agenda: [['Bilanz des Modellprojekts', 'Dr. Miriam Rademacher', 45], ['Wie geht es weiter?', 'Petra Wiegand', 45]], minutes: 'Die Geschäftsstelle führt die Plattform dauerhaft weiter.', decisions: [['Die Wirtschaftsallianz wird nach Projektende von der Geschäftsstelle weitergeführt.', 'consensus', 'inform', 'zur Kenntnis genommen']] },
];

export const DEMO_CONFERENCE = {
  title: 'Fachtagung: Lokale Wirtschaftsstrukturen transformieren – Zukunft gemeinsam gestalten',
  description: 'Die öffentliche Fachtagung der Wirtschaftsallianz für Wirtschaftsförderungen, Regionalentwicklung, Kommunalpolitik, Wissenschaft und Unternehmen. Die Teilnehmerzahl ist begrenzt.',
  daysAhead: 45,
  capacity: 80,
};

/** Upcoming sessions of active groups: [group name, days ahead]. */
export const DEMO_GROUP_SESSIONS: [string, number][] = [
  ['Digitale Werkstatt Handwerk', 6],
  ['Gründungsnetzwerk nachhaltig', 13],
  ['Reallabor Maschinenring Handwerk', 20],
];

/** Small groups (Kleingruppen) of plenaries: [series number, [name, note][]]. */
export const DEMO_SMALL_GROUPS: [number, [string, string][]][] = [
  [1, [
    ['Handwerk', 'Nachwuchs und Digitalisierung sind die drängendsten Themen; gemeinsame Werkstatt denkbar.'],
    ['Handel', 'Leerstand in der Innenstadt, Lieferdienst lokaler Händler als Idee.'],
    ['Gründungen', 'Gründende finden schwer Räume und Netzwerke; Patenschaften vorgeschlagen.'],
  ]],
  [5, [
    ['Maßnahmen Handwerk', 'Maschinenring verstetigen; Ausbildungsbörse mit der Kreishandwerkerschaft.'],
    ['Maßnahmen Innenstadt', 'Zwischennutzung leerer Ladenlokale, Schaufenster-Galerie.'],
    ['Maßnahmen Gründung', 'Gründungsstammtisch monatlich; Leerstand als Gründungsort prüfen.'],
  ]],
];

/** Documents of upcoming meetings: [which meeting, file name, title, lines]. */
export const DEMO_DOCUMENTS: ['conference' | 'next-plenary', string, string, string[]][] = [
  ['conference', 'Programm Fachtagung.pdf', 'Programm der Fachtagung', ['08:30 Ankommen', '09:00 Begrüßung', '09:30 Ergebnisse der Wirtschaftsallianz', '11:00 Foren', '13:30 Abschluss']],
  ['next-plenary', 'Entscheidungsvorlage Zukunftsplan.pdf', 'Entscheidungsvorlage', ['Fortschreibung des Zukunftsplans', 'Maßnahmen zur Abstimmung per Punktabfrage']],
];

/** A small, valid one-page PDF with a title and lines (Helvetica; Latin-1 text). */
export function demoPdf(title: string, lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = [`BT /F1 18 Tf 56 780 Td (${esc(title)}) Tj ET`, ...lines.map((l, i) => `BT /F1 12 Tf 56 ${740 - i * 20} Td (${esc(l)}) Tj ET`)].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
