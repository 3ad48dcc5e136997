import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MEETING_KINDS, MeetingSummaryDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { berlinMonthKey, formatMonth, meetingTimeParts } from './berlin-time';
import { CalendarFeedPanel } from './calendar-feed-panel';
import { MeetingChips } from './meeting-chips';
import { MEETING_PAGE_SIZE, MeetingFilters, meetingListQuery, meetingQueryParams, readMeetingFilters } from './meeting-filters';
import { MeetingsApi } from './meetings-api';

const sameFilters = (a: MeetingFilters, b: MeetingFilters) => JSON.stringify(a) === JSON.stringify(b);

interface MonthGroup {
  key: string;
  label: string;
  meetings: MeetingSummaryDto[];
}

/** All meetings the visitor may see: upcoming and past, by kind or only mine, grouped by month (Berlin time). */
@Component({
  selector: 'alm-meetings-page',
  imports: [
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatSlideToggle,
    MatPaginator,
    MatProgressSpinner,
    MatTabNav,
    MatTabLink,
    MatTabNavPanel,
    RouterLink,
    TranslocoDirective,
    MeetingChips,
    CalendarFeedPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meetings-page.html',
  styleUrl: './meetings-page.scss',
})
export class MeetingsPage {
  private readonly api = inject(MeetingsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);

  protected readonly lang = inject(LanguageService).current;
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly isOffice = this.auth.isOffice;
  protected readonly kinds = MEETING_KINDS;
  protected readonly pageSize = MEETING_PAGE_SIZE;

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filters = computed(() => readMeetingFilters(this.queryParams()), { equal: sameFilters });
  protected readonly filtered = computed(() => this.filters().kind !== null || this.filters().mine);

  protected readonly meetings = rxResource({
    // "now" is taken when the filters change, so a list does not reload by itself
    params: () => meetingListQuery(this.filters(), new Date(), this.signedIn()),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly page = computed(() => (this.meetings.hasValue() ? this.meetings.value() : null));

  /** Meetings grouped by the month (in Berlin) they start in, in the order the API sent them. */
  protected readonly months = computed<MonthGroup[]>(() => {
    const groups: MonthGroup[] = [];
    for (const meeting of this.page()?.items ?? []) {
      const key = berlinMonthKey(meeting.startsAt);
      let group = groups.at(-1);
      if (group?.key !== key) {
        group = { key, label: formatMonth(key, this.lang()), meetings: [] };
        groups.push(group);
      }
      group.meetings.push(meeting);
    }
    return groups;
  });

  protected time(meeting: MeetingSummaryDto) {
    return meetingTimeParts(meeting.startsAt, meeting.endsAt, this.lang());
  }

  protected isFull(meeting: MeetingSummaryDto): boolean {
    return meeting.capacity !== null && meeting.registeredCount >= meeting.capacity;
  }

  protected tabParams(tab: MeetingFilters['tab']) {
    return meetingQueryParams({ ...this.filters(), tab, page: 1 });
  }

  protected apply(patch: Partial<MeetingFilters>): void {
    this.navigate({ ...this.filters(), ...patch, page: 1 });
  }

  protected resetFilters(): void {
    this.navigate({ ...this.filters(), kind: null, mine: false, page: 1 });
  }

  protected onPage(event: PageEvent): void {
    this.navigate({ ...this.filters(), page: event.pageIndex + 1 });
  }

  private navigate(filters: MeetingFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: meetingQueryParams(filters) });
  }
}
