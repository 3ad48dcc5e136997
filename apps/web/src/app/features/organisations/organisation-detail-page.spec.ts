import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import { MeDto, OrganisationDetailDto } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { AuthStore } from '../../core/auth/auth-store';
import { OrganisationDetailPage } from './organisation-detail-page';

const ORG: OrganisationDetailDto = {
  id: 'o1',
  name: 'Tischlerei Kamps GmbH',
  actorType: 'business',
  sector: 'crafts',
  wzCode: '16.23',
  district: 'Kirchhellen',
  website: 'https://kamps.example',
  description: 'Möbel und Innenausbau',
  canManage: false,
  members: [{ affiliationId: 'a1', personId: 'p1', displayName: 'Jens Kamps', role: 'representative', confirmedAt: '2026-01-01T00:00:00.000Z' }],
};

const PENDING = { affiliationId: 'a2', personId: 'p2', displayName: 'Lea Hartmann', role: 'employee' as const, confirmedAt: null };

function me(id: string): MeDto {
  return {
    id,
    email: `${id}@allmende.example`,
    displayName: id,
    phone: null,
    bio: null,
    locale: 'de',
    roles: ['member'],
    interests: [],
    emailVerified: true,
    membership: { status: 'active', awaitingApproval: false, signedVersion: 1, signedAt: null, confirmationPending: false },
    consents: [],
    affiliations: [],
  };
}

describe('OrganisationDetailPage', () => {
  let fixture: ComponentFixture<OrganisationDetailPage>;
  let http: HttpTestingController;
  let auth: AuthStore;

  const el = () => fixture.nativeElement as HTMLElement;
  const button = (label: string) =>
    [...el().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(label));

  async function render(org: OrganisationDetailDto): Promise<void> {
    fixture = TestBed.createComponent(OrganisationDetailPage);
    fixture.componentRef.setInput('id', org.id);
    TestBed.tick();
    http.expectOne('/api/organisations/o1').flush(org);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
  });

  afterEach(() => http.verify());

  it('shows the details and members to visitors, with a sign-in hint instead of actions', async () => {
    await render(ORG);

    expect(el().querySelector('h1')?.textContent?.trim()).toBe('Tischlerei Kamps GmbH');
    expect(el().textContent).toContain('Unternehmen');
    expect(el().textContent).toContain('Handwerk');
    expect(el().querySelector<HTMLAnchorElement>('a[href="https://kamps.example"]')).not.toBeNull();
    expect([...el().querySelectorAll('[data-testid="member"]')].map((m) => m.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Jens Kamps Vertretung',
    ]);
    expect(el().querySelector('[data-testid="join"]')).toBeNull();
    expect(el().querySelector('[data-testid="organisation-edit"]')).toBeNull();
    expect(el().textContent).toContain('Melden Sie sich an, um sich dieser Organisation zuzuordnen.');
  });

  it('lets a signed-in person who is not linked ask to belong, with a role', async () => {
    auth.setMe(me('p9'));
    await render(ORG);

    const role = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatSelectHarness.with({ selector: '[data-testid="join-role"]' }));
    await role.open();
    await role.clickOptions({ text: 'Vertretung' });
    el().querySelector<HTMLButtonElement>('[data-testid="join"]')?.click();
    TestBed.tick();

    const join = http.expectOne('/api/organisations/o1/affiliations');
    expect(join.request.method).toBe('POST');
    expect(join.request.body).toEqual({ role: 'representative' });
    join.flush({ ...ORG, members: [...ORG.members, { ...PENDING, personId: 'p9', displayName: 'p9', role: 'representative' }] });
    TestBed.tick();
    http.expectOne('/api/me').flush(me('p9'));
    await fixture.whenStable();

    expect(el().querySelector('[data-testid="organisation-notice"]')?.textContent).toContain('Ihre Anfrage ist gesendet.');
    // now linked (pending): no second request possible, but a way to withdraw
    expect(el().querySelector('[data-testid="join"]')).toBeNull();
    expect(el().querySelectorAll('[data-testid="member-pending"]')).toHaveLength(1);
    expect(button('Verbindung lösen')).toBeDefined();
  });

  it('shows managers pending members with a badge, and confirms them', async () => {
    auth.setMe(me('p1'));
    await render({ ...ORG, canManage: true, members: [PENDING, ...ORG.members] });

    expect(el().querySelector('[data-testid="organisation-edit"]')?.getAttribute('href')).toBe('/organisations/o1/edit');
    const pending = el().querySelectorAll('[data-testid="member-pending"]');
    expect(pending).toHaveLength(1);
    expect(pending[0].textContent?.trim()).toBe('Bestätigung ausstehend');
    expect(pending[0].closest('[data-testid="member"]')?.textContent).toContain('Lea Hartmann');

    button('Bestätigen')?.click();
    TestBed.tick();
    const confirm = http.expectOne('/api/organisations/o1/affiliations/a2/confirm');
    expect(confirm.request.method).toBe('POST');
    confirm.flush({ ...ORG, canManage: true, members: [...ORG.members, { ...PENDING, confirmedAt: '2026-11-25T00:00:00.000Z' }] });
    await fixture.whenStable();

    expect(el().querySelectorAll('[data-testid="member-pending"]')).toHaveLength(0);
    expect(el().querySelector('[data-testid="organisation-notice"]')?.textContent?.trim()).toBe('Lea Hartmann ist jetzt bestätigt.');
  });

  it('translates a known API error', async () => {
    auth.setMe(me('p9'));
    await render(ORG);

    el().querySelector<HTMLButtonElement>('[data-testid="join"]')?.click();
    TestBed.tick();
    http
      .expectOne('/api/organisations/o1/affiliations')
      .flush({ statusCode: 409, code: 'ALREADY_AFFILIATED', message: 'x', requestId: 'r' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();

    expect(el().querySelector('[data-testid="organisation-notice"]')?.textContent?.trim()).toBe(
      'Sie gehören dieser Organisation bereits an oder haben schon angefragt.',
    );
  });

  it('says when the organisation does not exist', async () => {
    fixture = TestBed.createComponent(OrganisationDetailPage);
    fixture.componentRef.setInput('id', 'o1');
    TestBed.tick();
    http.expectOne('/api/organisations/o1').flush({ statusCode: 404, code: 'NOT_FOUND', message: 'x', requestId: 'r' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();

    expect(el().querySelector('[role="alert"]')?.textContent).toContain('Diese Organisation gibt es nicht (mehr).');
  });
});
