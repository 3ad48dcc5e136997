import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { ActionFieldDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { focusAfterRender } from '../../core/auth/forms';
import { ActionFieldDialog, ActionFieldDialogData } from './action-field-dialog';
import { ActionFieldsAdminApi } from './action-fields-admin-api';

/** The office adds, edits, reorders and archives action fields. */
@Component({
  selector: 'alm-office-action-fields-page',
  imports: [MatButton, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './office-action-fields-page.html',
  styleUrl: './office-action-fields-page.scss',
})
export class OfficeActionFieldsPage {
  private readonly api = inject(ActionFieldsAdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly resource = rxResource({ stream: () => this.api.list() });
  protected readonly fields = computed(() =>
    this.resource.hasValue() ? [...this.resource.value()].sort((a, b) => a.position - b.position) : [],
  );
  protected readonly notice = signal<{ key: string; name: string } | null>(null);

  protected open(field: ActionFieldDto | null): void {
    this.dialog
      .open<ActionFieldDialog, ActionFieldDialogData, ActionFieldDto>(ActionFieldDialog, {
        data: { field },
        width: '40rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((saved): saved is ActionFieldDto => !!saved))
      .subscribe((saved) => {
        this.resource.update((list) =>
          list ? (field ? list.map((f) => (f.id === saved.id ? saved : f)) : [...list, saved]) : [saved],
        );
        this.notice.set({ key: field ? 'groups.fieldsAdmin.updated' : 'groups.fieldsAdmin.created', name: saved.nameDe });
        focusAfterRender(this.host, '[data-testid="fields-notice"]', this.injector);
      });
  }
}
