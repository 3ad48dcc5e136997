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
import { NotificationBell } from './notification-bell';
import { SearchBox } from './search-box';
import { UserMenu } from './user-menu';

/** `/`: the alliance's public page for visitors, the personal start page for signed-in persons. */
const HOME_LINK: NavLink = { path: '/', label: 'public.nav', exact: true };
const START_LINK: NavLink = { path: '/', label: 'start.nav', exact: true };
const PUBLIC_LINKS: readonly NavLink[] = [
  { path: '/action-fields', label: 'nav.actionFields', exact: false },
  { path: '/groups', label: 'groups.nav', exact: false },
  { path: '/meetings', label: 'meetings.nav', exact: false },
  { path: '/directory', label: 'nav.directory', exact: false },
  { path: '/organisations', label: 'nav.organisations', exact: false },
  { path: '/charter', label: 'nav.charter', exact: false },
];
/** Boards, the strategy (Zukunftsplan) and the discussion, for signed-in persons (visitors reach boards by link). */
const MEMBER_LINKS: readonly NavLink[] = [
  { path: '/boards', label: 'boards.nav', exact: false },
  { path: '/strategy', label: 'strategy.nav', exact: false },
  { path: '/threads', label: 'discussion.nav', exact: false },
];
const OFFICE_LINK: NavLink = { path: '/office/members', label: 'nav.office', exact: false };
/** Participation insight for researchers and the office; the council report for the office. */
const RESEARCH_LINK: NavLink = { path: '/research', label: 'research.nav', exact: false };
const COUNCIL_REPORT_LINK: NavLink = { path: '/office/council-report', label: 'councilReport.nav', exact: false };

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
    NotificationBell,
    SearchBox,
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
  protected readonly links = computed(() => {
    if (!this.auth.isSignedIn()) return [HOME_LINK, ...PUBLIC_LINKS];
    if (this.auth.isOffice()) return [START_LINK, ...PUBLIC_LINKS, ...MEMBER_LINKS, OFFICE_LINK, COUNCIL_REPORT_LINK, RESEARCH_LINK];
    return this.auth.isResearcher()
      ? [START_LINK, ...PUBLIC_LINKS, ...MEMBER_LINKS, RESEARCH_LINK]
      : [START_LINK, ...PUBLIC_LINKS, ...MEMBER_LINKS];
  });

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
