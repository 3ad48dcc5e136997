import { provideHttpClient } from '@angular/common/http';
import { Component } from '@angular/core';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { GroupState, WorkingGroupDetailDto } from '@allmende/contracts';
import { GROUP_ID, groupDetail } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { StatusDialog, StatusDialogData, today } from './status-dialog';

/** A fixture to drive change detection and harnesses for the overlay. */
@Component({ selector: 'alm-empty-host', template: '' })
class EmptyHost {}

describe('StatusDialog', () => {
  let http: HttpTestingController;
  let loader: HarnessLoader;
  let closedWith: WorkingGroupDetailDto | undefined;

  const dialogEl = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const byTestId = <T extends HTMLElement>(id: string) => dialogEl()?.querySelector<T>(`[data-testid="${id}"]`) ?? null;

  async function openFor(state: GroupState): Promise<void> {
    const dialog = TestBed.inject(MatDialog);
    const ref = dialog.open<StatusDialog, StatusDialogData, WorkingGroupDetailDto>(StatusDialog, {
      data: { group: groupDetail({ state }) },
    });
    closedWith = undefined;
    ref.beforeClosed().subscribe((value) => (closedWith = value));
    const root = TestBed.createComponent(EmptyHost);
    loader = TestbedHarnessEnvironment.documentRootLoader(root);
    await root.whenStable();
  }

  async function options(): Promise<string[]> {
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-to"]' }));
    await select.open();
    const texts = await Promise.all((await select.getOptions()).map((o) => o.getText()));
    await select.close();
    return texts;
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  it.each<[GroupState, string[]]>([
    ['proposed', ['Beschlossen', 'Aufgelöst']],
    ['approved', ['Aktiv', 'Aufgelöst']],
    ['active', ['Ruhend', 'Aufgelöst', 'Verstetigt']],
    ['dormant', ['Aktiv', 'Aufgelöst']],
  ])('offers only the allowed moves from %s', async (state, expected) => {
    await openFor(state);
    expect(await options()).toEqual(expected);
  });

  it.each<GroupState>(['dissolved', 'permanent'])('offers no move from the final state %s', async (state) => {
    await openFor(state);
    expect(byTestId('status-none')?.textContent?.trim()).toBe('Aus diesem Status ist kein Wechsel mehr möglich.');
    expect(byTestId('status-to')).toBeNull();
    expect(byTestId('status-submit')).toBeNull();
  });

  it('requires a target state and a reason, then sends the move with its date', async () => {
    await openFor('active');
    expect(byTestId<HTMLInputElement>('status-date')?.value).toBe(today());

    byTestId<HTMLButtonElement>('status-submit')?.click();
    await TestBed.createComponent(EmptyHost).whenStable();
    const errors = [...(dialogEl()?.querySelectorAll('mat-error') ?? [])].map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Bitte wählen Sie den neuen Status.', 'Bitte geben Sie eine Begründung an (mindestens 3 Zeichen).']);
    http.expectNone(`/api/working-groups/${GROUP_ID}/transitions`);

    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-to"]' }));
    await select.open();
    await select.clickOptions({ text: 'Verstetigt' });
    const reason = byTestId<HTMLTextAreaElement>('status-reason');
    if (!reason) throw new Error('no reason field');
    reason.value = '  Von der Werbegemeinschaft übernommen ';
    reason.dispatchEvent(new Event('input'));
    const date = byTestId<HTMLInputElement>('status-date');
    if (!date) throw new Error('no date field');
    date.value = '2026-11-25';
    date.dispatchEvent(new Event('input'));
    byTestId<HTMLButtonElement>('status-submit')?.click();

    const move = http.expectOne({ method: 'POST', url: `/api/working-groups/${GROUP_ID}/transitions` });
    expect(move.request.body).toEqual({ to: 'permanent', reason: 'Von der Werbegemeinschaft übernommen', effectiveOn: '2026-11-25' });
    const updated = groupDetail({ state: 'permanent' });
    move.flush(updated);
    await TestBed.createComponent(EmptyHost).whenStable();
    expect(closedWith).toEqual(updated);
  });

  it('shows the API refusal and stays open', async () => {
    await openFor('dormant');
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-to"]' }));
    await select.open();
    await select.clickOptions({ text: 'Aktiv' });
    const reason = byTestId<HTMLTextAreaElement>('status-reason');
    if (!reason) throw new Error('no reason field');
    reason.value = 'Wieder aufgenommen';
    reason.dispatchEvent(new Event('input'));
    byTestId<HTMLButtonElement>('status-submit')?.click();

    http
      .expectOne(`/api/working-groups/${GROUP_ID}/transitions`)
      .flush({ statusCode: 409, code: 'INVALID_GROUP_TRANSITION', message: 'no', requestId: 'r' }, { status: 409, statusText: 'Conflict' });
    await TestBed.createComponent(EmptyHost).whenStable();
    expect(byTestId('status-error')?.textContent?.trim()).toBe('Dieser Statuswechsel ist nicht möglich. Bitte laden Sie die Seite neu.');
    expect(closedWith).toBeUndefined();
    expect(dialogEl()).not.toBeNull();
  });
});
