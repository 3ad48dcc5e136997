import type { ActorType, Role, Sector } from '@allmende/contracts';

/**
 * Demo data of the Wirtschaftsallianz Bottrop. Institutions are the public ones
 * named in the project's record; businesses and persons are invented.
 */
export interface DemoActionField {
  slug: string;
  nameDe: string;
  nameEn: string;
  descriptionDe: string;
  descriptionEn: string;
  color: string;
  icon: string;
}

export const DEMO_ACTION_FIELDS: DemoActionField[] = [
  {
    slug: 'handwerk',
    nameDe: 'Kooperative und digitale Produktionsformen im Handwerk',
    nameEn: 'Cooperative and digital production in crafts',
    descriptionDe: 'Handwerksbetriebe erschließen gemeinsam digitale Werkzeuge, teilen Maschinen und Aufträge und gewinnen Nachwuchs.',
    descriptionEn: 'Craft businesses adopt digital tools together, share machines and orders, and attract young talent.',
    color: '#8a4b08',
    icon: 'construction',
  },
  {
    slug: 'handel',
    nameDe: 'Handel der Zukunft',
    nameEn: 'Retail of the future',
    descriptionDe: 'Der Einzelhandel in der Innenstadt verbindet Ladengeschäft und Online-Angebot und belebt die Quartiere.',
    descriptionEn: 'Town-centre retail connects shops with online offers and brings the districts to life.',
    color: '#1f5f8b',
    icon: 'storefront',
  },
  {
    slug: 'gruendungen',
    nameDe: 'Nachhaltige Unternehmensgründungen',
    nameEn: 'Sustainable business founding',
    descriptionDe: 'Gründerinnen und Gründer mit nachhaltigen Geschäftsideen finden Räume, Beratung und Partner vor Ort.',
    descriptionEn: 'Founders with sustainable business ideas find space, advice and partners in town.',
    color: '#2e6b34',
    icon: 'eco',
  },
  {
    slug: 'fachkraefte',
    nameDe: 'Fachkräfte',
    nameEn: 'Skilled workers',
    descriptionDe: 'Betriebe, Schulen und Kammern sichern gemeinsam Ausbildung und Fachkräfte für die lokale Wirtschaft.',
    descriptionEn: 'Businesses, schools and chambers secure apprenticeships and skilled workers for the local economy together.',
    color: '#6b3a8a',
    icon: 'school',
  },
];

export interface DemoOrganisation {
  key: string;
  name: string;
  actorType: ActorType;
  sector?: Sector;
  wzCode?: string;
  district: string;
  website?: string;
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'stadt', name: 'Stadt Bottrop – Amt für Wirtschaftsförderung und Standortmanagement', actorType: 'public_administration', district: 'Stadtmitte', website: 'https://www.bottrop.de' },
  { key: 'stadtplanung', name: 'Stadt Bottrop – Fachbereich Stadtplanung', actorType: 'public_administration', district: 'Stadtmitte' },
  { key: 'jobcenter', name: 'Jobcenter Bottrop', actorType: 'public_administration', district: 'Stadtmitte' },
  { key: 'iat', name: 'Institut Arbeit und Technik (IAT)', actorType: 'science', district: 'Gelsenkirchen (extern)' },
  { key: 'faktor10', name: 'Faktor 10 – Institut für nachhaltiges Wirtschaften', actorType: 'science', district: 'Extern' },
  { key: 'hrw', name: 'Hochschule Ruhr West, Campus Bottrop', actorType: 'science', district: 'Stadtmitte' },
  { key: 'hwk', name: 'Handwerkskammer Münster', actorType: 'intermediary', district: 'Extern' },
  { key: 'ihk', name: 'IHK Nord Westfalen', actorType: 'intermediary', district: 'Extern' },
  { key: 'khs', name: 'Kreishandwerkerschaft Emscher-Lippe-West', actorType: 'intermediary', district: 'Stadtmitte' },
  { key: 'werbegemeinschaft', name: 'Werbegemeinschaft Bottroper Innenstadt e. V.', actorType: 'intermediary', district: 'Stadtmitte' },
  { key: 'buergerstiftung', name: 'Bürgerstiftung Bottrop', actorType: 'civil_society', district: 'Altstadt' },
  { key: 'repaircafe', name: 'Repair-Café Eigen', actorType: 'civil_society', district: 'Eigen' },
  { key: 'kamps', name: 'Tischlerei Kamps GmbH', actorType: 'business', sector: 'crafts', wzCode: '16.23', district: 'Fuhlenbrock' },
  { key: 'brinkmann', name: 'Elektro Brinkmann GmbH & Co. KG', actorType: 'business', sector: 'crafts', wzCode: '43.21', district: 'Batenbrock' },
  { key: 'dachdecker', name: 'Dachdeckerei Wolters', actorType: 'business', sector: 'crafts', wzCode: '43.91', district: 'Kirchhellen' },
  { key: 'baeckerei', name: 'Bäckerei Overbeck', actorType: 'business', sector: 'crafts', wzCode: '10.71', district: 'Boy' },
  { key: 'modehaus', name: 'Modehaus Schürmann', actorType: 'business', sector: 'retail', wzCode: '47.71', district: 'Stadtmitte' },
  { key: 'buchhandlung', name: 'Buchhandlung am Pferdemarkt', actorType: 'business', sector: 'retail', wzCode: '47.61', district: 'Stadtmitte' },
  { key: 'radladen', name: 'Rad & Tat Fahrradladen', actorType: 'business', sector: 'retail', wzCode: '47.64', district: 'Eigen' },
  { key: 'metallbau', name: 'Metallbau Kirchhellen GmbH', actorType: 'business', sector: 'industry', wzCode: '25.11', district: 'Kirchhellen' },
  { key: 'kunststoff', name: 'Emscher Kunststofftechnik GmbH', actorType: 'business', sector: 'industry', wzCode: '22.29', district: 'Welheim' },
  { key: 'it', name: 'Zechenwerk IT-Service', actorType: 'business', sector: 'services', wzCode: '62.02', district: 'Batenbrock' },
  { key: 'steuer', name: 'Steuerberatung Hülsmann & Partner', actorType: 'business', sector: 'services', wzCode: '69.20', district: 'Altstadt' },
  { key: 'cafe', name: 'Café Malakoff', actorType: 'business', sector: 'hospitality', wzCode: '56.10', district: 'Stadtmitte' },
  { key: 'hotel', name: 'Hotel am Stadtgarten', actorType: 'business', sector: 'hospitality', wzCode: '55.10', district: 'Stadtmitte' },
  { key: 'unverpackt', name: 'Bottrop unverpackt UG', actorType: 'business', sector: 'start_up', wzCode: '47.29', district: 'Altstadt' },
  { key: 'solarstart', name: 'Sonnenhalde Energie-Start-up', actorType: 'business', sector: 'start_up', wzCode: '35.11', district: 'Ebel' },
];

