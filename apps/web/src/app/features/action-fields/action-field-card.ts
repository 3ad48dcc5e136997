import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatCard, MatCardContent, MatCardHeader } from '@angular/material/card';
import { ActionFieldDto } from '@allmende/contracts';
import { Language } from '../../core/i18n/language';
import { localized } from '../../shared/localized';

/** One action field, with its colour as an accent border. */
@Component({
  selector: 'alm-action-field-card',
  imports: [MatCard, MatCardHeader, MatCardContent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined" class="card" [style.--alm-accent]="field().color">
      <mat-card-header>
        <h2 class="name">{{ name() }}</h2>
      </mat-card-header>
      <mat-card-content>
        <p class="description">{{ description() }}</p>
      </mat-card-content>
    </mat-card>
  `,
  styleUrl: './action-field-card.scss',
})
export class ActionFieldCard {
  readonly field = input.required<ActionFieldDto>();
  readonly lang = input.required<Language>();

  protected readonly name = computed(() => localized(this.field(), 'name', this.lang()));
  protected readonly description = computed(() => localized(this.field(), 'description', this.lang()));
}
