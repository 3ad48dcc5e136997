import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { formatBerlinDateTime } from '../meetings/berlin-time';
import { DiscussionApi } from './discussion-api';

export interface RevisionsDialogData {
  messageId: number;
  author: string;
}

/** The earlier texts of an edited message (for its author and the moderators), newest first. */
@Component({
  selector: 'alm-revisions-dialog',
  imports: [MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatProgressSpinner, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'discussion.revisions'">
      <h2 mat-dialog-title>{{ t('title', { name: data.author }) }}</h2>
      <mat-dialog-content>
        @if (revisions.error()) {
          <p role="alert">{{ t('loadError') }}</p>
        } @else if (!revisions.hasValue()) {
          <p class="loading"><mat-progress-spinner mode="indeterminate" diameter="20" aria-hidden="true" />{{ t('loading') }}</p>
        } @else if (revisions.value().length === 0) {
          <p>{{ t('empty') }}</p>
        } @else {
          <ol class="revisions" data-testid="revisions">
            @for (r of newestFirst(); track $index) {
              <li class="revision">
                <p class="meta">{{ t('until') }} <time [attr.datetime]="r.editedAt">{{ when(r.editedAt) }}</time></p>
                <p class="body">{{ r.body }}</p>
              </li>
            }
          </ol>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-flat-button type="button" mat-dialog-close>{{ t('close') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .revisions {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .revision {
      padding-block: 0.5rem;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .meta {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .body {
      margin: 0.25rem 0 0;
      white-space: pre-wrap;
    }
    .loading {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
  `,
})
export class RevisionsDialog {
  protected readonly data = inject<RevisionsDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DiscussionApi);
  private readonly lang = inject(LanguageService).current;

  protected readonly revisions = rxResource({ stream: () => this.api.revisions(this.data.messageId) });

  protected newestFirst() {
    return [...(this.revisions.value() ?? [])].sort((a, b) => b.editedAt.localeCompare(a.editedAt));
  }

  protected when(iso: string): string {
    return formatBerlinDateTime(iso, this.lang());
  }
}
