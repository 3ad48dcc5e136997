import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { ActionFieldCard } from './action-field-card';
import { actionFieldsResource, visibleActionFields } from './action-fields-resource';

/** Start page: the alliance's action fields (Handlungsfelder). */
@Component({
  selector: 'alm-action-fields-page',
  imports: [MatButton, MatProgressSpinner, TranslocoDirective, ActionFieldCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-fields-page.html',
  styleUrl: './action-fields-page.scss',
})
export class ActionFieldsPage {
  protected readonly lang = inject(LanguageService).current;
  protected readonly resource = actionFieldsResource();
  protected readonly fields = computed(() =>
    this.resource.hasValue() ? visibleActionFields(this.resource.value()) : [],
  );

  protected retry(): void {
    this.resource.reload();
  }
}
