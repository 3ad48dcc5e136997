import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { ModerationLogEntryDto, ReportDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { focusAfterRender } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { formatBerlinDateTime } from '../meetings/berlin-time';
import { DiscussionApi } from './discussion-api';
import { discussionError } from './discussion-errors';
import { askReason } from './reason-dialog';

interface Notice {
  key: string;
  params?: Record<string, string | number>;
  error?: boolean;
}

/**
 * `/office/moderation`: the open reports of discussion messages (hide the message with a
 * reason, or settle the report), and the moderation log with who did what, when and why.
 */
@Component({
  selector: 'alm-moderation-page',
  imports: [MatButton, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './moderation-page.html',
  styleUrl: './moderation-page.scss',
})
export class ModerationPage {
  private readonly api = inject(DiscussionApi);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly lang = inject(LanguageService).current;

  protected readonly reports = rxResource({ stream: () => this.api.reports() });
  protected readonly log = rxResource({ stream: () => this.api.moderationLog() });
  protected readonly busy = signal(false);
  protected readonly notice = signal<Notice | null>(null);

  protected when(iso: string): string {
    return formatBerlinDateTime(iso, this.lang());
  }

  /** What a log entry is about, as a `discussion.moderation.subjects.*` message. */
  protected subject(entry: ModerationLogEntryDto): { key: string; params: Record<string, string> } {
    const until = typeof entry.data['until'] === 'string' ? this.when(entry.data['until']) : null;
    if (entry.subjectType === 'person' && until) return { key: 'discussion.moderation.subjects.personUntil', params: { until } };
    return { key: `discussion.moderation.subjects.${entry.subjectType}`, params: { id: entry.subjectId } };
  }

  protected hide(report: ReportDto): void {
    askReason(this.dialog, { kind: 'hide', params: { name: report.message.author?.name ?? '—' }, required: true })
      .pipe(filter((reason): reason is string => reason !== undefined))
      .subscribe((reason) => {
        this.busy.set(true);
        this.api.hide(report.message.id, true, reason).subscribe({
          // hiding settles every report of the message
          next: () => this.done((r) => r.message.id !== report.message.id, { key: 'discussion.moderation.hidden' }),
          error: (error: unknown) => this.fail(error),
        });
      });
  }

  protected resolve(report: ReportDto): void {
    this.busy.set(true);
    this.api.resolveReport(report.id).subscribe({
      next: () => this.done((r) => r.id !== report.id, { key: 'discussion.moderation.resolved' }),
      error: (error: unknown) => this.fail(error),
    });
  }

  private done(keep: (r: ReportDto) => boolean, notice: Notice): void {
    this.busy.set(false);
    this.reports.update((list) => (list ?? []).filter(keep));
    this.log.reload();
    this.say(notice);
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    const e = discussionError(error);
    this.say({ key: e.key, params: e.params, error: true });
  }

  /** The button used is gone: continue at the message. */
  private say(notice: Notice): void {
    this.notice.set(notice);
    focusAfterRender(this.host, '[data-testid="moderation-notice"]', this.injector);
  }
}
