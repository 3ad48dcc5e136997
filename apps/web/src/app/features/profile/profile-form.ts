import { ChangeDetectionStrategy, Component, ElementRef, Injector, OnInit, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ActionFieldDto, Locale, MeDto } from '@allmende/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { LANGUAGES, LANGUAGE_NAMES } from '../../core/i18n/language';
import { LanguageService } from '../../core/i18n/language-service';
import { actionFieldsResource, visibleActionFields } from '../action-fields/action-fields-resource';
import { authErrorKey } from '../../core/auth/auth-errors';
import { focusFirstInvalid } from '../../core/auth/forms';
import { localized } from '../../shared/localized';
import { ProfileApi } from './profile-api';

const PHONE = /^\+?[0-9 ()/-]{5,30}$/;

/** Name, phone, bio, mail language and interests (action fields). */
@Component({
  selector: 'alm-profile-form',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './profile-form.html',
  styleUrls: ['./profile-section.scss', './profile-form.scss'],
})
export class ProfileForm implements OnInit {
  readonly #auth = inject(AuthStore);
  readonly #api = inject(ProfileApi);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly lang = inject(LanguageService).current;
  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    phone: ['', [Validators.pattern(PHONE)]],
    bio: ['', [Validators.maxLength(1000)]],
    locale: ['de' as Locale, Validators.required],
  });
  /** Chosen action field ids. */
  protected readonly interests = signal<ReadonlySet<string>>(new Set());

  protected readonly fieldsResource = actionFieldsResource();
  protected readonly fields = computed<ActionFieldDto[]>(() =>
    this.fieldsResource.hasValue() ? visibleActionFields(this.fieldsResource.value()) : [],
  );

  protected readonly busy = signal(false);
  protected readonly statusKey = signal<string | null>(null);
  protected readonly errorKey = signal<string | null>(null);

  ngOnInit(): void {
    const me = this.#auth.me();
    if (me) this.reset(me);
  }

  protected fieldName(field: ActionFieldDto): string {
    return localized(field, 'name', this.lang());
  }

  protected toggleInterest(id: string, checked: boolean): void {
    const next = new Set(this.interests());
    if (checked) next.add(id);
    else next.delete(id);
    this.interests.set(next);
    this.form.markAsDirty();
    this.statusKey.set(null);
  }

  protected async save(): Promise<void> {
    if (this.busy()) return;
    this.statusKey.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.#host, this.#injector);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      const me = await this.#api.updateProfile({
        displayName: value.displayName.trim(),
        phone: value.phone.trim() || null,
        bio: value.bio.trim() || null,
        locale: value.locale,
        interests: [...this.interests()],
      });
      this.#auth.setMe(me);
      this.reset(me);
      this.statusKey.set('profile.form.saved');
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }

  private reset(me: MeDto): void {
    this.form.reset({
      displayName: me.displayName,
      phone: me.phone ?? '',
      bio: me.bio ?? '',
      locale: me.locale,
    });
    this.interests.set(new Set(me.interests));
  }
}
