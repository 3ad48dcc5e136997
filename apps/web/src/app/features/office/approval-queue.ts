import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorCode, apiErrorKey } from '../../shared/api-error';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { OfficeApi, OfficeMember } from './office-api';

interface Notice {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

/** Persons who signed the charter and wait for the office; approving removes them from the list at once. */
@Component({
  selector: 'alm-approval-queue',
  imports: [
    MatButton,
    MatProgressSpinner,
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    TranslocoDirective,
    LocalizedDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './approval-queue.html',
  styleUrl: './office-table.scss',
})
export class ApprovalQueue {
  private readonly api = inject(OfficeApi);

  protected readonly lang = inject(LanguageService).current;
  protected readonly columns = ['name', 'organisations', 'signed', 'actions'];
  protected readonly queue = rxResource({
    stream: () => this.api.memberships({ status: 'awaiting_approval', pageSize: 100 }),
  });
  protected readonly rows = computed(() => (this.queue.hasValue() ? this.queue.value().items : []));
  protected readonly approving = signal<ReadonlySet<string>>(new Set());
  protected readonly notice = signal<Notice | null>(null);

  protected approve(row: OfficeMember): void {
    this.setApproving(row.personId, true);
    this.notice.set(null);
    this.api.approve(row.personId).subscribe({
      next: () => {
        this.setApproving(row.personId, false);
        this.removeRow(row.personId);
        this.notice.set({ key: 'office.queue.approved', params: { name: row.displayName } });
      },
      error: (error: unknown) => {
        this.setApproving(row.personId, false);
        this.notice.set({ key: apiErrorKey(error), error: true });
        // someone else dealt with it meanwhile: the list is stale
        if (apiErrorCode(error) === 'NOT_AWAITING_APPROVAL') this.queue.reload();
      },
    });
  }

  protected retry(): void {
    this.queue.reload();
  }

  private removeRow(personId: string): void {
    this.queue.update((page) =>
      page
        ? { ...page, items: page.items.filter((item) => item.personId !== personId), total: Math.max(0, page.total - 1) }
        : page,
    );
  }

  private setApproving(personId: string, on: boolean): void {
    this.approving.update((current) => {
      const next = new Set(current);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });
  }
}
