import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  DECISION_METHODS,
  PARTICIPATION_LEVELS,
  type AgendaItemDto,
  type DecisionDto,
  type DecisionMethod,
  type ParticipationLevel,
} from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { catchError, map, of } from 'rxjs';
import { focusFirstInvalid } from '../../core/auth/forms';
import { DecisionChips } from './meeting-chips';
import { meetingErrorKey } from './meeting-errors';
import { MeetingsApi } from './meetings-api';

/** Record decisions with their method and participation level (Beteiligungsstufe). */
@Component({
  selector: 'alm-run-decisions-tab',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatHint, MatLabel, MatInput, MatOption, MatSelect, TranslocoDirective, DecisionChips],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tab" *transloco="let t">
      <p class="outcome" [class.outcome-error]="outcome()?.error" role="status" data-testid="decision-outcome">
        @if (outcome(); as o) {
          {{ t(o.key) }}
        }
      </p>
      <section class="block" aria-labelledby="decision-list-heading">
        <h2 class="block-heading" id="decision-list-heading">{{ t('decisions.heading') }}</h2>
        @if (decisions().length === 0) {
          <p>{{ t('decisions.empty') }}</p>
        } @else {
          <ul class="rows" data-testid="run-decisions">
            @for (d of decisions(); track d.id) {
              <li class="row-item" data-testid="run-decision">
                <span class="row-text">
                  <span>{{ d.text }}</span>
                  <span class="meta">{{ t('decisions.outcome') }}: {{ d.outcome }}</span>
                </span>
                <alm-decision-chips [method]="d.method" [level]="d.participationLevel" />
              </li>
            }
          </ul>
        }
      </section>

      <section class="block" aria-labelledby="decision-form-heading">
        <h2 class="block-heading" id="decision-form-heading">{{ t('decisions.add') }}</h2>
        <form class="stack-form" novalidate [formGroup]="form" (ngSubmit)="submit()" data-testid="decision-form">
          <mat-form-field>
            <mat-label>{{ t('decisions.text') }}</mat-label>
            <textarea matInput formControlName="text" required rows="3" maxlength="5000" data-testid="decision-text"></textarea>
            @if (form.controls.text.invalid) {
              <mat-error>{{ t('decisions.textRequired') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('decisions.method') }}</mat-label>
            <mat-select formControlName="method" required data-testid="decision-method-select">
              @for (m of methods; track m) {
                <mat-option [value]="m">{{ t('decisions.methods.' + m) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('decisions.level') }}</mat-label>
            <mat-select formControlName="participationLevel" required data-testid="decision-level-select">
              @for (l of levels; track l) {
                <mat-option [value]="l">{{ t('decisions.levels.' + l) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('decisions.outcome') }}</mat-label>
            <input matInput formControlName="outcome" required maxlength="2000" data-testid="decision-outcome-input" />
            <mat-hint>{{ t('decisions.outcomeHint') }}</mat-hint>
            @if (form.controls.outcome.invalid) {
              <mat-error>{{ t('decisions.outcomeRequired') }}</mat-error>
            }
          </mat-form-field>
          @if (agenda().length) {
            <mat-form-field>
              <mat-label>{{ t('decisions.agendaItem') }}</mat-label>
              <mat-select formControlName="agendaItemId" data-testid="decision-agenda-item">
                <mat-option value="">{{ t('decisions.noAgendaItem') }}</mat-option>
                @for (item of agenda(); track item.id) {
                  <mat-option [value]="item.id">{{ item.title }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          }
          @if (groups.hasValue() && groups.value().length) {
            <mat-form-field>
              <mat-label>{{ t('decisions.groups') }}</mat-label>
              <mat-select formControlName="groupIds" multiple data-testid="decision-groups">
                @for (g of groups.value(); track g.id) {
                  <mat-option [value]="g.id">{{ g.name }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ t('decisions.groupsHint') }}</mat-hint>
            </mat-form-field>
          }
          <div>
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="decision-submit">{{ t('decisions.save') }}</button>
          </div>
        </form>
      </section>
    </div>
  `,
  styleUrl: './run-tab.scss',
})
export class RunDecisionsTab {
  private readonly api = inject(MeetingsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly meetingId = input.required<string>();
  readonly agenda = input.required<readonly AgendaItemDto[]>();
  readonly initialDecisions = input.required<readonly DecisionDto[]>();

  protected readonly methods = DECISION_METHODS;
  protected readonly levels = PARTICIPATION_LEVELS;
  protected readonly decisions = linkedSignal(() => [...this.initialDecisions()]);
  protected readonly groups = rxResource({
    stream: () =>
      this.api.workingGroups().pipe(
        map((page) => page.items.map((g) => ({ id: g.id, name: g.name }))),
        catchError(() => of([])),
      ),
  });
  protected readonly busy = signal(false);
  protected readonly outcome = signal<{ key: string; error?: boolean } | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(5000)]],
    method: ['consensus' as DecisionMethod, Validators.required],
    participationLevel: ['co_decide' as ParticipationLevel, Validators.required],
    outcome: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(2000)]],
    agendaItemId: [''],
    groupIds: [[] as string[]],
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.outcome.set(null);
    this.api
      .addDecision(this.meetingId(), {
        text: v.text.trim(),
        method: v.method,
        participationLevel: v.participationLevel,
        outcome: v.outcome.trim(),
        agendaItemId: v.agendaItemId || null,
        groupIds: v.groupIds,
      })
      .subscribe({
        next: (decision) => {
          this.busy.set(false);
          this.decisions.update((list) => [...list, decision]);
          this.form.reset();
          this.outcome.set({ key: 'decisions.saved' });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.outcome.set({ key: meetingErrorKey(error), error: true });
        },
      });
  }
}
