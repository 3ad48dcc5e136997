import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { SaveOrganisationRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { apiErrorKey } from '../../shared/api-error';
import { OrganisationForm } from './organisation-form';
import { OrganisationsApi } from './organisations-api';

/** Edits an organisation (its representatives and the office): the form of "new", filled in. */
@Component({
  selector: 'alm-organisation-edit-page',
  imports: [OrganisationForm, MatButton, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 class="heading">{{ t('organisations.editHeading') }}</h1>
      @if (organisation.error(); as error) {
        <div class="state state-error" role="alert">
          <p>{{ t(loadErrorKey(error)) }}</p>
          <button mat-flat-button type="button" (click)="organisation.reload()">{{ t('organisations.retry') }}</button>
        </div>
      } @else if (organisation.isLoading()) {
        <div class="state">
          <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
          <p>{{ t('organisations.loading') }}</p>
        </div>
      } @else if (organisation.hasValue()) {
        @if (organisation.value(); as org) {
          @if (org.canManage) {
            <p class="intro">{{ org.name }}</p>
            <alm-organisation-form
              [initial]="org"
              [busy]="busy()"
              [errorKey]="errorKey()"
              [submitLabel]="t('organisations.save')"
              (saved)="save($event)"
              (cancelled)="back()"
            />
          } @else {
            <p class="state" role="alert">{{ t('membership.errors.FORBIDDEN') }}</p>
            <p><a [routerLink]="['/organisations', id()]">{{ t('organisations.backToOrganisation') }}</a></p>
          }
        }
      }
    </ng-container>
  `,
  styleUrl: './organisation-edit.scss',
})
export class OrganisationEditPage {
  private readonly api = inject(OrganisationsApi);
  private readonly router = inject(Router);

  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly organisation = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected loadErrorKey(error: unknown): string {
    return apiErrorKey(error);
  }

  protected save(request: SaveOrganisationRequest): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.update(this.id(), request).subscribe({
      next: () => this.back(),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(apiErrorKey(error));
      },
    });
  }

  protected back(): void {
    void this.router.navigate(['/organisations', this.id()]);
  }
}
