import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { GroupMuteDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { GroupMutes } from './group-mutes';

const GROUP = '33333333-3333-4333-8333-333333333333';
const MUTES = `/api/working-groups/${GROUP}/mutes`;

function mute(id: string, name: string, overrides: Partial<GroupMuteDto> = {}): GroupMuteDto {
  return {
    person: { id, name },
    // 13:00 UTC in December is 14:00 in Berlin
    until: '2026-12-03T13:00:00.000Z',
    reason: 'Wiederholt beleidigend',
    mutedBy: { id: 'p-1', name: 'Anna Beispiel' },
    mutedAt: '2026-11-26T09:30:00.000Z',
    ...overrides,
  };
}

describe('GroupMutes', () => {
  let fixture: ComponentFixture<GroupMutes>;
  let http: HttpTestingController;

  const el = () => fixture.nativeElement as HTMLElement;
  const one = (id: string) => el().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string) => [...el().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`)];
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

  async function settle(): Promise<void> {
    TestBed.tick();
    await fixture.whenStable();
  }

  async function render(canModerate: boolean): Promise<void> {
    fixture = TestBed.createComponent(GroupMutes);
    fixture.componentRef.setInput('groupId', GROUP);
    fixture.componentRef.setInput('canModerate', canModerate);
    // not whenStable: the list's request stays open until the test answers it
    TestBed.tick();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists who is muted, until when (Berlin time) and why, in a table with headers', async () => {
    await render(true);
    http.expectOne(MUTES).flush([mute('p-7', 'Tom Terhorst'), mute('p-8', 'Kai Krause', { mutedBy: null, reason: 'Spam' })]);
    await settle();

    expect(text(one('group-mutes')?.querySelector('h2'))).toBe('Stummschaltungen');
    const table = one('group-mutes-table');
    expect(text(table?.querySelector('caption'))).toBe('Stummschaltungen in dieser Gruppe, die neuesten zuerst');
    expect([...(table?.querySelectorAll('thead th') ?? [])].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col', 'col']);
    expect(all('group-mute-person').map(text)).toEqual(['Tom Terhorst', 'Kai Krause']);
    expect(all('group-mute-person').every((th) => th.tagName === 'TH' && th.getAttribute('scope') === 'row')).toBe(true);
    expect(text(all('group-mute-until')[0])).toBe('3. Dezember 2026, 14:00');
    expect(all('group-mute-until')[0].getAttribute('datetime')).toBe('2026-12-03T13:00:00.000Z');
    expect(all('group-mute-reason').map(text)).toEqual(['Wiederholt beleidigend', 'Spam']);
    expect(text(all('group-mute')[0])).toContain('Anna Beispiel');
    expect(text(all('group-mute')[1])).toContain('—');

    const lift = all('group-mute-lift');
    expect(lift.map((b) => b.tagName)).toEqual(['BUTTON', 'BUTTON']);
    expect(text(lift[0])).toBe('Aufheben');
    expect(lift[0].getAttribute('aria-label')).toBe('Stummschaltung von Tom Terhorst aufheben');
  });

  it('lifts a mute: sends DELETE, drops the entry and says so in the live region', async () => {
    await render(true);
    http.expectOne(MUTES).flush([mute('p-7', 'Tom Terhorst'), mute('p-8', 'Kai Krause')]);
    await settle();

    all('group-mute-lift')[0].click();
    await settle();
    const request = http.expectOne(`${MUTES}/p-7`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(all('group-mute-person').map(text)).toEqual(['Kai Krause']);
    const notice = one('group-mutes-notice');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(text(notice)).toBe('Die Stummschaltung von Tom Terhorst ist aufgehoben.');
    expect(document.activeElement).toBe(notice);

    all('group-mute-lift')[0].click();
    await settle();
    http.expectOne({ method: 'DELETE', url: `${MUTES}/p-8` }).flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(one('group-mutes-table')).toBeNull();
    expect(text(one('group-mutes-empty'))).toBe('Derzeit ist in dieser Gruppe niemand stummgeschaltet.');
  });

  it('keeps the entry and reports a refusal', async () => {
    await render(true);
    http.expectOne(MUTES).flush([mute('p-7', 'Tom Terhorst')]);
    await settle();

    all('group-mute-lift')[0].click();
    await settle();
    http
      .expectOne(`${MUTES}/p-7`)
      .flush({ statusCode: 403, code: 'FORBIDDEN', message: 'x', requestId: 'r' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(all('group-mute-person').map(text)).toEqual(['Tom Terhorst']);
    expect(text(one('group-mutes-notice'))).toBe('Das dürfen Sie hier nicht.');
    expect(one('group-mutes-notice')?.classList).toContain('notice-error');
  });

  it('says when nobody is muted', async () => {
    await render(true);
    http.expectOne(MUTES).flush([]);
    await settle();
    expect(text(one('group-mutes-empty'))).toBe('Derzeit ist in dieser Gruppe niemand stummgeschaltet.');
  });

  it('shows nothing and asks nothing for people who may not moderate', async () => {
    await render(false);
    http.expectNone(MUTES);
    expect(one('group-mutes')).toBeNull();
    expect(el().textContent?.trim()).toBe('');
  });
});
