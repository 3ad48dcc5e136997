import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { rxResource, takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import type { CheckInListEntryDto, CheckInRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { focusAfterRender, focusFirstInvalid } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { formatBerlinTime } from './berlin-time';
import { meetingErrorKey } from './meeting-errors';
import { MeetingSocket } from './meeting-socket';
import { MeetingsApi } from './meetings-api';
import { QrScanner } from './qr-scanner';

interface Outcome {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

/** Check-in at the door: by code (typed or scanned), from the list, or as a walk-in; the count updates live. */
@Component({
  selector: 'alm-run-check-in-tab',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatLabel, MatInput, MatProgressSpinner, TranslocoDirective, QrScanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './run-check-in-tab.html',
  styleUrl: './run-tab.scss',
})
export class RunCheckInTab {
  private readonly api = inject(MeetingsApi);
  private readonly socket = inject(MeetingSocket);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly lang = inject(LanguageService).current;

  readonly meetingId = input.required<string>();

  /** The search text; the list reloads a moment after typing stops. */
  protected readonly search = signal('');
  private readonly query = toSignal(toObservable(this.search).pipe(map((q) => q.trim()), debounceTime(250), distinctUntilChanged()), {
    initialValue: '',
  });
  protected readonly list = rxResource({
    params: () => ({ id: this.meetingId(), q: this.query() }),
    stream: ({ params }) => this.api.checkIns(params.id, params.q),
  });
  protected readonly entries = computed(() => (this.list.hasValue() ? this.list.value() : []));

  /** Checked in so far: from the unfiltered list at first, then from the room's broadcasts. */
  protected readonly count = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);

  protected readonly codeForm = this.fb.group({ code: ['', [Validators.required, Validators.minLength(4), Validators.maxLength(64)]] });
  protected readonly walkInForm = this.fb.group({
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    email: ['', [Validators.email, Validators.maxLength(254)]],
    organisation: ['', Validators.maxLength(200)],
  });

  constructor() {
    this.socket.checkedIn$.pipe(takeUntilDestroyed()).subscribe((count) => this.count.set(count));
    // after a reconnect the broadcasts in between are lost: count again
    this.socket.rejoined$.pipe(takeUntilDestroyed()).subscribe(() => this.recount());
    effect(() => {
      this.meetingId();
      untracked(() => this.recount());
    });
  }

  protected checkedInAt(entry: CheckInListEntryDto): string {
    return entry.checkedInAt ? formatBerlinTime(entry.checkedInAt, this.lang()) : '';
  }

  protected onSearch(event: Event): void {
    this.search.set((event.target as HTMLInputElement).value);
  }

  protected checkInCode(): void {
    if (this.codeForm.invalid) {
      this.codeForm.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.checkIn({ code: this.codeForm.getRawValue().code.trim() }, () => this.codeForm.reset());
  }

  /** A code read by the camera: checked in at once (one at a time; the scanner reports it again later). */
  protected checkInScanned(code: string): void {
    if (this.busy()) return;
    this.checkIn({ code });
  }

  /** No camera: the typed code is the way in. */
  protected useTypedCode(): void {
    focusAfterRender(this.host, '[data-testid="check-in-code-input"]', this.injector);
  }

  protected checkInEntry(entry: CheckInListEntryDto): void {
    this.checkIn({ registrationId: entry.registrationId });
  }

  protected checkInWalkIn(): void {
    if (this.walkInForm.invalid) {
      this.walkInForm.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const v = this.walkInForm.getRawValue();
    this.checkIn(
      { walkIn: { name: v.name.trim(), email: v.email.trim() || null, organisation: v.organisation.trim() || null } },
      () => this.walkInForm.reset(),
    );
  }

  private checkIn(request: CheckInRequest, done?: () => void): void {
    this.busy.set(true);
    this.outcome.set(null);
    this.api.checkIn(this.meetingId(), request).subscribe({
      next: (entry) => {
        this.busy.set(false);
        done?.();
        this.outcome.set({ key: 'meetings.checkIn.done', params: { name: entry.name } });
        this.list.update((list) => list?.map((e) => (e.registrationId === entry.registrationId ? entry : e)));
        // without the room (offline) nobody tells us the new count
        if (this.socket.state() !== 'live') this.recount();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.outcome.set({ key: meetingErrorKey(error), error: true });
      },
    });
  }

  private recount(): void {
    this.api.checkIns(this.meetingId(), '').subscribe({
      next: (all) => this.count.set(all.filter((e) => e.checkedInAt !== null).length),
      error: () => undefined,
    });
  }
}
