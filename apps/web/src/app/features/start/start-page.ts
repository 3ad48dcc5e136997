import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { MeetingKind, StartPageDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { formatBerlinDateTime } from '../meetings/berlin-time';
import { MeetingChips } from '../meetings/meeting-chips';

/** One of the office's to-dos: how many wait, and where to handle them. */
interface OfficeTask {
  key: 'approvals' | 'groupProposals' | 'openReports';
  count: number;
  link: string;
  queryParams: Record<string, string> | null;
}

/**
 * The personal start page at `/` for signed-in persons (`GET /api/me/start`): my groups, my
 * next meetings, unread discussions, my cards, open dot votes and, for the office, what waits
 * for it. Every empty section suggests a next step.
 */
@Component({
  selector: 'alm-start-page',
  imports: [MatButton, MatProgressSpinner, RouterLink, TranslocoDirective, LocalizedDatePipe, MeetingChips],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './start-page.html',
  styleUrl: './start-page.scss',
})
export class StartPage {
  private readonly base = inject(API_BASE_URL);
  protected readonly auth = inject(AuthStore);
  protected readonly lang = inject(LanguageService).current;

  protected readonly start = httpResource<StartPageDto>(() => `${this.base}/api/me/start`);
  protected readonly data = computed(() => (this.start.hasValue() ? this.start.value() : null));

  protected readonly officeTasks = computed<OfficeTask[] | null>(() => {
    const tasks = this.data()?.officeTasks;
    if (!tasks) return null;
    return [
      { key: 'approvals', count: tasks.approvals, link: '/office/members', queryParams: null },
      { key: 'groupProposals', count: tasks.groupProposals, link: '/groups', queryParams: { state: 'proposed' } },
      { key: 'openReports', count: tasks.openReports, link: '/office/moderation', queryParams: null },
    ];
  });
  protected readonly officeIdle = computed(() => (this.officeTasks() ?? []).every((task) => task.count === 0));

  protected when(iso: string): string {
    return formatBerlinDateTime(iso, this.lang());
  }

  protected kind(kind: string): MeetingKind {
    return kind as MeetingKind;
  }

  protected retry(): void {
    this.start.reload();
  }
}