export interface DemoPerson {
  email: string;
  displayName: string;
  roles: Role[];
  /** Organisation key and role; the first one is the main affiliation. */
  affiliations: [string, 'representative' | 'employee'][];
}

/** The four demo logins first; they are printed on start. */
export const DEMO_ACCOUNTS: DemoPerson[] = [
  { email: 'admin@allmende.example', displayName: 'Alex Admin', roles: ['admin', 'member'], affiliations: [['stadt', 'employee']] },
  { email: 'office@allmende.example', displayName: 'Petra Wiegand', roles: ['moderator', 'member'], affiliations: [['stadt', 'representative']] },
  { email: 'researcher@allmende.example', displayName: 'Dr. Jonas Albers', roles: ['researcher'], affiliations: [['iat', 'employee']] },
  { email: 'member@allmende.example', displayName: 'Markus Kamps', roles: ['member'], affiliations: [['kamps', 'representative']] },
];

const people: [string, string, [string, 'representative' | 'employee'][]][] = [
  ['Sabine Brinkmann', 'brinkmann', [['brinkmann', 'representative']]],
  ['Thomas Wolters', 'wolters', [['dachdecker', 'representative'], ['khs', 'employee']]],
  ['Anna Overbeck', 'overbeck', [['baeckerei', 'representative']]],
  ['Claudia Schürmann', 'schuermann', [['modehaus', 'representative'], ['werbegemeinschaft', 'representative']]],
  ['Yusuf Demir', 'demir', [['buchhandlung', 'representative']]],
  ['Lena Hoffmann', 'hoffmann', [['radladen', 'representative']]],
  ['Ralf Terhorst', 'terhorst', [['metallbau', 'representative']]],
  ['Katrin Nowak', 'nowak', [['kunststoff', 'employee']]],
  ['Jan Peters', 'peters', [['it', 'representative']]],
  ['Miriam Hülsmann', 'huelsmann', [['steuer', 'representative']]],
  ['Giorgos Pappas', 'pappas', [['cafe', 'representative']]],
  ['Heike Lindemann', 'lindemann', [['hotel', 'employee']]],
  ['Sophie Kaya', 'kaya', [['unverpackt', 'representative']]],
  ['Felix Brandt', 'brandt', [['solarstart', 'representative']]],
  ['Martin Schulte', 'schulte', [['stadt', 'employee']]],
  ['Ingrid Vogt', 'vogt', [['stadtplanung', 'employee']]],
  ['Oliver Krämer', 'kraemer', [['jobcenter', 'employee']]],
  ['Dr. Miriam Rademacher', 'rademacher', [['iat', 'employee']]],
  ['Prof. Dr. Stefan Lenz', 'lenz', [['faktor10', 'representative']]],
  ['Nadine Becker', 'becker', [['hrw', 'employee']]],
  ['Bernd Kowalski', 'kowalski', [['hwk', 'employee']]],
  ['Julia Sommer', 'sommer', [['ihk', 'employee']]],
  ['Uwe Tenbrink', 'tenbrink', [['khs', 'representative']]],
  ['Monika Fischer', 'fischer', [['buergerstiftung', 'representative']]],
  ['Karl-Heinz Rother', 'rother', [['repaircafe', 'representative']]],
  ['Elif Yilmaz', 'yilmaz', [['modehaus', 'employee']]],
  ['Daniel Krause', 'krause', [['kamps', 'employee']]],
  ['Laura Engel', 'engel', [['brinkmann', 'employee']]],
  ['Patrick Sievers', 'sievers', [['metallbau', 'employee']]],
  ['Renate Bauer', 'bauer', [['buchhandlung', 'employee'], ['buergerstiftung', 'employee']]],
  ['Tobias Neumann', 'neumann', [['it', 'employee']]],
  ['Svenja Hartmann', 'hartmann', [['solarstart', 'employee']]],
];

export const DEMO_PERSONS: DemoPerson[] = [
  ...DEMO_ACCOUNTS,
  ...people.map(([displayName, local, affiliations]) => ({
    email: `${local}@demo.allmende.example`,
    displayName,
    roles: ['member'] as Role[],
    affiliations,
  })),
];
