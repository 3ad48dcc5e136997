import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { DeleteAccountDialog } from './delete-account-dialog';

/** Delete the account (after a password confirmation); contributions stay as "former member". */
@Component({
  selector: 'alm-delete-account-section',
  imports: [MatButton, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="delete-heading" *transloco="let t; prefix: 'profile.delete'">
      <h2 class="section-heading" id="delete-heading">{{ t('heading') }}</h2>
      <p class="section-intro">{{ t('intro') }}</p>
      <ul class="muted">
        <li>{{ t('erased') }}</li>
        <li>{{ t('kept') }}</li>
      </ul>
      <button mat-stroked-button type="button" class="danger" (click)="open()">{{ t('open') }}</button>
    </section>
  `,
  styleUrls: ['./profile-section.scss'],
  styles: `
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
    }
  `,
})
export class DeleteAccountSection {
  readonly #dialog = inject(MatDialog);
  readonly #auth = inject(AuthStore);
  readonly #router = inject(Router);
  readonly #announcer = inject(LiveAnnouncer);
  readonly #transloco = inject(TranslocoService);

  protected async open(): Promise<void> {
    const ref = this.#dialog.open<DeleteAccountDialog, unknown, boolean>(DeleteAccountDialog, {
      width: '32rem',
      maxWidth: '95vw',
      autoFocus: 'first-tabbable',
    });
    const deleted = await firstValueFrom(ref.afterClosed());
    if (!deleted) return;
    this.#auth.clear();
    await this.#router.navigateByUrl('/');
    void this.#announcer.announce(this.#transloco.translate('profile.delete.done'), 'assertive');
  }
}
