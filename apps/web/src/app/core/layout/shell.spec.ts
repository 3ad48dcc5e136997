import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Role } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../auth/auth-store';
import { Shell } from './shell';

@Component({ selector: 'alm-test-page', template: '<h1>Testseite</h1><p>Inhalt</p>' })
class TestPage {}

describe('Shell', () => {
  let fixture: ComponentFixture<Shell>;
  let root: HTMLElement;
  let http: HttpTestingController;
  let auth: AuthStore;

  const navLinks = () =>
    [...root.querySelectorAll('nav .nav-list a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);

  async function create(roles: Role[] | null): Promise<void> {
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: '', component: TestPage },
          { path: 'profile', component: TestPage },
        ]),
        provideI18nTesting(),
      ],
      deferBlockBehavior: DeferBlockBehavior.Manual,
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    if (roles) auth.setMe(meFixture({ roles }));
    fixture = TestBed.createComponent(Shell);
    root = fixture.nativeElement;
    await fixture.whenStable();
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('offers the main navigation and a sign-in link when signed out', async () => {
    await create(null);
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Hauptnavigation');
    expect(navLinks()).toEqual([
      ['Die Allianz', '/'],
      ['Handlungsfelder', '/action-fields'],
      ['Arbeitsgruppen', '/groups'],
      ['Treffen', '/meetings'],
      ['Mitglieder', '/directory'],
      ['Organisationen', '/organisations'],
      ['Leitbild', '/charter'],
    ]);
    const login = root.querySelector('[data-testid="login-link"]');
    expect(login?.textContent?.trim()).toBe('Anmelden');
    expect(login?.getAttribute('href')).toBe('/login');
    expect(root.querySelector('[data-testid="user-menu-button"]')).toBeNull();
  });

  it('leads signed-in persons to their start page first', async () => {
    await create(['member']);
    expect(navLinks()[0]).toEqual(['Start', '/']);
    expect(navLinks()).toContainEqual(['Handlungsfelder', '/action-fields']);
    expect(navLinks().map(([label]) => label)).not.toContain('Die Allianz');
  });

  it('has a search landmark in the app bar and links the alliance page in the footer', async () => {
    await create(null);
    const search = root.querySelector('header [role="search"]');
    expect(search?.getAttribute('aria-label')).toBe('Suche');
    expect(search?.querySelector('input[type="search"]')).not.toBeNull();
    const footerLinks = [...root.querySelectorAll('footer a')].map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(footerLinks).toEqual([
      ['Die Allianz', '/about'],
      ['Suche', '/search'],
    ]);
  });

  it('signs in from the app bar and comes back to the current page', async () => {
    await create(null);
    await TestBed.inject(Router).navigateByUrl('/profile?x=1');
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="login-link"]')?.getAttribute('href')).toBe('/login?returnUrl=%2Fprofile%3Fx%3D1');
  });

  it('adds the office to the navigation for moderators', async () => {
    await create(['member', 'moderator']);
    expect(navLinks()).toContainEqual(['Geschäftsstelle', '/office/members']);
  });

  it('adds the boards and the strategy for signed-in persons', async () => {
    await create(['member']);
    expect(navLinks()).toContainEqual(['Boards', '/boards']);
    expect(navLinks()).toContainEqual(['Zukunftsplan', '/strategy']);
  });

  it('adds the discussion for signed-in persons', async () => {
    await create(['member']);
    expect(navLinks()).toContainEqual(['Diskussion', '/threads']);
  });

  it('hides the office from ordinary members', async () => {
    await create(['member']);
    expect(navLinks().map(([, href]) => href)).not.toContain('/office/members');
  });

  it('links research for researchers and the office, the council report for the office only', async () => {
    await create(['member', 'researcher']);
    expect(navLinks()).toContainEqual(['Forschung', '/research']);
    expect(navLinks().map(([, href]) => href)).not.toContain('/office/council-report');
    TestBed.resetTestingModule();
    await create(['moderator']);
    expect(navLinks()).toContainEqual(['Forschung', '/research']);
    expect(navLinks()).toContainEqual(['Bericht für den Rat', '/office/council-report']);
    TestBed.resetTestingModule();
    await create(['member']);
    expect(navLinks().map(([, href]) => href)).not.toContain('/research');
  });

  it('shows a user menu with profile and sign-out when signed in', async () => {
    await create(['member']);
    expect(root.querySelector('[data-testid="login-link"]')).toBeNull();
    expect(root.textContent).toContain('Anna Beispiel'); // placeholder until the menu has loaded

    const blocks = await fixture.getDeferBlocks();
    for (const block of blocks) await block.render(DeferBlockState.Complete);
    await fixture.whenStable();

    // the bell beside it loads the notifications (tested on its own)
    expect(root.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label')).toBe('Benachrichtigungen');
    http.match('/api/notifications');

    const button = root.querySelector<HTMLButtonElement>('[data-testid="user-menu-button"]')!;
    expect(button.textContent?.trim()).toBe('Konto: Anna Beispiel');
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    button.click();
    await fixture.whenStable();

    const items = [...document.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent?.trim());
    expect(items).toEqual(['Profil', 'Abmelden']);
    expect(document.querySelector('[data-testid="user-menu-profile"]')?.getAttribute('href')).toBe('/profile');

    document.querySelector<HTMLButtonElement>('[data-testid="user-menu-logout"]')!.click();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(auth.isSignedIn()).toBe(false);
    expect(root.querySelector('[data-testid="login-link"]')).not.toBeNull();
  });

  it('moves focus to the new page heading after a navigation, not on the first load', async () => {
    await create(null);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    await fixture.whenStable();
    expect(document.activeElement?.tagName).not.toBe('H1');

    await router.navigateByUrl('/profile');
    await fixture.whenStable();
    expect(document.activeElement?.tagName).toBe('H1');
    expect(document.activeElement?.textContent).toBe('Testseite');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });
});
