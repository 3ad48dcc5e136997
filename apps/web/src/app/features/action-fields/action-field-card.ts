import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { ActionFieldDto, WorkingGroupSummaryDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { Language } from '../../core/i18n/language';
import { localized } from '../../shared/localized';
import { GroupTags } from '../working-groups/group-tags';

/** One action field, with its colour as an accent border, and its working groups. */
@Component({
  selector: 'alm-action-field-card',
  imports: [MatCard, MatCardHeader, MatCardContent, RouterLink, TranslocoDirective, GroupTags],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="card" [style.--alm-accent]="field().color" *transloco="let t">
      <mat-card-header>
        <h2 class="name">{{ name() }}</h2>
      </mat-card-header>
      <mat-card-content class="content">
        <p class="description">{{ description() }}</p>
        <h3 class="groups-heading">{{ t('groups.startPage.heading') }}</h3>
        @if (groupsFailed()) {
          <p class="hint" data-testid="field-groups-error">{{ t('groups.startPage.error') }}</p>
        } @else if (groups(); as list) {
          @if (list.length === 0) {
            <p class="hint" data-testid="field-groups-empty">{{ t('groups.startPage.empty') }}</p>
          } @else {
            <ul class="groups" data-testid="field-groups">
              @for (group of list; track group.id) {
                <li class="group" data-testid="field-group">
                  <a class="group-name" [routerLink]="['/groups', group.id]">{{ group.name }}</a>
                  <alm-group-tags [state]="group.state" [realWorldLab]="group.realWorldLab" />
                </li>
              }
            </ul>
          }
        } @else {
          <p class="hint">{{ t('groups.startPage.loading') }}</p>
        }
        <p class="all">
          <a [routerLink]="['/groups']" [queryParams]="{ actionField: field().id }" data-testid="field-groups-link"
            >{{ t('groups.startPage.all') }}<span class="alm-visually-hidden">: {{ name() }}</span></a
          >
        </p>
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './action-field-card.scss',
})
export class ActionFieldCard {
  readonly field = input.required<ActionFieldDto>();
  readonly lang = input.required<Language>();
  /** The field's groups to show; null while they load. */
  readonly groups = input<readonly WorkingGroupSummaryDto[] | null>(null);
  readonly groupsFailed = input(false);

  protected readonly name = computed(() => localized(this.field(), 'name', this.lang()));
  protected readonly description = computed(() => localized(this.field(), 'description', this.lang()));
}
