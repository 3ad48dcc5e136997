import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
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
import { MEMBERSHIP_STATUSES, MembershipDto, Role } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { HistoryDialog } from './history-dialog';
import { MembershipListStatus, OfficeApi, OfficeMember } from './office-api';
import { RolesDialog } from './roles-dialog';
import { TransitionDialog } from './transition-dialog';

interface Notice {
  key: string;
  params?: Record<string, string>;
}

/** All persons with their membership: filter by status, search, page; move, history and (admins) roles per person. */
@Component({
  selector: 'alm-member-list',
  imports: [
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatPaginator,
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './member-list.html',
  styleUrl: './office-table.scss',
})
export class MemberList {
  private readonly api = inject(OfficeApi);
  private readonly dialog = inject(MatDialog);

  protected readonly isAdmin = inject(AuthStore).isAdmin;
  protected readonly statuses: readonly MembershipListStatus[] = ['awaiting_approval', ...MEMBERSHIP_STATUSES];
  protected readonly columns = ['name', 'organisations', 'status', 'actions'];
  protected readonly pageSizes = [10, 25, 50];

  protected readonly status = signal<MembershipListStatus | null>(null);
  protected readonly q = signal('');
  protected readonly searchText = signal('');
  protected readonly page = signal(1);
  protected readonly pageSize = signal(25);
  protected readonly notice = signal<Notice | null>(null);

  protected readonly members = rxResource({
    params: () => ({ status: this.status() ?? undefined, q: this.q() || undefined, page: this.page(), pageSize: this.pageSize() }),
    stream: ({ params }) => this.api.memberships(params),
  });
  protected readonly result = computed(() => (this.members.hasValue() ? this.members.value() : null));

  protected setStatus(status: MembershipListStatus | null): void {
    this.status.set(status);
    this.page.set(1);
  }

  protected onSearchInput(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected search(event: Event): void {
    event.preventDefault();
    this.q.set(this.searchText().trim());
    this.page.set(1);
  }

  protected onPage(event: PageEvent): void {
    this.page.set(event.pageIndex + 1);
    this.pageSize.set(event.pageSize);
  }

  protected retry(): void {
    this.members.reload();
  }

  protected openTransition(row: OfficeMember): void {
    this.dialog
      .open<TransitionDialog, OfficeMember, MembershipDto>(TransitionDialog, { data: row, width: '32rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((membership) => {
        if (!membership) return;
        this.patchRow(row.personId, { membership });
        this.notice.set({ key: 'office.transition.done', params: { name: row.displayName } });
      });
  }

  protected openHistory(row: OfficeMember): void {
    this.dialog.open<HistoryDialog, OfficeMember>(HistoryDialog, { data: row, width: '36rem', maxWidth: '95vw' });
  }

  protected openRoles(row: OfficeMember): void {
    this.dialog
      .open<RolesDialog, OfficeMember, Role[]>(RolesDialog, { data: row, width: '28rem', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((roles) => {
        if (!roles) return;
        this.patchRow(row.personId, { roles });
        this.notice.set({ key: 'office.roles.done', params: { name: row.displayName } });
      });
  }

  private patchRow(personId: string, patch: Partial<OfficeMember>): void {
    this.members.update((page) =>
      page ? { ...page, items: page.items.map((item) => (item.personId === personId ? { ...item, ...patch } : item)) } : page,
    );
  }
}
