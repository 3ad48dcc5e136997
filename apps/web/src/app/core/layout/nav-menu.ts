import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

export interface NavLink {
  path: string;
  /** Translation key in the `nav` block. */
  label: string;
  exact: boolean;
}

/** Narrow screens: the main navigation as a menu button (loaded after the first render). */
@Component({
  selector: 'alm-nav-menu',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <button mat-button type="button" class="menu-button" [matMenuTriggerFor]="menu" data-testid="nav-menu-button">
        <svg class="menu-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z" fill="currentColor" />
        </svg>
        {{ t('nav.menu') }}
      </button>
      <mat-menu #menu="matMenu">
        @for (link of links(); track link.path) {
          <a mat-menu-item [routerLink]="link.path">{{ t(link.label) }}</a>
        }
      </mat-menu>
    </ng-container>
  `,
  styleUrl: './app-bar-button.scss',
})
export class NavMenu {
  readonly links = input.required<readonly NavLink[]>();
}
