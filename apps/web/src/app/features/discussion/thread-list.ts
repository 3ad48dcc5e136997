import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import type { ThreadDto, ThreadSubjectType } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { map } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { focusAfterRender, focusFirstInvalid } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorCode } from '../../shared/api-error';
import { formatBerlinDateTime } from '../meetings/berlin-time';
import { MESSAGE_MAX_LENGTH, newClientId } from './composer-model';
import { DiscussionApi } from './discussion-api';
import { DiscussionError, discussionError } from './discussion-errors';

let nextListId = 0;

/**
 * The discussion threads of a subject (a working group, a meeting, a board card, or the
 * alliance's open topics), with unread counts, and a form for a new topic. Without a
 * subject type it lists every thread I may read outside the alliance's open topics.
 *
 * Embed it anywhere: `<alm-thread-list subjectType="card" [subjectId]="card.id" [headingLevel]="3" />`.
 */
@Component({
  selector: 'alm-thread-list',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatProgressSpinner,
    RouterLink,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './thread-list.html',
  styleUrl: './thread-list.scss',
})
export class ThreadList {
  private readonly api = inject(DiscussionApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly lang = inject(LanguageService).current;

  /** group, meeting, card or alliance; null: every thread I may read outside the alliance's topics. */
  readonly subjectType = input<ThreadSubjectType | null>(null);
  /** The group, meeting or card (none for the alliance). */
  readonly subjectId = input<string | null>(null);
  /** Offer the form for a new topic (those who take part in the subject). */
  readonly canCreate = input(true);
  /** The level of the list's heading (2 on a page, 3 inside a section or dialog). */
  readonly headingLevel = input<2 | 3>(2);
  /** A heading of its own (translated); by default one fitting the subject. */
  readonly heading = input<string | null>(null);

  protected readonly ids = (() => {
    const n = nextListId++;
    return { heading: `thread-list-heading-${n}`, form: `thread-list-form-${n}`, formHeading: `thread-list-form-heading-${n}` };
  })();
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly headingKey = computed(() => {
    const type = this.subjectType();
    return type === null ? 'discussion.list.headingAll' : type === 'alliance' ? 'discussion.list.headingAlliance' : 'discussion.list.heading';
  });

  protected readonly threads = rxResource({
    params: () => (this.signedIn() ? { subjectType: this.subjectType(), subjectId: this.subjectId() } : undefined),
    stream: ({ params }) =>
      this.api
        .threads(params.subjectType ? { subjectType: params.subjectType, subjectId: params.subjectId ?? undefined } : {})
        .pipe(map((list) => (params.subjectType ? list : list.filter((t) => t.subjectType !== 'alliance')))),
  });

  protected readonly formOpen = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<DiscussionError | null>(null);
  protected readonly notice = signal<{ key: string; params: Record<string, string> } | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
    body: ['', [Validators.required, Validators.maxLength(MESSAGE_MAX_LENGTH)]],
  });
  /** Kept until the topic is stored: sending again after a lost answer does not open it twice. */
  private clientId: string | null = null;

  protected when(iso: string): string {
    return formatBerlinDateTime(iso, this.lang());
  }

  protected subjectLabel(thread: ThreadDto): { key: string; params: Record<string, string> } | null {
    if (thread.subjectType === 'alliance' || !thread.subjectTitle) return null;
    return { key: `discussion.subjects.${thread.subjectType}`, params: { title: thread.subjectTitle } };
  }

  protected toggleForm(): void {
    this.formOpen.update((open) => !open);
    this.error.set(null);
    this.notice.set(null);
    if (this.formOpen()) focusAfterRender(this.host, `#${this.ids.form} input`, this.injector);
  }

  protected cancel(): void {
    this.formOpen.set(false);
    this.error.set(null);
    focusAfterRender(this.host, '[data-testid="new-thread-toggle"]', this.injector);
  }

  protected submit(): void {
    const type = this.subjectType();
    if (this.busy() || !type) return;
    if (this.form.invalid || !this.form.controls.body.value.trim()) {
      if (!this.form.controls.body.value.trim()) this.form.controls.body.setErrors({ required: true });
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const { title, body } = this.form.getRawValue();
    this.clientId ??= newClientId();
    this.busy.set(true);
    this.error.set(null);
    this.api
      .createThread({ subjectType: type, subjectId: type === 'alliance' ? null : this.subjectId(), title: title.trim(), body, clientId: this.clientId })
      .subscribe({
        next: ({ thread }) => {
          this.busy.set(false);
          this.clientId = null;
          this.form.reset();
          this.formOpen.set(false);
          this.threads.update((list) => [thread, ...(list ?? []).filter((t) => t.id !== thread.id)]);
          this.notice.set({ key: 'discussion.list.created', params: { title: thread.title } });
          focusAfterRender(this.host, `[data-thread-id="${thread.id}"]`, this.injector);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          if (apiErrorCode(error) === 'CLIENT_ID_REUSED') {
            // the first attempt was stored after all: show it
            this.clientId = null;
            this.form.reset();
            this.formOpen.set(false);
            this.threads.reload();
            this.notice.set({ key: 'discussion.list.createdBefore', params: {} });
            return;
          }
          this.error.set(discussionError(error, this.lang()));
          focusAfterRender(this.host, '[data-testid="new-thread-error"]', this.injector);
        },
      });
  }

  protected loginQuery(): Record<string, string> {
    return { returnUrl: this.router.url };
  }
}
