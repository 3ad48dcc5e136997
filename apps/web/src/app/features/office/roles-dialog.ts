import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { ROLES, Role } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { apiErrorKey } from '../../shared/api-error';
import { OfficeApi, OfficeMember } from './office-api';
import { DialogRequest } from '../../shared/dialog-request';

/** Admins set a person's platform roles, one checkbox per role. Closes with the roles the API stored. */
@Component({
  selector: 'alm-roles-dialog',
  imports: [MatButton, MatCheckbox, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('office.roles.title', { name: person.displayName }) }}</h2>
      <form novalidate (submit)="save($event)">
        <mat-dialog-content>
          @if (!known) {
            <p class="hint">{{ t('office.roles.unknown') }}</p>
          }
          <fieldset class="roles">
            <legend>{{ t('office.roles.legend') }}</legend>
            @for (role of roles; track role) {
              <mat-checkbox [checked]="selected().has(role)" (change)="toggle(role, $event.checked)" [attr.data-testid]="'role-' + role">
                {{ t('membership.roles.' + role) }}
              </mat-checkbox>
            }
          </fieldset>
          @if (submission.errorKey(); as key) {
            <p class="error" role="alert">{{ t(key) }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('office.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="roles-submit">{{ t('office.roles.save') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .roles {
      display: flex;
      flex-direction: column;
      margin: 0;
      padding: 0;
      border: 0;
    }
    legend {
      margin-block-end: 0.5rem;
      font-weight: 600;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class RolesDialog {
  private readonly api = inject(OfficeApi);
  private readonly ref = inject<MatDialogRef<RolesDialog, Role[]>>(MatDialogRef);

  protected readonly person = inject<OfficeMember>(MAT_DIALOG_DATA);
  protected readonly roles = ROLES;
  /** Whether the list told us the current roles; otherwise the selection replaces whatever the person had. */
  protected readonly known = Array.isArray(this.person.roles);
  protected readonly selected = signal<ReadonlySet<Role>>(new Set(this.person.roles ?? ['member']));
  protected readonly submission = new DialogRequest(this.ref, apiErrorKey);

  protected toggle(role: Role, checked: boolean): void {
    this.selected.update((current) => {
      const next = new Set(current);
      if (checked) next.add(role);
      else next.delete(role);
      return next;
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    const roles = ROLES.filter((role) => this.selected().has(role));
    this.submission.send(this.api.setRoles(this.person.personId, roles));
  }
}
