import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { GroupState, WorkingGroupSummaryDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { forkJoin, map } from 'rxjs';
import { LanguageService } from '../../core/i18n/language-service';
import { GroupsApi } from '../working-groups/groups-api';
import { ActionFieldCard } from './action-field-card';
import { actionFieldsResource, visibleActionFields } from './action-fields-resource';

/** Groups the start page shows: decided and not dissolved (proposals and dissolved groups are in the directory). */
export const START_PAGE_GROUP_STATES: readonly GroupState[] = ['approved', 'active', 'dormant', 'permanent'];
/** The API's largest page: more groups than this in one field is not expected. */
const GROUPS_PER_FIELD = 100;

/** Start page: the alliance's action fields (Handlungsfelder), each with its working groups. */
@Component({
  selector: 'alm-action-fields-page',
  imports: [MatButton, MatProgressSpinner, TranslocoDirective, ActionFieldCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-fields-page.html',
  styleUrl: './action-fields-page.scss',
})
export class ActionFieldsPage {
  private readonly groupsApi = inject(GroupsApi);

  protected readonly lang = inject(LanguageService).current;
  protected readonly resource = actionFieldsResource();
  protected readonly fields = computed(() =>
    this.resource.hasValue() ? visibleActionFields(this.resource.value()) : [],
  );

  /** The shown fields' ids, as one string so the groups load again only when they change. */
  private readonly fieldIds = computed(() => this.fields().map((field) => field.id).join(','));

  /** One `GET /api/working-groups?actionField=…` per field, in parallel. */
  protected readonly groups = rxResource({
    params: () => this.fieldIds() || undefined,
    stream: ({ params }) =>
      forkJoin(
        params.split(',').map((id) =>
          this.groupsApi
            .list({ actionField: id, pageSize: GROUPS_PER_FIELD })
            .pipe(map((page) => [id, page.items.filter((g) => START_PAGE_GROUP_STATES.includes(g.state))] as const)),
        ),
      ).pipe(map((entries) => new Map<string, WorkingGroupSummaryDto[]>(entries))),
  });

  protected groupsOf(fieldId: string): WorkingGroupSummaryDto[] | null {
    return this.groups.hasValue() ? (this.groups.value().get(fieldId) ?? []) : null;
  }

  protected retry(): void {
    this.resource.reload();
  }
}
