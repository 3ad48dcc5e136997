import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionPanel, MatExpansionPanelHeader, MatExpansionPanelTitle } from '@angular/material/expansion';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { CharterGoal, CharterVersionDto, PublishCharterRequest } from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter, switchMap } from 'rxjs';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorKey } from '../../shared/api-error';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { OfficeApi } from './office-api';

export const MAX_GOALS = 30;

/** The office publishes new versions of Leitbild and Leitziele; signatories are then asked to confirm. */
@Component({
  selector: 'alm-office-charter-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatExpansionPanel,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatProgressSpinner,
    RouterLink,
    TranslocoDirective,
    LocalizedDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './office-charter-page.html',
  styleUrl: './office-charter-page.scss',
})
export class OfficeCharterPage {
  private readonly api = inject(OfficeApi);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly lang = inject(LanguageService).current;
  protected readonly maxGoals = MAX_GOALS;
  protected readonly versions = rxResource({ stream: () => this.api.charterVersions() });

  protected readonly form = this.fb.group({
    missionDe: ['', [Validators.required, Validators.minLength(20), Validators.maxLength(10_000)]],
    missionEn: ['', [Validators.required, Validators.minLength(20), Validators.maxLength(10_000)]],
    goals: this.fb.array([this.goalGroup()], [Validators.required, Validators.maxLength(MAX_GOALS)]),
  });
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly published = signal<number | null>(null);

  constructor() {
    // start the draft from the newest version, once
    effect(() => {
      const latest = this.versions.hasValue() ? this.versions.value()[0] : undefined;
      untracked(() => {
        if (latest && this.form.pristine) this.fill(latest);
      });
    });
  }

  protected addGoal(): void {
    if (this.form.controls.goals.length >= MAX_GOALS) return;
    this.form.controls.goals.push(this.goalGroup());
    this.form.markAsDirty();
    const index = this.form.controls.goals.length - 1;
    queueMicrotask(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-goal="${index}"] input`)?.focus());
  }

  protected removeGoal(index: number): void {
    if (this.form.controls.goals.length <= 1) return;
    this.form.controls.goals.removeAt(index);
    this.form.markAsDirty();
  }

  protected publish(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      queueMicrotask(() => this.host.nativeElement.querySelector<HTMLElement>('form .ng-invalid:not(form):not([formarrayname])')?.focus());
      return;
    }
    const value = this.form.getRawValue();
    const request: PublishCharterRequest = {
      missionDe: value.missionDe.trim(),
      missionEn: value.missionEn.trim(),
      goals: value.goals.map((goal) => ({ de: goal.de.trim(), en: goal.en.trim() })),
    };
    const t = (key: string) => this.transloco.translate<string>(key);
    openConfirmDialog(this.dialog, {
      title: t('office.charter.confirmTitle'),
      message: t('office.charter.confirmText'),
      confirm: t('office.charter.publish'),
      cancel: t('office.cancel'),
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          this.errorKey.set(null);
          this.published.set(null);
          return this.api.publishCharter(request);
        }),
      )
      .subscribe({
        next: (version) => {
          this.busy.set(false);
          this.published.set(version.version);
          this.form.markAsPristine();
          this.versions.update((list) => (list ? [version, ...list] : [version]));
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.errorKey.set(apiErrorKey(error));
        },
      });
  }

  protected goalText(goal: CharterGoal): string {
    return goal[this.lang()];
  }

  private goalGroup(goal?: CharterGoal) {
    return this.fb.group({
      de: [goal?.de ?? '', [Validators.required, Validators.minLength(3), Validators.maxLength(500)]],
      en: [goal?.en ?? '', [Validators.required, Validators.minLength(3), Validators.maxLength(500)]],
    });
  }

  private fill(version: CharterVersionDto): void {
    // resize the goal list in place (keeps the existing rows), then fill in the texts
    const goals = this.form.controls.goals;
    while (goals.length > Math.max(1, version.goals.length)) goals.removeAt(goals.length - 1);
    while (goals.length < version.goals.length) goals.push(this.goalGroup());
    this.form.patchValue({ missionDe: version.missionDe, missionEn: version.missionEn, goals: version.goals });
    this.form.markAsPristine();
  }
}
