import { ChangeDetectionStrategy, Component, ElementRef, Injector, effect, inject, input, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MEETING_KINDS, MEETING_VISIBILITIES, MeetingKind, MeetingVisibility, SaveMeetingRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { focusFirstInvalid } from '../../core/auth/forms';
import { berlinToUtcIso } from './berlin-time';
import { MeetingFormValue, VenueOption, defaultVisibility, emptyMeetingForm, toSaveMeetingRequest } from './meeting-form-model';
import { MeetingsApi } from './meetings-api';

export interface GroupOption {
  id: string;
  name: string;
}

const trimmedMin =
  (min: number): ValidatorFn =>
  (control: AbstractControl<string>): ValidationErrors | null =>
    (control.value ?? '').trim().length >= min ? null : { trimmedMinLength: { min } };

/** The venue must be picked from the list (a typed name alone is not an organisation). */
const pickedVenue: ValidatorFn = (control: AbstractControl<VenueOption | string | null>) =>
  typeof control.value === 'string' && control.value.trim() !== '' ? { notPicked: true } : null;

/** A meeting ends after it starts (an error on the form). */
const endsAfterStart: ValidatorFn = (form: AbstractControl): ValidationErrors | null => {
  const v = (form as AbstractControl<MeetingFormValue>).getRawValue();
  const start = v.startDate && v.startTime ? berlinToUtcIso(v.startDate, v.startTime) : null;
  const end = v.endDate && v.endTime ? berlinToUtcIso(v.endDate, v.endTime) : null;
  return start && end && end <= start ? { endBeforeStart: true } : null;
};

/** Create or edit a meeting (the office; group leads for their sessions). Emits the request; the page saves it. */
@Component({
  selector: 'alm-meeting-form',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatOption,
    MatSelect,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-form.html',
  styleUrl: './meeting-form.scss',
})
export class MeetingForm {
  private readonly api = inject(MeetingsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Values to edit; null for a new meeting. */
  readonly initial = input<MeetingFormValue | null>(null);
  /** Editing: the kind of a meeting cannot change. */
  readonly editing = input(false);
  readonly groups = input.required<readonly GroupOption[]>();
  /** The kinds on offer (group leads, not the office: group sessions only). */
  readonly kinds = input<readonly MeetingKind[]>(MEETING_KINDS);
  readonly busy = input(false);
  /** Translation key of a message from the API. */
  readonly errorKey = input<string | null>(null);
  readonly submitLabel = input.required<string>();

  readonly saved = output<SaveMeetingRequest>();
  readonly cancelled = output<void>();

  protected readonly visibilities = MEETING_VISIBILITIES;
  protected readonly venueOptions = signal<VenueOption[]>([]);
  private readonly venueSearch = new Subject<string>();

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      kind: ['plenary' as MeetingKind, Validators.required],
      title: ['', [Validators.required, trimmedMin(3), Validators.maxLength(200)]],
      description: ['', Validators.maxLength(10_000)],
      startDate: ['', Validators.required],
      startTime: ['17:00', Validators.required],
      endDate: ['', Validators.required],
      endTime: ['20:00', Validators.required],
      groupId: [''],
      venue: new FormControl<VenueOption | string | null>(null, pickedVenue),
      venueAddress: ['', Validators.maxLength(300)],
      onlineUrl: ['', [Validators.pattern(/^https?:\/\/\S+$/), Validators.maxLength(500)]],
      capacity: new FormControl<number | null>(null, [Validators.min(1), Validators.max(100_000)]),
      deadlineDate: [''],
      deadlineTime: ['23:59'],
      visibility: ['members' as MeetingVisibility],
    },
    { validators: endsAfterStart },
  );

  protected readonly displayVenue = (value: VenueOption | string | null): string => (typeof value === 'string' ? value : (value?.name ?? ''));

  constructor() {
    effect(() => {
      const initial = this.initial();
      const editing = this.editing();
      untracked(() => {
        const value = initial ?? emptyMeetingForm();
        this.form.reset(value);
        if (editing) this.form.controls.kind.disable();
        else this.form.controls.kind.enable();
        this.updateGroupValidator(value.kind);
      });
    });
    // a new meeting's visibility follows its kind until someone chooses one; group sessions need their group
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      if (!this.form.controls.visibility.dirty) this.form.controls.visibility.setValue(defaultVisibility(kind));
      this.updateGroupValidator(kind);
    });
    // a meeting usually ends on the day it starts
    this.form.controls.startDate.valueChanges.pipe(takeUntilDestroyed()).subscribe((date) => {
      if (date && !this.form.controls.endDate.value) this.form.controls.endDate.setValue(date);
    });
    this.venueSearch
      .pipe(
        map((q) => q.trim()),
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) =>
          q.length < 2
            ? of([])
            : this.api.organisations(q).pipe(
                map((page) => page.items.map((o) => ({ id: o.id, name: o.name }))),
                catchError(() => of([])),
              ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((options) => this.venueOptions.set(options));
  }

  private updateGroupValidator(kind: MeetingKind): void {
    const group = this.form.controls.groupId;
    group.setValidators(kind === 'group_session' ? Validators.required : null);
    group.updateValueAndValidity({ emitEvent: false });
  }

  protected onVenueInput(event: Event): void {
    this.venueSearch.next((event.target as HTMLInputElement).value);
  }

  protected clearVenue(): void {
    this.form.controls.venue.setValue(null);
    this.venueOptions.set([]);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const request = toSaveMeetingRequest(this.form.getRawValue());
    if (request) this.saved.emit(request);
  }
}
