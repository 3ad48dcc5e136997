import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { ProposeGroupRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { localized } from '../../shared/localized';
import { groupErrorKey } from './group-errors';
import { FieldOption, GroupForm } from './group-form';
import { GroupsApi } from './groups-api';

/** Edit a working group (its leads and the office), with the same form as the proposal. */
@Component({
  selector: 'alm-group-edit-page',
  imports: [GroupForm, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p class="back"><a [routerLink]="['/groups', id()]">{{ t('groups.backToGroup') }}</a></p>
      <h1 class="heading">{{ t('groups.editHeading') }}</h1>
      @if (group.error()) {
        <div class="state state-error" role="alert">
          <p>{{ t('groups.loadError') }}</p>
        </div>
      } @else if (detail(); as detail) {
        @if (detail.permissions.canManage) {
          <alm-group-form
            [initial]="detail"
            [actionFields]="actionFields()"
            [busy]="busy()"
            [errorKey]="errorKey()"
            [submitLabel]="t('groups.save')"
            (saved)="save($event)"
            (cancelled)="back()"
          />
        } @else {
          <p class="notice" data-testid="edit-forbidden">{{ t('groups.editForbidden') }}</p>
        }
      } @else {
        <div class="state">
          <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
          <p>{{ t('groups.loading') }}</p>
        </div>
      }
    </ng-container>
  `,
  styleUrl: './group-pages.scss',
})
export class GroupEditPage {
  private readonly api = inject(GroupsApi);
  private readonly router = inject(Router);
  private readonly lang = inject(LanguageService).current;

  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly group = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly detail = computed(() => (this.group.hasValue() ? this.group.value() : null));
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  private readonly fields = rxResource({ stream: () => this.api.actionFields() });
  protected readonly actionFields = computed<FieldOption[]>(() =>
    this.fields.hasValue()
      ? this.fields
          .value()
          .filter((field) => !field.archived)
          .sort((a, b) => a.position - b.position)
          .map((field) => ({ id: field.id, name: localized(field, 'name', this.lang()) }))
      : [],
  );

  protected save(request: ProposeGroupRequest): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.update(this.id(), request).subscribe({
      next: () => void this.router.navigate(['/groups', this.id()], { state: { notice: 'groups.notices.saved' } }),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(groupErrorKey(error));
      },
    });
  }

  protected back(): void {
    void this.router.navigate(['/groups', this.id()]);
  }
}
