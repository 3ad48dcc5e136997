import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, Injector, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import type { MeetingDetailDto } from '@allmende/contracts';
import { filter, switchMap } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { focusAfterRender } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorStatus } from '../../shared/api-error';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { formatBerlinDateTime, meetingTimeParts } from './berlin-time';
import { CancelMeetingDialog, CancelMeetingDialogData } from './cancel-meeting-dialog';
import { CheckInQr } from './check-in-qr';
import { GuestRegistrationForm } from './guest-registration-form';
import { DecisionChips, MeetingChips } from './meeting-chips';
import { meetingErrorKey } from './meeting-errors';
import { MeetingDocuments } from './meeting-documents';
import { MeetingsApi } from './meetings-api';
import { MySmallGroup } from './my-small-group';
import { RegistrationPanel } from './registration-panel';
import { guestRegistrationOpen } from './registration-state';
import { ThreadList } from '../discussion/thread-list';

interface Notice {
  key: string;
  params?: Record<string, string | number>;
  error?: boolean;
}

/**
 * One meeting: time and place (or why it was cancelled), my registration and check-in
 * code (with its QR code), my small group, agenda with minutes, documents, decisions.
 * Whoever runs it also edits, cancels, and uploads documents here.
 */
@Component({
  selector: 'alm-meeting-detail-page',
  imports: [
    MatAnchor,
    MatButton,
    MatProgressSpinner,
    RouterLink,
    TranslocoDirective,
    MeetingChips,
    DecisionChips,
    RegistrationPanel,
    GuestRegistrationForm,
    CheckInQr,
    MeetingDocuments,
    MySmallGroup,
    ThreadList,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-detail-page.html',
  styleUrl: './meeting-detail-page.scss',
})
export class MeetingDetailPage {
  private readonly api = inject(MeetingsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly lang = inject(LanguageService).current;
  protected readonly signedIn = this.auth.isSignedIn;

  protected readonly meeting = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly detail = computed(() => (this.meeting.hasValue() ? this.meeting.value() : null));
  protected readonly time = computed(() => {
    const m = this.detail();
    return m ? meetingTimeParts(m.startsAt, m.endsAt, this.lang()) : null;
  });
  protected readonly deadline = computed(() => {
    const deadline = this.detail()?.registrationDeadline;
    return deadline ? formatBerlinDateTime(deadline, this.lang()) : null;
  });
  protected readonly guestForm = computed(() => {
    const m = this.detail();
    return !!m && guestRegistrationOpen(m, this.signedIn());
  });

  /** Who runs the meeting may call it off until it is over. */
  protected readonly canCancel = computed(() => {
    const m = this.detail();
    return !!m && m.permissions.canManage && !m.cancelled && Date.parse(m.endsAt) > Date.now();
  });
  /** Participants in a small group see it here (those running the meeting use the run page). */
  protected readonly smallGroupCard = computed(() => {
    const m = this.detail();
    return !!m && this.signedIn() && m.myStatus === 'registered' && !m.permissions.canManage && !m.cancelled;
  });

  protected readonly busy = signal(false);
  protected readonly notice = signal<Notice | null>(null);

  constructor() {
    const key = this.router.currentNavigation()?.extras.state?.['notice'];
    if (typeof key === 'string' && key.startsWith('meetings.notices.')) this.notice.set({ key });
  }

  protected returnUrl(): string {
    return this.router.url;
  }

  protected loadErrorKey(error: unknown): string {
    return apiErrorStatus(error) === 404 ? 'meetings.notFound' : 'meetings.loadError';
  }

  protected register(): void {
    const id = this.id();
    this.busy.set(true);
    this.notice.set(null);
    this.api.register(id).subscribe({
      next: (result) => {
        const notice: Notice =
          result.status === 'waitlisted'
            ? { key: 'meetings.notices.waitlisted', params: { position: result.waitlistPosition ?? '?' } }
            : { key: 'meetings.notices.registered' };
        this.reload(notice);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected cancel(): void {
    const m = this.detail();
    if (!m) return;
    const t = (key: string) => this.transloco.translate<string>(`meetings.cancelDialog.${key}`, { title: m.title });
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('meetings.back') })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          this.notice.set(null);
          return this.api.cancelRegistration(m.id);
        }),
      )
      .subscribe({
        next: () => this.reload({ key: 'meetings.notices.cancelled' }),
        error: (error: unknown) => this.fail(error),
      });
  }

  /** Calls the meeting off: the dialog asks for the reason and sends it; registered persons are mailed. */
  protected cancelMeeting(): void {
    const m = this.detail();
    if (!m) return;
    this.dialog
      .open<CancelMeetingDialog, CancelMeetingDialogData, MeetingDetailDto>(CancelMeetingDialog, {
        data: { meeting: m },
        width: '34rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((updated): updated is MeetingDetailDto => !!updated))
      .subscribe((updated) => {
        this.meeting.set(updated);
        this.notice.set({ key: 'meetings.notices.meetingCancelled' });
        this.focusNotice();
      });
  }

  /** Downloads the .ics file (with the access token: members' meetings are not public). */
  protected downloadIcs(): void {
    const m = this.detail();
    if (!m) return;
    this.api.ics(m.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = `${slug(m.title) || 'treffen'}.ics`;
        this.document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private reload(notice: Notice): void {
    this.api.get(this.id()).subscribe({
      next: (detail) => {
        this.busy.set(false);
        this.meeting.set(detail);
        this.notice.set(notice);
        this.focusNotice();
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.notice.set({ key: meetingErrorKey(error), error: true });
    this.focusNotice();
  }

  private focusNotice(): void {
    focusAfterRender(this.host, '[data-testid="meeting-notice"]', this.injector);
  }
}

/** A file name from a title: letters, digits and dashes. */
function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
}
