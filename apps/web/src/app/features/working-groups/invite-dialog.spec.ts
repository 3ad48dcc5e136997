import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { DirectoryPersonDto, WorkingGroupDetailDto } from '@allmende/contracts';
import { GROUP_ID, groupDetail } from '../../../testing/group-fixtures';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { InviteDialog, InviteDialogData } from './invite-dialog';

/** Drives change detection for the overlay. */
@Component({ selector: 'alm-empty-host', template: '' })
class EmptyHost {}

function person(id: string, displayName: string): DirectoryPersonDto {
  return { id, displayName, bio: null, interests: [], organisations: [{ id: 'o', name: 'Engel Elektro', actorType: 'business', sector: 'crafts', role: 'employee' }] };
}

describe('InviteDialog', () => {
  let http: HttpTestingController;
  let closedWith: WorkingGroupDetailDto | undefined;

  const dialogEl = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const byTestId = <T extends HTMLElement>(id: string) => dialogEl()?.querySelector<T>(`[data-testid="${id}"]`) ?? null;
  const stable = () => TestBed.createComponent(EmptyHost).whenStable();

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting()] });
    http = TestBed.inject(HttpTestingController);
    const ref = TestBed.inject(MatDialog).open<InviteDialog, InviteDialogData, WorkingGroupDetailDto>(InviteDialog, {
      data: { group: groupDetail({ permissions: { canManage: true, canJoin: false, canLeave: true } }) },
    });
    closedWith = undefined;
    ref.beforeClosed().subscribe((value) => (closedWith = value));
    await stable();
  });

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  it('searches the member directory and invites a person who is not in the group yet', async () => {
    const input = byTestId<HTMLInputElement>('invite-search');
    if (!input) throw new Error('no search box');
    input.value = ' Engel ';
    input.dispatchEvent(new Event('input'));
    input.form?.requestSubmit();

    const search = http.expectOne((req) => req.url === '/api/members');
    expect(search.request.params.get('q')).toBe('Engel');
    search.flush({ items: [person('p-2', 'Jana Brinkmann'), person('p-9', 'Laura Engel')], total: 2, page: 1, pageSize: 10 });
    await stable();

    expect(byTestId('invite-status')?.textContent?.trim()).toBe('Gefundene Personen: 2');
    const buttons = dialogEl()?.querySelectorAll<HTMLButtonElement>('[data-testid="invite-person"]') ?? [];
    // Jana Brinkmann is a member already
    expect([...buttons].map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Einladen: Laura Engel']);
    expect(dialogEl()?.textContent).toContain('schon dabei oder angefragt');

    buttons[0].click();
    const invite = http.expectOne({ method: 'POST', url: `/api/working-groups/${GROUP_ID}/invitations` });
    expect(invite.request.body).toEqual({ personId: 'p-9' });
    const updated = groupDetail({
      pending: [{ personId: 'p-9', displayName: 'Laura Engel', organisationName: null, kind: 'invitation', createdAt: '2026-01-01T00:00:00.000Z' }],
    });
    invite.flush(updated);
    await stable();
    expect(closedWith).toEqual(updated);
  });
});
