import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { focusAfterRender, focusFirstInvalid } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { meetingErrorKey } from './meeting-errors';
import { MeetingsApi } from './meetings-api';

/** Outsiders register for a public conference without an account; a mailed link confirms. */
@Component({
  selector: 'alm-guest-registration-form',
  imports: [ReactiveFormsModule, MatButton, MatCheckbox, MatError, MatFormField, MatLabel, MatInput, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (sentTo(); as email) {
        <p class="success" role="status" tabindex="-1" data-testid="guest-success">{{ t('meetings.guest.success', { email: email }) }}</p>
      } @else {
        <form class="form" novalidate [formGroup]="form" (ngSubmit)="submit()" [attr.aria-labelledby]="headingId()" data-testid="guest-form">
          <p class="intro">{{ t('meetings.guest.intro') }}</p>
          <mat-form-field>
            <mat-label>{{ t('meetings.guest.name') }}</mat-label>
            <input matInput formControlName="name" required maxlength="120" autocomplete="name" data-testid="guest-name" />
            @if (form.controls.name.invalid) {
              <mat-error>{{ t('meetings.guest.nameRequired') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('meetings.guest.email') }}</mat-label>
            <input matInput type="email" formControlName="email" required maxlength="254" autocomplete="email" data-testid="guest-email" />
            @if (form.controls.email.hasError('required')) {
              <mat-error>{{ t('meetings.guest.emailRequired') }}</mat-error>
            } @else if (form.controls.email.invalid) {
              <mat-error>{{ t('meetings.guest.emailInvalid') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('meetings.guest.organisation') }}</mat-label>
            <input matInput formControlName="organisation" maxlength="200" autocomplete="organization" data-testid="guest-organisation" />
          </mat-form-field>
          <mat-checkbox formControlName="consent" required data-testid="guest-consent" [aria-describedby]="consentErrorId">
            {{ t('meetings.guest.consent') }}
          </mat-checkbox>
          <p class="field-error" [id]="consentErrorId" aria-live="polite">
            @if (form.controls.consent.invalid && form.controls.consent.touched) {
              {{ t('meetings.guest.consentRequired') }}
            }
          </p>
          @if (errorKey(); as key) {
            <p class="error" role="alert" data-testid="guest-error">{{ t(key) }}</p>
          }
          <div>
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="guest-submit">{{ t('meetings.guest.submit') }}</button>
          </div>
        </form>
      }
    </ng-container>
  `,
  styles: `
    .form {
      display: grid;
      gap: 0.25rem;
      max-width: 34rem;
    }
    .intro {
      margin: 0 0 0.75rem;
    }
    .field-error {
      min-height: 1.25rem;
      margin: 0 0 0.5rem;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .error {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .success {
      max-width: 65ch;
      margin: 0;
      padding: 0.75rem 1rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
  `,
})
export class GuestRegistrationForm {
  private readonly api = inject(MeetingsApi);
  private readonly lang = inject(LanguageService).current;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly meetingId = input.required<string>();
  /** Id of the heading that names the form. */
  readonly headingId = input<string | null>(null);

  protected readonly consentErrorId = 'guest-consent-error';
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  /** The address the confirmation mail went to, once sent. */
  protected readonly sentTo = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    organisation: ['', Validators.maxLength(200)],
    consent: [false, Validators.requiredTrue],
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.errorKey.set(null);
    this.api
      .registerGuest(this.meetingId(), {
        name: value.name.trim(),
        email: value.email.trim(),
        organisation: value.organisation.trim() || null,
        consent: true,
        locale: this.lang(),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.sentTo.set(value.email.trim());
          focusAfterRender(this.host, '[data-testid="guest-success"]', this.injector);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.errorKey.set(meetingErrorKey(error));
        },
      });
  }
}
