import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { MembershipDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorCode, apiErrorKey } from '../../shared/api-error';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { CharterApi } from './charter-api';

/** May this person sign now? Newcomers and leavers who are not waiting, and signatories asked to confirm a new version. */
export function maySign(membership: MembershipDto | null | undefined): boolean {
  if (!membership) return false;
  if (membership.confirmationPending) return true;
  return (membership.status === 'interested' || membership.status === 'left') && !membership.awaitingApproval;
}

/** The current Leitbild and Leitziele; signed-in persons sign (or confirm a new version) here. */
@Component({
  selector: 'alm-charter-page',
  imports: [MatButton, MatCheckbox, MatProgressSpinner, RouterLink, TranslocoDirective, LocalizedDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './charter-page.html',
  styleUrl: './charter-page.scss',
})
export class CharterPage {
  private readonly api = inject(CharterApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly lang = inject(LanguageService).current;
  protected readonly charter = rxResource({ stream: () => this.api.current() });
  protected readonly current = computed(() => (this.charter.hasValue() ? this.charter.value() : null));
  protected readonly mission = computed(() => {
    const charter = this.current();
    return charter ? (this.lang() === 'en' ? charter.missionEn : charter.missionDe) : '';
  });
  protected readonly goals = computed(() => (this.current()?.goals ?? []).map((goal) => goal[this.lang()]));

  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly membership = computed(() => this.auth.me()?.membership ?? null);
  protected readonly canSign = computed(() => maySign(this.membership()));
  protected readonly confirming = computed(() => !!this.membership()?.confirmationPending);

  /** The "I have read …" checkbox. */
  protected readonly read = signal(false);
  protected readonly triedWithoutReading = signal(false);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly successKey = signal<string | null>(null);

  protected noCharter(error: unknown): boolean {
    return apiErrorCode(error) === 'NO_CHARTER';
  }

  protected returnUrl(): string {
    return this.router.url;
  }

  protected setRead(checked: boolean): void {
    this.read.set(checked);
    if (checked) this.triedWithoutReading.set(false);
  }

  protected sign(event: Event): void {
    event.preventDefault();
    const charter = this.current();
    if (!charter || this.busy()) return;
    if (!this.read()) {
      this.triedWithoutReading.set(true);
      return;
    }
    const confirming = this.confirming();
    this.busy.set(true);
    this.errorKey.set(null);
    this.successKey.set(null);
    this.api.sign(charter.version).subscribe({
      next: (membership) => {
        // show the new state at once; the full profile follows
        const me = this.auth.me();
        if (me) this.auth.setMe({ ...me, membership });
        this.read.set(false);
        this.successKey.set(confirming ? 'charter.confirmedNotice' : 'charter.signedNotice');
        this.auth
          .reloadMe()
          .catch(() => undefined)
          .finally(() => this.busy.set(false));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(apiErrorKey(error));
        if (apiErrorCode(error) === 'CHARTER_VERSION_OUTDATED') {
          // a newer text was published meanwhile: show it and ask again
          this.read.set(false);
          this.charter.reload();
        }
      },
    });
  }
}
