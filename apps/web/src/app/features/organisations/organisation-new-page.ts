import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { SaveOrganisationRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { apiErrorKey } from '../../shared/api-error';
import { OrganisationForm } from './organisation-form';
import { OrganisationsApi } from './organisations-api';

/** Registers a new organisation; its creator becomes its representative. */
@Component({
  selector: 'alm-organisation-new-page',
  imports: [OrganisationForm, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 class="heading">{{ t('organisations.newHeading') }}</h1>
      <p class="intro">{{ t('organisations.newIntro') }}</p>
      <alm-organisation-form
        [busy]="busy()"
        [errorKey]="errorKey()"
        [submitLabel]="t('organisations.create')"
        (saved)="create($event)"
        (cancelled)="cancel()"
      />
    </ng-container>
  `,
  styleUrl: './organisation-edit.scss',
})
export class OrganisationNewPage {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected create(request: SaveOrganisationRequest): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.create(request).subscribe({
      next: (org) => {
        void this.auth.reloadMe().catch(() => undefined); // the new affiliation shows in the profile
        void this.router.navigate(['/organisations', org.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(apiErrorKey(error));
      },
    });
  }

  protected cancel(): void {
    void this.router.navigate(['/organisations']);
  }
}
