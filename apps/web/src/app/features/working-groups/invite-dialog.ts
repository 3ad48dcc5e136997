import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { DirectoryPersonDto, WorkingGroupDetailDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { groupErrorKey } from './group-errors';
import { GroupsApi } from './groups-api';

export interface InviteDialogData {
  group: WorkingGroupDetailDto;
}

/** Leads and the office invite a person, found in the member directory. Closes with the updated group. */
@Component({
  selector: 'alm-group-invite-dialog',
  imports: [MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatFormField, MatLabel, MatInput, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('groups.invite.title', { name: group.name }) }}</h2>
      <mat-dialog-content>
        <form class="search" role="search" (submit)="search($event)" data-testid="invite-search-form">
          <mat-form-field class="field" subscriptSizing="dynamic">
            <mat-label>{{ t('groups.invite.search') }}</mat-label>
            <input matInput type="search" name="q" maxlength="100" data-testid="invite-search" [value]="query()" (input)="onInput($event)" />
          </mat-form-field>
          <button mat-flat-button type="submit" [disabled]="busy()">{{ t('groups.searchButton') }}</button>
        </form>
        <p class="status" role="status" data-testid="invite-status">
          @if (results(); as found) {
            {{ t('groups.invite.found', { count: found.length }) }}
          }
        </p>
        @if (results(); as found) {
          <ul class="results" data-testid="invite-results">
            @for (person of found; track person.id) {
              <li class="result">
                <span>
                  <span class="name">{{ person.displayName }}</span>
                  @if (person.organisations.length) {
                    <span class="meta">({{ organisationNames(person) }})</span>
                  }
                </span>
                @if (unavailable(person.id)) {
                  <span class="meta">{{ t('groups.invite.already') }}</span>
                } @else {
                  <button mat-stroked-button type="button" [disabled]="busy()" (click)="invite(person)" data-testid="invite-person">
                    {{ t('groups.invite.submit') }}<span class="alm-visually-hidden">: {{ person.displayName }}</span>
                  </button>
                }
              </li>
            }
          </ul>
        }
        @if (errorKey(); as key) {
          <p class="error" role="alert" data-testid="invite-error">{{ t(key) }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('groups.close') }}</button>
      </mat-dialog-actions>
    </ng-container>
  `,
  styles: `
    .search {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      padding-block-start: 0.5rem;
    }
    .field {
      flex: 1 1 14rem;
    }
    .status {
      min-height: 1.25rem;
    }
    .results {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .result {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.375rem 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      font-weight: 600;
    }
    .meta {
      margin-inline-start: 0.25rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class InviteDialog {
  private readonly api = inject(GroupsApi);
  private readonly ref = inject<MatDialogRef<InviteDialog, WorkingGroupDetailDto>>(MatDialogRef);

  protected readonly group = inject<InviteDialogData>(MAT_DIALOG_DATA).group;
  private readonly taken = new Set([...this.group.members.map((m) => m.personId), ...this.group.pending.map((p) => p.personId)]);

  protected readonly query = signal('');
  protected readonly results = signal<DirectoryPersonDto[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected onInput(event: Event): void {
    this.query.set((event.target as HTMLInputElement).value);
  }

  protected unavailable(personId: string): boolean {
    return this.taken.has(personId);
  }

  protected organisationNames(person: DirectoryPersonDto): string {
    return person.organisations.map((o) => o.name).join(', ');
  }

  protected search(event: Event): void {
    event.preventDefault();
    const q = this.query().trim();
    if (!q) return;
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.searchPeople(q).subscribe({
      next: (page) => {
        this.busy.set(false);
        this.results.set(page.items);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected invite(person: DirectoryPersonDto): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.invite(this.group.id, person.id).subscribe({
      next: (group) => this.ref.close(group),
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.errorKey.set(groupErrorKey(error));
  }
}
