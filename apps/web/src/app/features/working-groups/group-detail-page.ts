import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  GROUP_ROLES,
  GROUP_TRANSITIONS,
  GroupMemberDto,
  GroupRequestDto,
  GroupRole,
  WorkingGroupDetailDto,
} from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Observable, filter, switchMap } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { focusAfterRender } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorStatus } from '../../shared/api-error';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { localized } from '../../shared/localized';
import { groupErrorKey } from './group-errors';
import { GroupMutes } from '../discussion/group-mutes';
import { ThreadList } from '../discussion/thread-list';
import { GroupMeetings } from './group-meetings';
import { GroupTags } from './group-tags';
import { GroupsApi } from './groups-api';
import { InviteDialog, InviteDialogData } from './invite-dialog';
import { StatusDialog, StatusDialogData } from './status-dialog';

interface Notice {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

const DIALOG_SIZE = { width: '34rem', maxWidth: '95vw' };

/** One working group: purpose, goals, sessions, state history, members, and what the visitor may do. */
@Component({
  selector: 'alm-group-detail-page',
  imports: [
    MatAnchor,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatProgressSpinner,
    RouterLink,
    TranslocoDirective,
    LocalizedDatePipe,
    GroupTags,
    GroupMeetings,
    ThreadList,
    GroupMutes,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './group-detail-page.html',
  styleUrl: './group-detail-page.scss',
})
export class GroupDetailPage {
  private readonly api = inject(GroupsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly lang = inject(LanguageService).current;
  protected readonly roles = GROUP_ROLES;
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly isOffice = this.auth.isOffice;
  protected readonly myId = computed(() => this.auth.me()?.id ?? null);

  protected readonly group = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly detail = computed(() => (this.group.hasValue() ? this.group.value() : null));

  private readonly fields = rxResource({ stream: () => this.api.actionFields() });
  protected readonly field = computed(() => {
    const detail = this.detail();
    const field = detail && this.fields.hasValue() ? this.fields.value().find((f) => f.id === detail.actionFieldId) : null;
    return field ? { id: field.id, name: localized(field, 'name', this.lang()), color: field.color } : null;
  });

  /** My confirmed organisations: I may join as their representative. */
  protected readonly organisations = computed(() =>
    (this.auth.me()?.affiliations ?? [])
      .filter((a) => a.confirmedAt !== null)
      .map((a) => ({ id: a.organisationId, name: a.organisationName })),
  );
  /** The organisation I join for; '' (a real option, so the select shows it) for myself. */
  protected readonly representing = signal('');

  /** The office may move the group on when the lifecycle allows a move. */
  protected readonly canChangeStatus = computed(() => {
    const detail = this.detail();
    return this.isOffice() && !!detail && GROUP_TRANSITIONS[detail.state].length > 0;
  });
  protected readonly requests = computed(() => this.detail()?.pending.filter((p) => p.kind === 'request') ?? []);
  protected readonly invitations = computed(() => this.detail()?.pending.filter((p) => p.kind === 'invitation') ?? []);
  protected readonly joinLabel = computed(() => {
    const detail = this.detail();
    if (detail?.myRole === 'invited') return 'groups.join.acceptInvitation';
    return detail?.access === 'closed' ? 'groups.join.request' : 'groups.join.join';
  });
  /** Leads and co-leads of the group, and the office, plan its sessions. */
  protected readonly canPlanSessions = computed(() => {
    const role = this.detail()?.myRole;
    return this.isOffice() || role === 'lead' || role === 'co_lead';
  });
  /** Leads and co-leads, and the office, moderate the group's discussions (as the API checks it). */
  protected readonly canModerate = computed(() => {
    const role = this.detail()?.myRole;
    return this.isOffice() || role === 'lead' || role === 'co_lead';
  });
  protected readonly isMember = computed(() => {
    const role = this.detail()?.myRole;
    return role === 'lead' || role === 'co_lead' || role === 'member';
  });

  protected readonly busy = signal(false);
  protected readonly notice = signal<Notice | null>(null);

  constructor() {
    const key = this.router.currentNavigation()?.extras.state?.['notice'];
    if (typeof key === 'string' && key.startsWith('groups.notices.')) this.notice.set({ key });
  }

  protected returnUrl(): string {
    return this.router.url;
  }

  protected loadErrorKey(error: unknown): string {
    return apiErrorStatus(error) === 404 ? 'groups.notFound' : 'groups.loadError';
  }

  /** `YYYY-MM-DD` at noon, so the day does not shift with the time zone. */
  protected day(date: string): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00` : date;
  }

  protected join(): void {
    const detail = this.detail();
    if (!detail) return;
    const wasInvited = detail.myRole === 'invited';
    this.run(this.api.join(detail.id, this.representing() || null), (updated) => {
      const key =
        updated.myRole === 'pending' ? 'groups.notices.requested' : wasInvited ? 'groups.notices.invitationAccepted' : 'groups.notices.joined';
      this.notice.set({ key, params: { name: updated.name } });
      this.focusNotice();
    });
  }

  /** Withdraws my request or declines my invitation (no question asked: nothing is lost). */
  protected withdraw(): void {
    const detail = this.detail();
    if (!detail) return;
    const key = detail.myRole === 'invited' ? 'groups.notices.invitationDeclined' : 'groups.notices.withdrawn';
    this.runVoid(this.api.leave(detail.id), { key });
  }

  protected leave(): void {
    const detail = this.detail();
    if (!detail) return;
    this.confirm('groups.leaveDialog', { name: detail.name }, () =>
      this.runVoid(this.api.leave(detail.id), { key: 'groups.notices.left', params: { name: detail.name } }),
    );
  }

  protected remove(member: GroupMemberDto): void {
    const detail = this.detail();
    if (!detail) return;
    this.confirm('groups.removeDialog', { name: member.displayName }, () =>
      this.runVoid(this.api.removeMember(detail.id, member.personId), {
        key: 'groups.notices.removed',
        params: { name: member.displayName },
      }),
    );
  }

  protected setRole(member: GroupMemberDto, role: GroupRole): void {
    const detail = this.detail();
    if (!detail || role === member.role) return;
    this.run(this.api.setRole(detail.id, member.personId, role), () =>
      this.notice.set({
        key: 'groups.notices.roleChanged',
        params: { name: member.displayName, role: this.transloco.translate<string>(`groups.roles.${role}`) },
      }),
    );
  }

  protected accept(request: GroupRequestDto): void {
    const detail = this.detail();
    if (!detail) return;
    this.run(this.api.acceptRequest(detail.id, request.personId), () =>
      this.notice.set({ key: 'groups.notices.accepted', params: { name: request.displayName } }),
    );
  }

  /** Declines a request or withdraws an invitation. */
  protected decline(request: GroupRequestDto): void {
    const detail = this.detail();
    if (!detail) return;
    const key = request.kind === 'invitation' ? 'groups.notices.invitationWithdrawn' : 'groups.notices.declined';
    this.runVoid(this.api.endRequest(detail.id, request.personId), { key, params: { name: request.displayName } });
  }

  protected openInvite(): void {
    const detail = this.detail();
    if (!detail) return;
    this.dialog
      .open<InviteDialog, InviteDialogData, WorkingGroupDetailDto>(InviteDialog, { data: { group: detail }, ...DIALOG_SIZE })
      .afterClosed()
      .pipe(filter((updated): updated is WorkingGroupDetailDto => !!updated))
      .subscribe((updated) => {
        this.group.set(updated);
        this.notice.set({ key: 'groups.notices.invited' });
      });
  }

  protected openStatus(): void {
    const detail = this.detail();
    if (!detail) return;
    this.dialog
      .open<StatusDialog, StatusDialogData, WorkingGroupDetailDto>(StatusDialog, { data: { group: detail }, ...DIALOG_SIZE })
      .afterClosed()
      .pipe(filter((updated): updated is WorkingGroupDetailDto => !!updated))
      .subscribe((updated) => {
        this.group.set(updated);
        this.notice.set({
          key: 'groups.notices.statusChanged',
          params: { state: this.transloco.translate<string>(`groupStates.${updated.state}`) },
        });
      });
  }

  private confirm(prefix: string, params: Record<string, string>, then: () => void): void {
    const t = (key: string) => this.transloco.translate<string>(`${prefix}.${key}`, params);
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('groups.cancel') })
      .pipe(filter(Boolean))
      .subscribe(() => then());
  }

  private run(request: Observable<WorkingGroupDetailDto>, done: (detail: WorkingGroupDetailDto) => void): void {
    this.busy.set(true);
    this.notice.set(null);
    request.subscribe({
      next: (detail) => {
        this.busy.set(false);
        this.group.set(detail);
        done(detail);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  /** For calls without a body in the answer: loads the group again, then tells what happened. */
  private runVoid(request: Observable<void>, notice: Notice): void {
    const id = this.id();
    this.busy.set(true);
    this.notice.set(null);
    request.pipe(switchMap(() => this.api.get(id))).subscribe({
      next: (detail) => {
        this.busy.set(false);
        this.group.set(detail);
        this.notice.set(notice);
        this.focusNotice();
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.notice.set({ key: groupErrorKey(error), error: true });
    this.focusNotice();
  }

  /** The button that was used may be gone: start again at the message. */
  private focusNotice(): void {
    focusAfterRender(this.host, '[data-testid="group-notice"]', this.injector);
  }
}
