import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ProposeGroupRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { map } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { localized } from '../../shared/localized';
import { groupErrorKey } from './group-errors';
import { FieldOption, GroupForm } from './group-form';
import { GroupsApi } from './groups-api';

const SIGNATORY_STATUSES = ['signatory', 'active', 'dormant'];

/** Propose a working group; the proposer leads it, the plenary decides on it. */
@Component({
  selector: 'alm-group-new-page',
  imports: [GroupForm, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p class="back"><a routerLink="/groups">{{ t('groups.backToList') }}</a></p>
      <h1 class="heading">{{ t('groups.newHeading') }}</h1>
      <p class="intro">{{ t('groups.newIntro') }}</p>
      @if (!mayPropose()) {
        <p class="notice" data-testid="signatories-only">
          {{ t('groups.signatoriesOnly') }} <a routerLink="/charter">{{ t('groups.toCharter') }}</a>
        </p>
      }
      <alm-group-form
        [actionFields]="actionFields()"
        [defaultActionField]="defaultActionField()"
        [busy]="busy()"
        [errorKey]="errorKey()"
        [submitLabel]="t('groups.proposeSubmit')"
        (saved)="propose($event)"
        (cancelled)="cancel()"
      />
    </ng-container>
  `,
  styleUrl: './group-pages.scss',
})
export class GroupNewPage {
  private readonly api = inject(GroupsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly lang = inject(LanguageService).current;

  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly defaultActionField = toSignal(
    inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.get('actionField'))),
    { initialValue: null },
  );

  /** Signatories of the alliance and the office may propose groups. */
  protected readonly mayPropose = computed(() => {
    const me = this.auth.me();
    return !!me && (this.auth.isOffice() || SIGNATORY_STATUSES.includes(me.membership.status));
  });

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

  protected propose(request: ProposeGroupRequest): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.propose(request).subscribe({
      next: (group) => void this.router.navigate(['/groups', group.id], { state: { notice: 'groups.notices.proposed' } }),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(groupErrorKey(error));
      },
    });
  }

  protected cancel(): void {
    void this.router.navigate(['/groups']);
  }
}
