import { ChangeDetectionStrategy, Component, inject, input, model, signal, viewChild } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { AgendaItemDto, SaveAgendaItemRequest } from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter, switchMap } from 'rxjs';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { AgendaItemForm } from './agenda-item-form';
import { meetingErrorKey } from './meeting-errors';
import { MeetingsApi } from './meetings-api';

interface Outcome {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

/** The agenda with a minutes field per item; add, edit and remove items. */
@Component({
  selector: 'alm-run-agenda-tab',
  imports: [TranslocoDirective, AgendaItemForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tab" *transloco="let t">
      <p class="outcome" [class.outcome-error]="outcome()?.error" role="status" data-testid="agenda-outcome">
        @if (outcome(); as o) {
          {{ t(o.key, o.params ?? {}) }}
        }
      </p>
      @if (items().length === 0) {
        <p data-testid="agenda-empty">{{ t('meetings.agenda.empty') }}</p>
      } @else {
        <ol class="rows agenda-list">
          @for (item of items(); track item.id) {
            <li class="agenda-entry" data-testid="run-agenda-item">
              <h2 class="block-heading">{{ t('meetings.agenda.itemHeading', { position: $index + 1, title: item.title }) }}</h2>
              <alm-agenda-item-form [item]="item" [busy]="busy()" (saved)="save(item, $event)" (removed)="remove(item)" />
            </li>
          }
        </ol>
      }
      <section class="block" aria-labelledby="new-item-heading">
        <h2 class="block-heading" id="new-item-heading">{{ t('meetings.agenda.newHeading') }}</h2>
        <alm-agenda-item-form #newItem [busy]="busy()" (saved)="add($event)" />
      </section>
    </div>
  `,
  styleUrl: './run-tab.scss',
  styles: `
    .agenda-list {
      gap: 1rem;
    }
    .agenda-entry {
      padding: 0.75rem 1rem 0.25rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
  `,
})
export class RunAgendaTab {
  private readonly api = inject(MeetingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly newItem = viewChild.required<AgendaItemForm>('newItem');

  readonly meetingId = input.required<string>();
  /** The agenda; the page shares it with the decisions tab. */
  readonly items = model.required<AgendaItemDto[]>();

  protected readonly busy = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);

  protected add(request: SaveAgendaItemRequest): void {
    this.run(this.api.addAgendaItem(this.meetingId(), request), { key: 'meetings.agenda.added', params: { title: request.title } }, () =>
      this.newItem().reset(null),
    );
  }

  protected save(item: AgendaItemDto, request: SaveAgendaItemRequest): void {
    this.run(this.api.updateAgendaItem(this.meetingId(), item.id, request), { key: 'meetings.agenda.saved', params: { title: request.title } });
  }

  protected remove(item: AgendaItemDto): void {
    const t = (key: string) => this.transloco.translate<string>(`meetings.agenda.removeDialog.${key}`, { title: item.title });
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('meetings.cancel') })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          return this.api.deleteAgendaItem(this.meetingId(), item.id);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.items.update((items) => items.filter((i) => i.id !== item.id));
          this.outcome.set({ key: 'meetings.agenda.removed', params: { title: item.title } });
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  private run(request: ReturnType<MeetingsApi['addAgendaItem']>, outcome: Outcome, done?: () => void): void {
    this.busy.set(true);
    this.outcome.set(null);
    request.subscribe({
      next: (items) => {
        this.busy.set(false);
        this.items.set(items);
        this.outcome.set(outcome);
        done?.();
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.outcome.set({ key: meetingErrorKey(error), error: true });
  }
}
