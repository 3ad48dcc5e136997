import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { AuthStore } from '../auth/auth-store';
import { LanguageSwitch } from './language-switch';
import type { NavLink } from './nav-menu';
import { NavMenu } from './nav-menu';
import { UserMenu } from './user-menu';

const PUBLIC_LINKS: readonly NavLink[] = [
  { path: '/', label: 'nav.actionFields', exact: true },
  { path: '/groups', label: 'groups.nav', exact: false },
  { path: '/meetings', label: 'meetings.nav', exact: false },
  { path: '/directory', label: 'nav.directory', exact: false },
  { path: '/organisations', label: 'nav.organisations', exact: false },
  { path: '/charter', label: 'nav.charter', exact: false },
];
const OFFICE_LINK: NavLink = { path: '/office/members', label: 'nav.office', exact: false };

/** Page frame: skip link, app bar (banner) with navigation and user menu, main landmark and footer. */
@Component({
  selector: 'alm-shell',
  imports: [
    MatToolbar,
    MatButton,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoDirective,
    LanguageSwitch,
    NavMenu,
    UserMenu,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly injector = inject(Injector);

  protected readonly auth = inject(AuthStore);
  /** The current page, so that signing in from the app bar comes back to it. */
  private readonly currentUrl = signal('/');
  protected readonly loginQuery = computed(() => {
    const url = this.currentUrl();
    return url === '/' || /^\/(login|register|verify-email|forgot-password|reset-password)\b/.test(url) ? {} : { returnUrl: url };
  });
  protected readonly links = computed(() => (this.auth.isOffice() ? [...PUBLIC_LINKS, OFFICE_LINK] : PUBLIC_LINKS));

  constructor() {
    // After each navigation to another page (not the first load, not a query or
    // fragment change) move focus to the new page's heading, so screen readers
    // and keyboard users start at the new content.
    let previousPath: string | null = null;
    inject(Router)
      .events.pipe(
        filter((e): e is NavigationEnd => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((e) => {
        this.currentUrl.set(e.urlAfterRedirects);
        const path = e.urlAfterRedirects.split(/[?#]/)[0];
        const move = previousPath !== null && path !== previousPath;
        previousPath = path;
        if (move) afterNextRender(() => this.focusPage(), { injector: this.injector });
      });
  }

  /** Moves focus to the main content without a router navigation to `/#main`. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus(); // focusing also scrolls it into view
  }

  private focusPage(): void {
    const main = this.main().nativeElement;
    if (main.contains(document.activeElement) && document.activeElement !== main) return; // the page placed focus itself
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else {
      main.focus();
    }
  }
}
