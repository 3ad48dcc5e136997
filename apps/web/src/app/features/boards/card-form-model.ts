import {
  LAB_FIELDS,
  type CardDto,
  type ChecklistItem,
  type LabRecord,
  type NamedRef,
  type Responsibility,
  type UpdateCardRequest,
} from '@allmende/contracts';

/** The editable fields of a card as the detail form holds them. */
export interface CardFormValue {
  title: string;
  description: string;
  actionFieldId: string | null;
  strategicGoalId: string | null;
  responsibility: Responsibility | null;
  organisations: NamedRef[];
  persons: NamedRef[];
  /** `YYYY-MM-DD`, '' for none. */
  dueDate: string;
  labels: string[];
  checklist: ChecklistItem[];
  public: boolean;
  /** Always all fields; all empty stands for "no record". */
  lab: LabRecord;
}

type PlainField = Exclude<keyof CardFormValue, 'lab'>;
/** A field of the form; the lab record counts field by field. */
export type CardField = PlainField | `lab.${keyof LabRecord}`;

const PLAIN_FIELDS: readonly PlainField[] = [
  'title',
  'description',
  'actionFieldId',
  'strategicGoalId',
  'responsibility',
  'organisations',
  'persons',
  'dueDate',
  'labels',
  'checklist',
  'public',
];
export const CARD_FIELDS: readonly CardField[] = [...PLAIN_FIELDS, ...LAB_FIELDS.map((f) => `lab.${f}` as const)];

export function emptyLab(): LabRecord {
  return { activities: '', coordination: '', funding: '', actors: '', targetGroups: '', addedValue: '', results: '' };
}

export function hasLab(lab: LabRecord | null): boolean {
  return !!lab && LAB_FIELDS.some((f) => lab[f].trim() !== '');
}

export function cardFormValue(card: CardDto): CardFormValue {
  return {
    title: card.title,
    description: card.description,
    actionFieldId: card.actionFieldId,
    strategicGoalId: card.strategicGoalId,
    responsibility: card.responsibility,
    organisations: card.organisations.map((o) => ({ ...o })),
    persons: card.persons.map((p) => ({ ...p })),
    dueDate: card.dueDate ? card.dueDate.slice(0, 10) : '',
    labels: [...card.labels],
    checklist: card.checklist.map((i) => ({ ...i })),
    public: card.public,
    lab: { ...emptyLab(), ...(card.lab ?? {}) },
  };
}

function fieldValue(value: CardFormValue, field: CardField): unknown {
  if (field.startsWith('lab.')) return value.lab[field.slice(4) as keyof LabRecord];
  const plain = value[field as PlainField];
  // organisations and persons: the set of ids counts, not the names or their order
  if (field === 'organisations' || field === 'persons') return (plain as NamedRef[]).map((r) => r.id).sort();
  return plain;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields that differ between two form values. */
export function changedFields(a: CardFormValue, b: CardFormValue): CardField[] {
  return CARD_FIELDS.filter((f) => !same(fieldValue(a, f), fieldValue(b, f)));
}

/** PATCH body with only the fields changed from `base`, and the version; null when nothing changed. */
export function cardPatch(base: CardFormValue, edited: CardFormValue, version: number): UpdateCardRequest | null {
  const changed = changedFields(base, edited);
  if (changed.length === 0) return null;
  const patch: UpdateCardRequest = { version };
  for (const field of changed) {
    switch (field) {
      case 'title':
        patch.title = edited.title.trim();
        break;
      case 'description':
        patch.description = edited.description;
        break;
      case 'actionFieldId':
        patch.actionFieldId = edited.actionFieldId;
        break;
      case 'strategicGoalId':
        patch.strategicGoalId = edited.strategicGoalId;
        break;
      case 'responsibility':
        patch.responsibility = edited.responsibility;
        break;
      case 'organisations':
        patch.organisationIds = edited.organisations.map((o) => o.id);
        break;
      case 'persons':
        patch.personIds = edited.persons.map((p) => p.id);
        break;
      case 'dueDate':
        patch.dueDate = edited.dueDate || null;
        break;
      case 'labels':
        patch.labels = [...edited.labels];
        break;
      case 'checklist':
        patch.checklist = edited.checklist.map((i) => ({ ...i }));
        break;
      case 'public':
        patch.public = edited.public;
        break;
      default:
        // any lab field: the record is sent whole
        patch.lab = hasLab(edited.lab) ? { ...edited.lab } : null;
    }
  }
  return patch;
}

export interface Rebased {
  /** What the form shows now: the user's value where they changed a field, else the server's. */
  value: CardFormValue;
  /** The server's card as the new starting point (changes are counted from it). */
  base: CardFormValue;
  /** Fields someone else changed since the form was opened (or last rebased). */
  serverChanged: CardField[];
  /** Of those, the fields the user changed as well (their value is kept). */
  conflicts: CardField[];
}

/**
 * After a version conflict (or a refresh): puts the user's edits on top of the card as it is
 * now, so no typed text is lost. Fields the user did not touch take the server's value.
 */
export function rebase(base: CardFormValue, edited: CardFormValue, current: CardDto): Rebased {
  const server = cardFormValue(current);
  const mine = new Set(changedFields(base, edited));
  const serverChanged = changedFields(base, server);
  const value: CardFormValue = { ...server, lab: { ...server.lab } };
  for (const field of mine) {
    if (field.startsWith('lab.')) {
      const key = field.slice(4) as keyof LabRecord;
      value.lab[key] = edited.lab[key];
    } else {
      const key = field as PlainField;
      (value as unknown as Record<PlainField, unknown>)[key] = edited[key];
    }
  }
  return { value, base: server, serverChanged, conflicts: serverChanged.filter((f) => mine.has(f)) };
}

/** A new checklist item id (crypto.randomUUID where available). */
export function newItemId(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}
