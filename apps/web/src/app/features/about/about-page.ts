import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type {
  DirectoryPersonDto,
  GroupState,
  MeetingPage,
  MeetingSummaryDto,
  OrganisationDto,
  Page,
  StrategyDto,
  WorkingGroupPage,
  WorkingGroupSummaryDto,
} from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { ActionFieldCard } from '../action-fields/action-field-card';
import { actionFieldsResource, visibleActionFields } from '../action-fields/action-fields-resource';
import { meetingTimeParts } from '../meetings/berlin-time';

/** Groups shown to the public: decided and not dissolved (proposals wait for the office). */
export const PUBLIC_GROUP_STATES: readonly GroupState[] = ['approved', 'active', 'dormant', 'permanent'];
/** How many upcoming conferences the page lists. */
export const CONFERENCES_SHOWN = 5;

/**
 * "Die Allianz", the public face at `/` (signed out) and `/about`: what the alliance is,
 * its Leitbild and Leitziele, the action fields with their groups, upcoming conferences
 * with registration, and who takes part. Only public API data (the API filters).
 */
@Component({
  selector: 'alm-about-page',
  imports: [MatAnchor, MatButton, MatProgressSpinner, RouterLink, TranslocoDirective, ActionFieldCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './about-page.html',
  styleUrl: './about-page.scss',
})
export class AboutPage {
  private readonly base = inject(API_BASE_URL);
  protected readonly auth = inject(AuthStore);
  protected readonly lang = inject(LanguageService).current;
  /** The moment the page opened: conferences from then on are "upcoming". */
  private readonly now = new Date().toISOString();

  protected readonly strategy = httpResource<StrategyDto>(() => `${this.base}/api/strategy`);
  protected readonly fieldsResource = actionFieldsResource();
  protected readonly groupsResource = httpResource<WorkingGroupPage>(() => ({
    url: `${this.base}/api/working-groups`,
    params: { pageSize: 100 },
  }));
  protected readonly conferences = httpResource<MeetingPage>(() => ({
    url: `${this.base}/api/meetings`,
    params: { kind: 'conference', from: this.now, pageSize: CONFERENCES_SHOWN },
  }));
  private readonly members = httpResource<Page<DirectoryPersonDto>>(() => ({
    url: `${this.base}/api/members`,
    params: { pageSize: 1 },
  }));
  private readonly organisations = httpResource<Page<OrganisationDto>>(() => ({
    url: `${this.base}/api/organisations`,
    params: { pageSize: 1 },
  }));

  protected readonly mission = computed(() => {
    const mission = this.strategy.hasValue() ? this.strategy.value().mission : null;
    return mission ? mission[this.lang()] : null;
  });
  protected readonly goals = computed(() =>
    this.strategy.hasValue()
      ? [...this.strategy.value().goals].sort((a, b) => a.number - b.number).map((goal) => ({ number: goal.number, text: goal[this.lang()] }))
      : [],
  );

  protected readonly fields = computed(() => (this.fieldsResource.hasValue() ? visibleActionFields(this.fieldsResource.value()) : []));
  private readonly publicGroups = computed(() =>
    this.groupsResource.hasValue() ? this.groupsResource.value().items.filter((g) => PUBLIC_GROUP_STATES.includes(g.state)) : null,
  );

  /** A field's groups; null while they load. */
  protected groupsOf(fieldId: string): WorkingGroupSummaryDto[] | null {
    return this.publicGroups()?.filter((group) => group.actionFieldId === fieldId) ?? null;
  }

  /** The alliance in numbers; a number is left out while it loads or when it failed. */
  protected readonly facts = computed(() => {
    const facts: { key: string; count: number; link: string }[] = [];
    const groups = this.publicGroups();
    if (this.members.hasValue()) facts.push({ key: 'members', count: this.members.value().total, link: '/members' });
    if (this.organisations.hasValue()) facts.push({ key: 'organisations', count: this.organisations.value().total, link: '/organisations' });
    if (groups) facts.push({ key: 'groups', count: groups.length, link: '/groups' });
    return facts;
  });

  protected readonly upcoming = computed(() =>
    this.conferences.hasValue() ? this.conferences.value().items.filter((m) => !m.cancelled) : [],
  );

  protected time(m: MeetingSummaryDto) {
    return meetingTimeParts(m.startsAt, m.endsAt, this.lang());
  }

  protected venue(m: MeetingSummaryDto): string | null {
    return [m.venueName, m.venueAddress].filter((part): part is string => !!part).join(', ') || null;
  }
}
