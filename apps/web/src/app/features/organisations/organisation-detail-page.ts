import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { AFFILIATION_ROLES, AffiliationRole, OrganisationDetailDto, OrganisationMemberDto } from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Observable, filter, switchMap } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { apiErrorKey, apiErrorStatus } from '../../shared/api-error';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { OrganisationsApi } from './organisations-api';

interface Notice {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

/** One organisation: details, its members, and what the visitor may do (join, confirm, remove, edit). */
@Component({
  selector: 'alm-organisation-detail-page',
  imports: [MatAnchor, MatButton, MatFormField, MatLabel, MatSelect, MatOption, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisation-detail-page.html',
  styleUrl: './organisation-detail-page.scss',
})
export class OrganisationDetailPage {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);

  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly roles = AFFILIATION_ROLES;
  protected readonly organisation = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly org = computed(() => (this.organisation.hasValue() ? this.organisation.value() : null));
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly myId = computed(() => this.auth.me()?.id ?? null);

  /** The signed-in person already belongs to it (or asked to). */
  protected readonly linked = computed(() => {
    const me = this.auth.me();
    const org = this.org();
    if (!me || !org) return false;
    return org.members.some((m) => m.personId === me.id) || me.affiliations.some((a) => a.organisationId === org.id);
  });
  protected readonly canJoin = computed(() => this.signedIn() && !!this.org() && !this.linked());

  protected readonly joinRole = signal<AffiliationRole>('employee');
  protected readonly busy = signal(false);
  protected readonly notice = signal<Notice | null>(null);

  protected returnUrl(): string {
    return this.router.url;
  }

  protected loadErrorKey(error: unknown): string {
    return apiErrorStatus(error) === 404 ? 'organisations.notFound' : 'organisations.loadError';
  }

  protected isPending(member: OrganisationMemberDto): boolean {
    return member.confirmedAt === null;
  }

  protected join(): void {
    const org = this.org();
    if (!org) return;
    this.run(this.api.join(org.id, this.joinRole()), (detail) => {
      this.organisation.set(detail);
      void this.auth.reloadMe().catch(() => undefined);
      const mine = detail.members.find((m) => m.personId === this.myId());
      this.notice.set({ key: mine && !this.isPending(mine) ? 'organisations.joined' : 'organisations.joinRequested' });
    });
  }

  protected confirm(member: OrganisationMemberDto): void {
    const org = this.org();
    if (!org) return;
    this.run(this.api.confirm(org.id, member.affiliationId), (detail) => {
      this.organisation.set(detail);
      this.notice.set({ key: 'organisations.confirmed', params: { name: member.displayName } });
    });
  }

  protected remove(member: OrganisationMemberDto): void {
    const org = this.org();
    if (!org) return;
    const self = member.personId === this.myId();
    const t = (key: string) => this.transloco.translate<string>(key, { name: member.displayName, organisation: org.name });
    openConfirmDialog(this.dialog, {
      title: t(self ? 'organisations.leaveTitle' : 'organisations.removeTitle'),
      message: t(self ? 'organisations.leaveText' : 'organisations.removeText'),
      confirm: t(self ? 'organisations.leave' : 'organisations.remove'),
      cancel: t('organisations.cancel'),
    })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          return this.api.removeAffiliation(org.id, member.affiliationId);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.organisation.update((detail) =>
            detail ? { ...detail, members: detail.members.filter((m) => m.affiliationId !== member.affiliationId) } : detail,
          );
          this.notice.set({ key: self ? 'organisations.left' : 'organisations.removed', params: { name: member.displayName } });
          if (self) void this.auth.reloadMe().catch(() => undefined);
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private run(request: Observable<OrganisationDetailDto>, done: (detail: OrganisationDetailDto) => void): void {
    this.busy.set(true);
    this.notice.set(null);
    request.subscribe({
      next: (detail) => {
        this.busy.set(false);
        done(detail);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.notice.set({ key: apiErrorKey(error), error: true });
  }
}
