import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { LanguageService } from '../i18n/language-service';
import { SearchBox } from './search-box';

@Component({ template: '' })
class EmptyPage {}

describe('SearchBox', () => {
  let fixture: ComponentFixture<SearchBox>;
  let root: HTMLElement;
  let router: Router;

  const form = () => root.querySelector<HTMLFormElement>('form')!;
  const input = () => root.querySelector<HTMLInputElement>('input')!;
  const toggle = () => root.querySelector<HTMLButtonElement>('[data-testid="search-toggle"]')!;

  async function type(text: string): Promise<void> {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [SearchBox],
      providers: [provideRouter([{ path: '**', component: EmptyPage }]), provideI18nTesting()],
    });
    router = TestBed.inject(Router);
    fixture = TestBed.createComponent(SearchBox);
    root = fixture.nativeElement;
    await fixture.whenStable();
  });

  it('is a search landmark named "Suche" with a labelled field and submit button', () => {
    expect(form().getAttribute('role')).toBe('search');
    expect(form().getAttribute('aria-label')).toBe('Suche');
    expect(input().type).toBe('search');
    expect(input().getAttribute('aria-label')).toBe('Suche');
    expect(input().placeholder).toBe('Suchen …');
    expect(root.querySelector('button[type="submit"]')?.getAttribute('aria-label')).toBe('Suche starten');
  });

  it('submits to /search?q=… and empties the field', async () => {
    await type('  Handwerksbetriebe ');
    form().dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(router.url).toBe('/search?q=Handwerksbetriebe');
    expect(input().value).toBe('');
  });

  it('stays put on an empty query and keeps focus in the field', async () => {
    await router.navigateByUrl('/groups');
    await type('   ');
    form().dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(router.url).toBe('/groups');
    expect(document.activeElement).toBe(input());
  });

  it('on a phone: the button opens the box, focuses the field, and Escape closes it again', async () => {
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(toggle().getAttribute('aria-controls')).toBe(form().id);
    expect(toggle().getAttribute('aria-label')).toBe('Suche');

    toggle().click();
    await fixture.whenStable();
    expect(root.classList).toContain('open');
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(input());

    input().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await fixture.whenStable();
    expect(root.classList).not.toContain('open');
    expect(document.activeElement).toBe(toggle());
  });

  it('closes after a search', async () => {
    toggle().click();
    await fixture.whenStable();
    await type('Werkstatt');
    form().dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    expect(root.classList).not.toContain('open');
    expect(router.url).toBe('/search?q=Werkstatt');
  });

  it('speaks English', async () => {
    TestBed.inject(LanguageService).use('en');
    await fixture.whenStable();
    expect(form().getAttribute('aria-label')).toBe('Search');
    expect(input().placeholder).toBe('Search …');
  });
});
