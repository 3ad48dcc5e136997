import { ChangeDetectionStrategy, Component, ElementRef, Injector, effect, inject, input, output, untracked } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { GroupAccess, ProposeGroupRequest, WorkingGroupDetailDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { focusFirstInvalid } from '../../core/auth/forms';

/** At least `min` characters once surrounding blanks are dropped (the API trims). */
export function trimmedMinLength(min: number): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    (control.value ?? '').trim().length >= min ? null : { trimmedMinLength: { min } };
}

export interface FieldOption {
  id: string;
  name: string;
}

/** Propose a working group, or edit one (same fields). Emits the request; the page saves it. */
@Component({
  selector: 'alm-group-form',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './group-form.html',
  styles: `
    .form {
      display: grid;
      gap: 0.25rem;
      max-width: 42rem;
    }
    .choices {
      margin: 0 0 1rem;
      padding: 0;
      border: 0;
    }
    legend {
      margin-block-end: 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .radios {
      display: flex;
      flex-direction: column;
    }
    .hint {
      margin: 0 0 1rem;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .error {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class GroupForm {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Values to edit; null to propose a new group. */
  readonly initial = input<WorkingGroupDetailDto | null>(null);
  /** Action fields to choose from, in the UI language. */
  readonly actionFields = input.required<readonly FieldOption[]>();
  /** Preselected action field for a new group (e.g. from `?actionField=`). */
  readonly defaultActionField = input<string | null>(null);
  readonly busy = input(false);
  /** Translation key of a message from the API to show above the buttons. */
  readonly errorKey = input<string | null>(null);
  readonly submitLabel = input.required<string>();

  readonly saved = output<ProposeGroupRequest>();
  readonly cancelled = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, trimmedMinLength(3), Validators.maxLength(150)]],
    actionFieldId: ['', Validators.required],
    purpose: ['', [Validators.required, trimmedMinLength(10), Validators.maxLength(2000)]],
    goals: ['', Validators.maxLength(4000)],
    meetingRhythm: ['', Validators.maxLength(200)],
    realWorldLab: [false],
    access: ['open' as GroupAccess],
  });

  constructor() {
    effect(() => {
      const group = this.initial();
      const field = this.defaultActionField();
      untracked(() => {
        if (group) {
          this.form.reset({
            name: group.name,
            actionFieldId: group.actionFieldId,
            purpose: group.purpose,
            goals: group.goals,
            meetingRhythm: group.meetingRhythm ?? '',
            realWorldLab: group.realWorldLab,
            access: group.access,
          });
        } else if (field && !this.form.controls.actionFieldId.value) {
          this.form.controls.actionFieldId.setValue(field);
        }
      });
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const value = this.form.getRawValue();
    this.saved.emit({
      name: value.name.trim(),
      actionFieldId: value.actionFieldId,
      purpose: value.purpose.trim(),
      goals: value.goals.trim(),
      meetingRhythm: value.meetingRhythm.trim() || null,
      realWorldLab: value.realWorldLab,
      access: value.access,
    });
  }
}
