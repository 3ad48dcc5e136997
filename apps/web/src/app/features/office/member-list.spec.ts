import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { MeDto, MembershipDto, Page } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { AuthStore } from '../../core/auth/auth-store';
import { provideTranslatedPaginator } from '../../shared/translated-paginator-intl';
import { MemberList } from './member-list';
import { OfficeMember } from './office-api';

const active: MembershipDto = { status: 'active', awaitingApproval: false, signedVersion: 1, signedAt: null, confirmationPending: false };

const MEMBERS: Page<OfficeMember> = {
  items: [
    { personId: 'p1', displayName: 'Jana Brinkmann', email: 'brinkmann@allmende.example', roles: ['member'], organisations: ['Tischlerei Brinkmann'], membership: active },
    { personId: 'p2', displayName: 'Ole Overbeck', email: 'overbeck@allmende.example', roles: ['member'], organisations: [], membership: { ...active, status: 'dormant' } },
  ],
  total: 2,
  page: 1,
  pageSize: 25,
};

function me(roles: MeDto['roles']): MeDto {
  return {
    id: 'office',
    email: 'office@allmende.example',
    displayName: 'Geschäftsstelle',
    phone: null,
    bio: null,
    locale: 'de',
    roles,
    interests: [],
    emailVerified: true,
    membership: active,
    consents: [],
    affiliations: [],
  };
}

describe('MemberList', () => {
  let fixture: ComponentFixture<MemberList>;
  let http: HttpTestingController;

  const el = () => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector<HTMLElement>('mat-dialog-container');
  const rowOf = (name: string) =>
    [...el().querySelectorAll<HTMLElement>('[data-testid="member-row"]')].find((r) => r.textContent?.includes(name));

  async function listRequest(): Promise<TestRequest> {
    for (let i = 0; i < 20; i++) {
      TestBed.tick();
      const open = http.match((req) => req.url === '/api/memberships');
      if (open.length === 1) return open[0];
      await new Promise((resolve) => setTimeout(resolve));
    }
    throw new Error('no list request');
  }

  /** Lets a dialog finish closing (its result arrives after a task). */
  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function render(roles: MeDto['roles'] = ['moderator']): Promise<void> {
    TestBed.inject(AuthStore).setMe(me(roles));
    fixture = TestBed.createComponent(MemberList);
    (await listRequest()).flush(MEMBERS);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18nTesting(),
        provideRouter([]),
        provideTranslatedPaginator(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('shows each membership status as a text chip, and filters by status', async () => {
    await render();

    expect([...el().querySelectorAll('[data-testid="status-chip"]')].map((c) => c.textContent?.trim())).toEqual(['Aktiv', 'Ruhend']);

    const status = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: '[data-testid="status-filter"]' }));
    await status.open();
    const chosen = status.clickOptions({ text: 'Ruhend' });
    const filtered = await listRequest();
    expect(filtered.request.params.get('status')).toBe('dormant');
    expect(filtered.request.params.get('page')).toBe('1');
    filtered.flush({ ...MEMBERS, items: [MEMBERS.items[1]], total: 1 });
    await chosen;
  });

  it('moves a membership only with a reason, and updates the row', async () => {
    await render();

    rowOf('Jana Brinkmann')?.querySelector<HTMLButtonElement>('[data-testid="open-transition"]')?.click();
    await fixture.whenStable();
    expect(dialog()?.querySelector('h2')?.textContent?.trim()).toBe('Status von Jana Brinkmann ändern');

    // only the moves the office may make from "active"
    const to = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(
      MatSelectHarness.with({ selector: '[data-testid="transition-to"]' }),
    );
    await to.open();
    expect(await Promise.all((await to.getOptions()).map((o) => o.getText()))).toEqual(['Ruhend', 'Ausgetreten']);
    await to.clickOptions({ text: 'Ruhend' });

    const reason = dialog()?.querySelector<HTMLTextAreaElement>('[data-testid="transition-reason"]');
    if (!reason) throw new Error('no reason field');
    reason.value = '  ';
    reason.dispatchEvent(new Event('input'));
    dialog()?.querySelector<HTMLButtonElement>('[data-testid="transition-submit"]')?.click();
    await fixture.whenStable();

    http.expectNone('/api/memberships/p1/transitions');
    expect(dialog()?.querySelector('mat-error')?.textContent?.trim()).toBe('Bitte geben Sie eine Begründung mit mindestens 3 Zeichen an.');

    reason.value = 'Seit einem Jahr nicht mehr dabei';
    reason.dispatchEvent(new Event('input'));
    dialog()?.querySelector<HTMLButtonElement>('[data-testid="transition-submit"]')?.click();
    TestBed.tick();
    const request = http.expectOne('/api/memberships/p1/transitions');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ to: 'dormant', reason: 'Seit einem Jahr nicht mehr dabei' });
    request.flush({ ...active, status: 'dormant' });
    await settle();

    expect(dialog()).toBeNull();
    expect(rowOf('Jana Brinkmann')?.querySelector('[data-testid="status-chip"]')?.textContent?.trim()).toBe('Ruhend');
    expect(el().querySelector('[data-testid="members-notice"]')?.textContent?.trim()).toBe('Der Status von Jana Brinkmann wurde geändert.');
  });

  it('shows the history of a membership', async () => {
    await render();

    rowOf('Ole Overbeck')?.querySelector<HTMLButtonElement>('[data-testid="open-history"]')?.click();
    TestBed.tick();
    http.expectOne('/api/memberships/p2/history').flush([
      { from: null, to: 'interested', reason: 'demo data', actorName: null, at: '2026-01-01T10:00:00.000Z' },
      { from: 'interested', to: 'dormant', reason: 'Pause', actorName: 'Geschäftsstelle', at: '2026-02-01T10:00:00.000Z' },
    ]);
    await fixture.whenStable();

    const entries = [...(dialog()?.querySelectorAll('[data-testid="history"] li') ?? [])].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(entries).toHaveLength(2);
    expect(entries[1]).toContain('Interessiert → Ruhend');
    expect(entries[1]).toContain('Begründung: Pause');
    expect(entries[1]).toContain('durch Geschäftsstelle');
  });

  it('offers the roles editor to admins only', async () => {
    await render(['moderator']);
    expect(el().querySelector('[data-testid="open-roles"]')).toBeNull();
    fixture.destroy();

    await render(['admin']);
    rowOf('Jana Brinkmann')?.querySelector<HTMLButtonElement>('[data-testid="open-roles"]')?.click();
    await fixture.whenStable();

    dialog()?.querySelector<HTMLInputElement>('[data-testid="role-moderator"] input')?.click();
    await fixture.whenStable();
    dialog()?.querySelector<HTMLButtonElement>('[data-testid="roles-submit"]')?.click();
    TestBed.tick();
    const request = http.expectOne('/api/memberships/p1/roles');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ roles: ['member', 'moderator'] });
    request.flush(['member', 'moderator']);
    await settle();

    expect(dialog()).toBeNull();
    expect(el().querySelector('[data-testid="members-notice"]')?.textContent?.trim()).toBe('Die Rollen von Jana Brinkmann wurden gespeichert.');
  });
});
