import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { OfficeApi, OfficeMember } from './office-api';

/** Every change of a person's membership, oldest first. */
@Component({
  selector: 'alm-history-dialog',
  imports: [MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatProgressSpinner, TranslocoDirective, LocalizedDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('office.history.title', { name: person.displayName }) }}</h2>
      <mat-dialog-content>
        @if (history.error()) {
          <p role="alert">{{ t('office.loadError') }}</p>
        } @else if (history.isLoading()) {
          <mat-progress-spinner mode="indeterminate" diameter="32" [attr.aria-label]="t('office.loading')" />
        } @else if (history.hasValue()) {
          @if (history.value().length === 0) {
            <p>{{ t('office.history.empty') }}</p>
          } @else {
            <ol class="history" data-testid="history">
              @for (entry of history.value(); track $index) {
                <li>
                  <span class="when">{{ entry.at | almDate: lang() : true }}</span>
                  <span class="move">
                    @if (entry.from) {
                      {{ t('membership.statuses.' + entry.from) }} →
                    }
                    {{ t('membership.statuses.' + entry.to) }}
                  </span>
                  @if (entry.reason) {
                    <span class="reason">{{ t('office.history.reason', { reason: entry.reason }) }}</span>
                  }
                  @if (entry.actorName) {
                    <span class="reason">{{ t('office.history.by', { name: entry.actorName }) }}</span>
                  }
                </li>
              }
            </ol>
          }
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" mat-dialog-close>{{ t('office.close') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .history {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    li {
      margin-block-end: 0.75rem;
    }
    .when,
    .move,
    .reason {
      display: block;
    }
    .move {
      font-weight: 600;
    }
    .when,
    .reason {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HistoryDialog {
  private readonly api = inject(OfficeApi);
  protected readonly lang = inject(LanguageService).current;
  protected readonly person = inject<OfficeMember>(MAT_DIALOG_DATA);
  protected readonly history = rxResource({ stream: () => this.api.history(this.person.personId) });
}
