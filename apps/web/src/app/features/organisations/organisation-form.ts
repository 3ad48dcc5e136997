import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ACTOR_TYPES, ActorType, OrganisationDto, SECTORS, SaveOrganisationRequest, Sector } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';

/** WZ 2008 codes as the API accepts them: `43`, `43.2`, `43.22`, `43.22.0`. */
export const WZ_CODE_PATTERN = /^\d{2}(\.\d{1,2}(\.\d)?)?$/;
const WEBSITE_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/**
 * Create or edit an organisation. The sector (Branche) exists only for businesses:
 * the field is shown only then, and it is cleared when another actor type is chosen.
 */
@Component({
  selector: 'alm-organisation-form',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatError, MatHint, MatInput, MatSelect, MatOption, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organisation-form.html',
  styles: `
    .form {
      display: grid;
      gap: 0.25rem;
      max-width: 40rem;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      gap: 0 1rem;
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
export class OrganisationForm {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** Values to edit; null for a new organisation. */
  readonly initial = input<OrganisationDto | null>(null);
  readonly busy = input(false);
  /** Translation key of a message from the API to show above the buttons. */
  readonly errorKey = input<string | null>(null);
  readonly submitLabel = input.required<string>();

  readonly saved = output<SaveOrganisationRequest>();
  readonly cancelled = output<void>();

  protected readonly actorTypes = ACTOR_TYPES;
  protected readonly sectors = SECTORS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(200)]],
    actorType: ['' as ActorType | '', Validators.required],
    sector: [null as Sector | null],
    wzCode: ['', Validators.pattern(WZ_CODE_PATTERN)],
    district: ['', Validators.maxLength(100)],
    website: ['', [Validators.pattern(WEBSITE_PATTERN), Validators.maxLength(300)]],
    description: ['', Validators.maxLength(2000)],
  });

  private readonly actorType = toSignal(this.form.controls.actorType.valueChanges, {
    initialValue: this.form.controls.actorType.value,
  });
  /** Only businesses have a sector. */
  protected readonly isBusiness = computed(() => this.actorType() === 'business');

  constructor() {
    effect(() => {
      const org = this.initial();
      untracked(() => {
        if (!org) return;
        this.form.reset({
          name: org.name,
          actorType: org.actorType,
          sector: org.actorType === 'business' ? org.sector : null,
          wzCode: org.wzCode ?? '',
          district: org.district ?? '',
          website: org.website ?? '',
          description: org.description ?? '',
        });
      });
    });
    this.form.controls.actorType.valueChanges.pipe(takeUntilDestroyed()).subscribe((type) => {
      if (type !== 'business') this.form.controls.sector.setValue(null);
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      // move focus to the first field that needs attention
      queueMicrotask(() => this.host.nativeElement.querySelector<HTMLElement>('.ng-invalid:not(form)')?.focus());
      return;
    }
    const value = this.form.getRawValue();
    const text = (s: string) => s.trim() || null;
    this.saved.emit({
      name: value.name.trim(),
      actorType: value.actorType as ActorType,
      sector: value.actorType === 'business' ? value.sector : null,
      wzCode: text(value.wzCode),
      district: text(value.district),
      website: text(value.website),
      description: text(value.description),
    });
  }
}
