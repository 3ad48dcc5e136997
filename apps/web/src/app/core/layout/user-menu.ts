import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../auth/auth-store';

/** The signed-in person's menu in the app bar: name, profile, sign out. */
@Component({
  selector: 'alm-user-menu',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <button mat-button type="button" class="menu-button" [matMenuTriggerFor]="menu" data-testid="user-menu-button">
        <svg class="menu-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path
            d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 4a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7Zm0 14a8 8 0 0 1-6.2-2.9C7 15.6 9.4 15 12 15s5 .6 6.2 2.1A8 8 0 0 1 12 20Z"
            fill="currentColor"
          />
        </svg>
        <span class="alm-visually-hidden">{{ t('user.menuPrefix') + ' ' }}</span>
        <span class="user-name">{{ auth.me()?.displayName }}</span>
      </button>
      <mat-menu #menu="matMenu" xPosition="before">
        <a mat-menu-item routerLink="/profile" data-testid="user-menu-profile">{{ t('user.profile') }}</a>
        <button mat-menu-item type="button" (click)="logout()" data-testid="user-menu-logout">{{ t('user.logout') }}</button>
      </mat-menu>
    </ng-container>
  `,
  styleUrl: './app-bar-button.scss',
})
export class UserMenu {
  protected readonly auth = inject(AuthStore);

  protected logout(): void {
    void this.auth.logout();
  }
}
