import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** Shown for every unknown URL. */
@Component({
  selector: 'alm-not-found-page',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'notFound'">
      <h1 class="heading">{{ t('heading') }}</h1>
      <p>{{ t('text') }}</p>
      <p><a routerLink="/">{{ t('home') }}</a></p>
    </ng-container>
  `,
  styles: `
    .heading {
      margin: 0 0 1rem;
      font: var(--mat-sys-headline-medium);
    }
  `,
})
export class NotFoundPage {}
