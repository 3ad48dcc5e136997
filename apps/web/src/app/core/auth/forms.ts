import { afterNextRender, ElementRef, Injector } from '@angular/core';
import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** The minimum password length the API enforces. */
export const PASSWORD_MIN_LENGTH = 10;

/** Moves focus to the first invalid form control inside `host` (after the next render). */
export function focusFirstInvalid(host: ElementRef<HTMLElement>, injector: Injector): void {
  afterNextRender(
    () => {
      const invalid = host.nativeElement.querySelector<HTMLElement>(
        'input.ng-invalid, textarea.ng-invalid, mat-select.ng-invalid, [aria-invalid="true"]',
      );
      invalid?.focus();
    },
    { injector },
  );
}

/** Moves focus to an element (e.g. a result message with tabindex="-1") after the next render. */
export function focusAfterRender(host: ElementRef<HTMLElement>, selector: string, injector: Injector): void {
  afterNextRender(() => host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector });
}

/** Group validator: `confirm` must equal `password` (error `mismatch` on the group). */
export function samePasswordValidator(password: string, confirm: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const a = group.get(password)?.value;
    const b = group.get(confirm)?.value;
    return a && b && a !== b ? { mismatch: true } : null;
  };
}
