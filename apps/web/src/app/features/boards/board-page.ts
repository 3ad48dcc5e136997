import { CdkDrag, CdkDragDrop, CdkDragPlaceholder, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CARD_STAGES,
  RESPONSIBILITIES,
  type BoardCardDto,
  type BoardChangesPayload,
  type BoardColumnDto,
  type BoardDto,
  type CardDto,
  type CardStage,
  type NamedRef,
} from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorStatus } from '../../shared/api-error';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { localized } from '../../shared/localized';
import { boardErrorKey, conflictCard } from './board-errors';
import { BoardFilterKey, clearedFilterParams, filterQueryParams, hasBoardFilter, readBoardFilter, sameFilter } from './board-filters';
import { BoardSocket } from './board-socket';
import {
  BoardChangeNote,
  MenuMove,
  applyBoardChanges,
  boardCard,
  findCard,
  menuTarget,
  moveLocally,
  placeCard,
  removeCard,
} from './board-state';
import { BoardsApi } from './boards-api';
import type { CardDialog, CardDialogData } from './card-dialog';
import { ColumnLabelsDialog, ColumnLabelsDialogData } from './column-labels-dialog';
import { NewCardDialog, NewCardDialogData } from './new-card-dialog';

interface Notice {
  text: string;
  error?: boolean;
}

interface FieldInfo {
  id: string;
  name: string;
  color: string;
}

