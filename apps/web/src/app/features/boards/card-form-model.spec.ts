import { cardDetail } from '../../../testing/board-fixtures';
import { cardFormValue, cardPatch, changedFields, hasLab, newItemId, rebase } from './card-form-model';

describe('card form model', () => {
  const card = cardDetail({
    id: 'c1',
    title: 'Leerstandsbörse',
    description: 'Alt',
    organisations: [
      { id: 'o1', name: 'Kamps' },
      { id: 'o2', name: 'Stadt' },
    ],
    dueDate: '2026-07-01',
    labels: ['Handel'],
    checklist: [{ id: 'i1', text: 'Flyer', done: false }],
    version: 4,
  });

  it('sends only the changed fields, with the version', () => {
    const base = cardFormValue(card);
    const edited = { ...base, title: '  Leerstandsbörse 2.0 ', dueDate: '', public: true };
    expect(cardPatch(base, edited, 4)).toEqual({ version: 4, title: 'Leerstandsbörse 2.0', dueDate: null, public: true });
    expect(cardPatch(base, { ...base }, 4)).toBeNull();
  });

  it('sends ids for organisations and persons and ignores their order', () => {
    const base = cardFormValue(card);
    expect(changedFields(base, { ...base, organisations: [...base.organisations].reverse() })).toEqual([]);
    const patch = cardPatch(base, { ...base, organisations: [{ id: 'o1', name: 'Kamps' }], persons: [{ id: 'p1', name: 'Anna' }] }, 4);
    expect(patch).toEqual({ version: 4, organisationIds: ['o1'], personIds: ['p1'] });
  });

  it('sends the lab record whole when a field of it changed, null when emptied', () => {
    const base = cardFormValue(card);
    const patch = cardPatch(base, { ...base, lab: { ...base.lab, funding: 'Land NRW' } }, 4);
    expect(patch?.lab).toEqual({ ...base.lab, funding: 'Land NRW' });
    const withLab = cardFormValue({ ...card, lab: { ...base.lab, results: 'gut' } });
    expect(cardPatch(withLab, { ...withLab, lab: { ...withLab.lab, results: '  ' } }, 4)?.lab).toBeNull();
    expect(hasLab(null)).toBe(false);
  });

  it('after a conflict keeps the user’s edits on top of the server’s card', () => {
    const base = cardFormValue(card);
    const mine = { ...base, title: 'Mein Titel', description: 'Mein langer Text' };
    const current = cardDetail({ ...card, description: 'Fremder Text', labels: ['Handel', 'Energie'], version: 5 });

    const rebased = rebase(base, mine, current);
    expect(rebased.value.title).toBe('Mein Titel');
    expect(rebased.value.description).toBe('Mein langer Text');
    expect(rebased.value.labels).toEqual(['Handel', 'Energie']); // untouched by the user: the server's
    expect(rebased.serverChanged).toEqual(['description', 'labels']);
    expect(rebased.conflicts).toEqual(['description']);

    // saving again sends the user's fields against the new version, nothing of the server's
    expect(cardPatch(rebased.base, rebased.value, current.version)).toEqual({
      version: 5,
      title: 'Mein Titel',
      description: 'Mein langer Text',
    });
  });

  it('makes checklist ids', () => {
    expect(newItemId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
