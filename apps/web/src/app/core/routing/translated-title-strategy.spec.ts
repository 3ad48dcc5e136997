import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Meta } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { LanguageService } from '../i18n/language-service';
import { TranslatedTitleStrategy } from './translated-title-strategy';

@Component({ template: '<h1>Seite</h1>' })
class TestPage {}

describe('TranslatedTitleStrategy: document title and meta description', () => {
  let router: Router;
  let meta: Meta;

  const description = () => meta.getTag('name="description"')?.content;
  const og = (property: string) => meta.getTag(`property="${property}"`)?.content;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'about', title: 'public.about.title', data: { description: 'public.about.description' }, component: TestPage },
          {
            path: 'groups',
            data: { description: 'public.meta.groups' },
            children: [{ path: '', title: 'groups.titles.list', component: TestPage }],
          },
          { path: 'search', title: 'search.title', data: { description: 'search.description' }, component: TestPage },
          { path: 'plain', title: 'titles.notFound', component: TestPage },
        ]),
        { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
        provideI18nTesting(),
      ],
    });
    router = TestBed.inject(Router);
    meta = TestBed.inject(Meta);
    TestBed.inject(LanguageService).use('de');
  });

  afterEach(() => localStorage.clear());

  it('sets the translated description of the route, and the Open Graph title and description', async () => {
    await router.navigateByUrl('/about');
    expect(document.title).toBe('Die Allianz · Allmende');
    expect(description()).toMatch(/^Die Wirtschaftsallianz Bottrop: Unternehmen, Stadt, Wissenschaft/);
    expect(og('og:title')).toBe('Die Allianz · Allmende');
    expect(og('og:description')).toBe(description());
  });

  it('takes the description from a parent route when the page sets none', async () => {
    await router.navigateByUrl('/groups');
    expect(description()).toMatch(/^Die Arbeitsgruppen der Wirtschaftsallianz Bottrop/);
  });

  it('falls back to the general description, and keeps a single description tag', async () => {
    await router.navigateByUrl('/search');
    expect(description()).toMatch(/^Durchsuchen Sie Arbeitsgruppen/);
    await router.navigateByUrl('/plain');
    expect(description()).toMatch(/^Allmende – die Plattform der Wirtschaftsallianz Bottrop/);
    expect(document.head.querySelectorAll('meta[name="description"]')).toHaveLength(1);
  });

  it('follows a language switch', async () => {
    await router.navigateByUrl('/about');
    TestBed.inject(LanguageService).use('en');
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.title).toBe('The alliance · Allmende');
    expect(description()).toMatch(/^The Bottrop economic alliance: businesses/);
    expect(og('og:title')).toBe('The alliance · Allmende');
  });
});