/** Marks the day of a `YYYY-MM-DD` date at noon, so it does not shift with the time zone. */
function day(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00` : date;
}

/**
 * A board: six columns from idea to stopped, cards moved by drag and drop or by each
 * card's move menu (keyboard), filters kept in the URL, the card detail as a dialog
 * (`?card=<id>`), and live changes of others for those who may edit.
 */
@Component({
  selector: 'alm-board-page',
  imports: [
    CdkDropListGroup,
    CdkDropList,
    CdkDrag,
    CdkDragPlaceholder,
    MatButton,
    MatFormField,
    MatLabel,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatOption,
    MatProgressSpinner,
    MatSelect,
    RouterLink,
    TranslocoDirective,
    LocalizedDatePipe,
  ],
  providers: [BoardSocket],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './board-page.html',
  styleUrl: './board-page.scss',
})
export class BoardPage {
  private readonly api = inject(BoardsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly socket = inject(BoardSocket);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  protected readonly lang = inject(LanguageService).current;
  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly stages = CARD_STAGES;
  protected readonly responsibilities = RESPONSIBILITIES;
  protected readonly dragDelay = { touch: 250, mouse: 0 };

  private readonly queryParams = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly filter = computed(() => readBoardFilter(this.queryParams()), { equal: sameFilter });
  protected readonly filtered = computed(() => hasBoardFilter(this.filter()));
  /** The card whose detail is open (`?card=`). */
  private readonly openCardId = computed(() => this.queryParams().get('card'));

  private readonly resource = rxResource({
    params: () => ({ id: this.id(), filter: this.filter() }),
    stream: ({ params }) => this.api.get(params.id, params.filter),
  });
  /** The board as shown: the server's, with local moves and live changes applied; kept while filters reload. */
  protected readonly board = linkedSignal<BoardDto | undefined, BoardDto | null>({
    source: () => (this.resource.hasValue() ? this.resource.value() : undefined),
    computation: (value, previous) => value ?? (previous?.value?.id === untracked(this.id) ? previous.value : null),
  });
  protected readonly loading = this.resource.isLoading;
  protected readonly loadError = computed(() => (this.resource.error() && !this.board() ? this.resource.error() : null));
  /** Reloading (other filters, after a reconnect) failed while the last board is still shown. */
  protected readonly reloadError = computed(() => !!this.board() && !!this.resource.error());
  protected readonly canEdit = computed(() => this.board()?.permissions.canEdit ?? false);

  private readonly fieldsResource = rxResource({ stream: () => this.api.actionFields() });
  protected readonly fields = computed<FieldInfo[]>(() =>
    this.fieldsResource.hasValue()
      ? this.fieldsResource
          .value()
          .filter((f) => !f.archived)
          .sort((a, b) => a.position - b.position)
          .map((f) => ({ id: f.id, name: localized(f, 'name', this.lang()), color: f.color }))
      : [],
  );
  private readonly fieldsById = computed(() => new Map(this.fields().map((f) => [f.id, f])));

  /** The board's labels, and the one filtered by even when no shown card carries it. */
  protected readonly labelOptions = computed(() => {
    const labels = this.board()?.labels ?? [];
    const selected = this.filter().label;
    return selected && !labels.includes(selected) ? [...labels, selected] : labels;
  });

  /** Persons seen on this board's cards, for the person filter (kept while a filter narrows the cards). */
  protected readonly persons = linkedSignal<BoardDto | null, NamedRef[]>({
    source: this.board,
    computation: (board, previous) => {
      const known = new Map<string, string>();
      if (previous && previous.source?.id === board?.id) previous.value.forEach((p) => known.set(p.id, p.name));
      board?.columns.forEach((c) => c.cards.forEach((card) => card.persons.forEach((p) => known.set(p.id, p.name))));
      return [...known].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
    },
  });

  /** Live updates reach editors only; readers and visitors see the board as loaded. */
  protected readonly liveState = computed(() => {
    if (!this.signedIn() || !this.canEdit()) return 'static';
    const state = this.socket.state();
    if (state === 'refused') return 'static';
    if (state === 'live' || state === 'offline') return state;
    return 'connecting';
  });

  /** Cards whose move is on its way to the server. */
  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  /** The live region's message (moves, live changes by others, errors). */
  protected readonly notice = signal<Notice | null>(null);

  private cardDialog: MatDialogRef<CardDialog> | null = null;
  private cardDialogId: string | null = null;
  private destroyed = false;

  constructor() {
    const roomId = computed(() => (this.signedIn() && this.canEdit() ? (this.board()?.id ?? null) : null));
    effect(() => {
      const id = roomId();
      untracked(() => (id ? void this.socket.join(id) : this.socket.leave()));
    });
    this.socket.changes$.pipe(takeUntilDestroyed()).subscribe((payload) => this.applyChanges(payload));
    this.socket.rejoined$.pipe(takeUntilDestroyed()).subscribe(() => this.resource.reload());

    // the card dialog follows `?card=` (also the browser's back button)
    const ready = computed(() => this.board() !== null);
    effect(() => {
      const cardId = this.openCardId();
      if (cardId === null) untracked(() => this.closeCardDialog());
      else if (ready()) untracked(() => this.openCardDialog(cardId));
    });
    // leaving the page (e.g. by the decision link in the dialog) closes the dialog
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.closeCardDialog();
    });
  }

  protected reload(): void {
    this.resource.reload();
  }

  protected loadErrorKey(error: unknown): string {
    return apiErrorStatus(error) === 404 ? 'boards.notFound' : 'boards.loadError';
  }

  /* ---------- labels ---------- */

  protected columnLabel(column: Pick<BoardColumnDto, 'stage' | 'label'>): string {
    return column.label || this.transloco.translate<string>(`boards.stages.${column.stage}`);
  }

  protected stageLabel(stage: CardStage): string {
    const column = this.board()?.columns.find((c) => c.stage === stage);
    return this.columnLabel(column ?? { stage, label: null });
  }

  protected field(card: BoardCardDto): FieldInfo | null {
    return card.actionFieldId ? (this.fieldsById().get(card.actionFieldId) ?? null) : null;
  }

  protected day(date: string): string {
    return day(date);
  }

  protected overdue(card: BoardCardDto): boolean {
    if (!card.dueDate || card.stage === 'permanent' || card.stage === 'stopped') return false;
    return card.dueDate.slice(0, 10) < new Date().toISOString().slice(0, 10);
  }

  /* ---------- filters ---------- */

  protected setFilter(key: BoardFilterKey, value: string | null): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: filterQueryParams(this.filter(), key, value || null),
      queryParamsHandling: 'merge',
    });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: clearedFilterParams(), queryParamsHandling: 'merge' });
  }

  /* ---------- moving cards ---------- */

  /** A card dropped by drag and drop: `container.data` is the target stage. */
  protected drop(event: CdkDragDrop<CardStage, CardStage, BoardCardDto>): void {
    this.move(event.item.data.id, event.container.data, event.currentIndex, false);
  }

  protected moveUp(card: BoardCardDto): void {
    this.menuMove(card, { kind: 'up' });
  }

  protected moveDown(card: BoardCardDto): void {
    this.menuMove(card, { kind: 'down' });
  }

  protected moveTo(card: BoardCardDto, stage: CardStage): void {
    this.menuMove(card, { kind: 'stage', stage });
  }

  private menuMove(card: BoardCardDto, move: MenuMove): void {
    const board = this.board();
    const target = board && menuTarget(board, card.id, move);
    if (!target) return;
    this.move(card.id, target.stage, target.index, true);
  }

  /**
   * Shows the move at once, then asks the server with the new neighbours (`after` the card
   * above, `before` the card below) and the card's version. A stale version: the card goes
   * where the server has it; a refusal: back where it was.
   */
  private move(cardId: string, stage: CardStage, index: number, byMenu: boolean): void {
    const board = this.board();
    if (!board || this.pending().has(cardId)) return;
    const local = moveLocally(board, cardId, stage, index);
    if (!local) return;
    this.board.set(local.board);
    this.setPending(cardId, true);
    if (byMenu) this.focusMoveButton(cardId);
    const title = local.previous.title;
    this.api.moveCard(cardId, { stage, after: local.after, before: local.before, version: local.previous.version }).subscribe({
      next: (card) => {
        this.setPending(cardId, false);
        this.updateBoard((b) => applyBoardChanges(b, { cards: [card], removed: [] }, this.filter()).board);
        this.say('boards.move.done', { title, stage: this.stageLabel(card.stage) });
      },
      error: (error: unknown) => {
        this.setPending(cardId, false);
        const current = conflictCard(error);
        if (current) {
          this.updateBoard((b) => placeCard(b, boardCard(current)));
          this.say('boards.move.conflict', { title: current.title, stage: this.stageLabel(current.stage) }, true);
        } else {
          // back to where it was, unless a newer copy arrived meanwhile
          this.updateBoard((b) => {
            const shown = findCard(b, cardId);
            return shown && shown.card.version === local.previous.version ? placeCard(b, local.previous) : b;
          });
          this.say(boardErrorKey(error), { title }, true);
        }
        if (byMenu) this.focusMoveButton(cardId);
      },
    });
  }

  private setPending(cardId: string, on: boolean): void {
    this.pending.update((set) => {
      const next = new Set(set);
      if (on) next.add(cardId);
      else next.delete(cardId);
      return next;
    });
  }

  /** Keyboard users stay on the card they moved (its menu button is rendered anew in the target column). */
  private focusMoveButton(cardId: string): void {
    afterNextRender(
      () => {
        const cards = this.host.nativeElement.querySelectorAll<HTMLElement>('[data-card-id]');
        const card = [...cards].find((c) => c.dataset['cardId'] === cardId);
        card?.querySelector<HTMLElement>('[data-testid="card-move"]')?.focus();
      },
      { injector: this.injector },
    );
  }

  /* ---------- live changes ---------- */

  private applyChanges(payload: BoardChangesPayload): void {
    const board = this.board();
    if (!board || payload.boardId !== board.id) return;
    const { board: next, notes } = applyBoardChanges(board, payload, this.filter());
    this.board.set(next);
    if (notes.length) this.notice.set({ text: notes.map((n) => this.describe(n)).join(' ') });
  }

  private describe(note: BoardChangeNote): string {
    const t = (key: string, params: Record<string, string>) => this.transloco.translate<string>(key, params);
    switch (note.kind) {
      case 'moved':
        return t('boards.live.moved', { title: note.title, stage: this.stageLabel(note.to) });
      case 'added':
        return t('boards.live.added', { title: note.title, stage: this.stageLabel(note.to) });
      case 'removed':
        return t('boards.live.removed', { title: note.title });
    }
  }

  private updateBoard(change: (board: BoardDto) => BoardDto): void {
    const board = this.board();
    if (board) this.board.set(change(board));
  }

  private say(key: string, params: Record<string, string>, error = false): void {
    this.notice.set({ text: this.transloco.translate<string>(key, params), error });
  }

  /* ---------- cards, columns ---------- */

  protected openCard(cardId: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { card: cardId }, queryParamsHandling: 'merge' });
  }

  protected addCard(stage: CardStage): void {
    const board = this.board();
    if (!board) return;
    this.dialog
      .open<NewCardDialog, NewCardDialogData, CardDto>(NewCardDialog, {
        data: { boardId: board.id, stage, stageLabel: this.stageLabel(stage) },
        width: '30rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((card): card is CardDto => !!card))
      .subscribe((card) => {
        this.cardChanged(card);
        this.say('boards.created', { title: card.title, stage: this.stageLabel(card.stage) });
        this.openCard(card.id);
      });
  }

  protected editColumns(): void {
    const board = this.board();
    if (!board) return;
    const defaults = Object.fromEntries(CARD_STAGES.map((s) => [s, this.transloco.translate<string>(`boards.stages.${s}`)])) as Record<
      CardStage,
      string
    >;
    this.dialog
      .open<ColumnLabelsDialog, ColumnLabelsDialogData, BoardDto>(ColumnLabelsDialog, {
        data: { board, defaults },
        width: '32rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter((saved): saved is BoardDto => !!saved))
      .subscribe((saved) => {
        this.updateBoard((b) => ({
          ...b,
          columns: b.columns.map((c) => ({ ...c, label: saved.columns.find((s) => s.stage === c.stage)?.label ?? null })),
        }));
        this.say('boards.columns.saved', {});
      });
  }

  /** A card saved in the dialog (or created): the board follows at once. */
  private cardChanged(card: CardDto): void {
    this.updateBoard((b) => applyBoardChanges(b, { cards: [card], removed: [] }, this.filter()).board);
  }

  private closeCardDialog(): void {
    const ref = this.cardDialog;
    this.cardDialog = null;
    this.cardDialogId = null;
    ref?.close();
  }

  /** Opens the card detail; its code (forms, chips, tabs) is loaded on first use. */
  private openCardDialog(cardId: string): void {
    if (cardId === this.cardDialogId) return;
    this.closeCardDialog();
    this.cardDialogId = cardId;
    void import('./card-dialog').then(({ CardDialog }) => {
      if (this.cardDialogId !== cardId || this.destroyed) return; // closed or replaced meanwhile
      const stageLabels = Object.fromEntries(CARD_STAGES.map((s) => [s, this.stageLabel(s)])) as Record<CardStage, string>;
      const data: CardDialogData = {
        cardId,
        stageLabels,
        changed: (card) => this.cardChanged(card),
        removed: (id, title) => {
          this.updateBoard((b) => removeCard(b, id));
          this.say('boards.deleted', { title });
        },
      };
      const ref = this.dialog.open<CardDialog, CardDialogData>(CardDialog, {
        data,
        width: '60rem',
        maxWidth: '100vw',
        autoFocus: 'first-heading',
        disableClose: true,
      });
      this.cardDialog = ref;
      ref.afterClosed().subscribe(() => {
        if (this.cardDialog !== ref) return; // closed because the URL changed
        this.cardDialog = null;
        this.cardDialogId = null;
        void this.router.navigate([], { relativeTo: this.route, queryParams: { card: null }, queryParamsHandling: 'merge' });
      });
    });
  }
}
