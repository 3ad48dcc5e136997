import { COMMA, ENTER } from '@angular/cdk/keycodes';
import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, Injector, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipGrid, MatChipInput, MatChipInputEvent, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatOptgroup, MatOption } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialog, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSelect } from '@angular/material/select';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import {
  CARD_STAGES,
  DOCUMENT_MAX_BYTES,
  LAB_FIELDS,
  RESPONSIBILITIES,
  type CardAttachmentDto,
  type CardDto,
  type CardEventDto,
  type CardStage,
  type ChecklistItem,
  type LabRecord,
  type NamedRef,
  type Responsibility,
} from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Observable, Subject, catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap } from 'rxjs';
import { focusAfterRender } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { localized } from '../../shared/localized';
import { ATTACHMENT_ACCEPT, attachmentProblem, attachmentTypeList, formatBytes } from './attachments';
import { boardErrorKey, conflictCard } from './board-errors';
import { BoardsApi } from './boards-api';
import { CARD_TITLE_MAX } from './new-card-dialog';
import {
  CardField,
  CardFormValue,
  Rebased,
  cardFormValue,
  cardPatch,
  changedFields,
  hasLab,
  newItemId,
  rebase,
} from './card-form-model';

export interface CardDialogData {
  cardId: string;
  /** The board's (translated) column names. */
  stageLabels: Record<CardStage, string>;
  /** Called with the card after every saved change, so the board follows at once. */
  changed: (card: CardDto) => void;
  /** Called when the card was deleted. */
  removed: (cardId: string, title: string) => void;
}

interface Notice {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

interface GoalGroup {
  number: number;
  name: string;
  goals: { id: string; title: string }[];
}

type RefField = 'organisations' | 'persons';

/** Names of the fields a history entry may list (API names included), as translation keys. */
const FIELD_KEYS: Readonly<Record<string, string>> = {
  title: 'boards.fields.title',
  description: 'boards.fields.description',
  stage: 'boards.fields.stage',
  actionFieldId: 'boards.fields.actionFieldId',
  strategicGoalId: 'boards.fields.strategicGoalId',
  responsibility: 'boards.fields.responsibility',
  organisations: 'boards.fields.organisations',
  organisationIds: 'boards.fields.organisations',
  persons: 'boards.fields.persons',
  personIds: 'boards.fields.persons',
  dueDate: 'boards.fields.dueDate',
  labels: 'boards.fields.labels',
  checklist: 'boards.fields.checklist',
  public: 'boards.fields.public',
  lab: 'boards.fields.lab',
  decisionId: 'boards.fields.decision',
  ...Object.fromEntries(LAB_FIELDS.flatMap((f) => [[f, `boards.lab.${f}`], [`lab.${f}`, `boards.lab.${f}`]])),
};

/** Text fields whose server version is shown next to the user's after a conflict. */
const TEXT_FIELDS: readonly CardField[] = ['title', 'description', ...LAB_FIELDS.map((f) => `lab.${f}` as const)];

/** A deep copy of a form value (plain JSON data). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function cardForm() {
  const text = (value = '') => new FormControl(value, { nonNullable: true });
  return new FormGroup({
    title: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(CARD_TITLE_MAX)] }),
    description: text(),
    actionFieldId: new FormControl<string | null>(null),
    strategicGoalId: new FormControl<string | null>(null),
    responsibility: new FormControl<Responsibility | null>(null),
    organisations: new FormControl<NamedRef[]>([], { nonNullable: true }),
    persons: new FormControl<NamedRef[]>([], { nonNullable: true }),
    dueDate: text(),
    labels: new FormControl<string[]>([], { nonNullable: true }),
    checklist: new FormControl<ChecklistItem[]>([], { nonNullable: true }),
    public: new FormControl(false, { nonNullable: true }),
    lab: new FormGroup(Object.fromEntries(LAB_FIELDS.map((f) => [f, text()])) as Record<keyof LabRecord, FormControl<string>>),
  });
}

/**
 * The detail of a card: every field to edit (editors) or read, attachments, the decision it
 * came from, and its history. Saving sends only the changed fields with the version; when
 * someone else saved meanwhile (409), the user's edits stay in the form on top of the new
 * version, the fields changed on the server are listed, and the user saves again or
 * discards theirs.
 */
@Component({
  selector: 'alm-card-dialog',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatCheckbox,
    MatChipGrid,
    MatChipInput,
    MatChipRemove,
    MatChipRow,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOptgroup,
    MatOption,
    MatProgressSpinner,
    MatSelect,
    MatTab,
    MatTabGroup,
    TranslocoDirective,
    LocalizedDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './card-dialog.html',
  styleUrl: './card-dialog.scss',
})
export class CardDialog {
  private readonly api = inject(BoardsApi);
  private readonly ref = inject<MatDialogRef<CardDialog>>(MatDialogRef);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly data = inject<CardDialogData>(MAT_DIALOG_DATA);
  protected readonly lang = inject(LanguageService).current;
  protected readonly responsibilities = RESPONSIBILITIES;
  protected readonly labFields = LAB_FIELDS;
  protected readonly separators = [ENTER, COMMA];
  protected readonly titleMax = CARD_TITLE_MAX;
  protected readonly accept = ATTACHMENT_ACCEPT;
  protected readonly types = attachmentTypeList();

  protected readonly card = signal<CardDto | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly canEdit = computed(() => this.card()?.permissions.canEdit ?? false);

  protected readonly form = cardForm();
  /** The form's value as a signal (chips, checklist and "unsaved" follow it). */
  protected readonly value = signal<CardFormValue>(this.form.getRawValue());
  /** The card the edits are counted from. */
  private readonly base = signal<CardFormValue | null>(null);
  private version = 0;
  protected readonly unsaved = computed(() => {
    const base = this.base();
    return !!base && changedFields(base, this.value()).length > 0;
  });
  /** After a version conflict: what changed on the server, and where the user's edits meet it. */
  protected readonly conflict = signal<Rebased | null>(null);

  protected readonly busy = signal(false);
  protected readonly notice = signal<Notice | null>(null);

  protected readonly showLab = computed(() => {
    const card = this.card();
    return !!card && (card.stage === 'lab' || card.stage === 'project' || hasLab(card.lab) || hasLab(this.value().lab));
  });

  /* reference lists */
  private readonly rawFields = toSignal(this.api.actionFields().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly fieldOptions = computed(() =>
    this.rawFields()
      .filter((f) => !f.archived || f.id === this.value().actionFieldId)
      .sort((a, b) => a.position - b.position)
      .map((f) => ({ id: f.id, name: localized(f, 'name', this.lang()) })),
  );
  private readonly strategy = toSignal(this.api.strategy().pipe(catchError(() => of(null))), { initialValue: null });
  protected readonly goalGroups = computed<GoalGroup[]>(() =>
    (this.strategy()?.goals ?? []).map((g) => ({
      number: g.number,
      name: this.lang() === 'en' ? g.en : g.de,
      goals: g.strategicGoals.map((s) => ({ id: s.id, title: s.title })),
    })),
  );

  /* autocomplete of organisations and persons */
  private readonly orgQuery = new Subject<string>();
  private readonly personQuery = new Subject<string>();
  protected readonly orgOptions = signal<NamedRef[]>([]);
  protected readonly personOptions = signal<NamedRef[]>([]);
  protected readonly newItem = signal('');

  /* attachments and history */
  protected readonly file = signal<File | null>(null);
  protected readonly history = signal<CardEventDto[] | null>(null);
  protected readonly historyError = signal(false);

  constructor() {
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.value.set(this.form.getRawValue()));
    this.search(this.orgQuery, (q) => this.api.organisations(q).pipe(map((page) => page.items.map((o) => ({ id: o.id, name: o.name })))), this.orgOptions);
    this.search(this.personQuery, (q) => this.api.persons(q).pipe(map((page) => page.items.map((p) => ({ id: p.id, name: p.displayName })))), this.personOptions);
    // Esc and the backdrop ask first when there are unsaved changes
    this.ref.backdropClick().pipe(takeUntilDestroyed()).subscribe(() => this.close());
    this.ref
      .keydownEvents()
      .pipe(
        filter((e) => e.key === 'Escape'),
        takeUntilDestroyed(),
      )
      .subscribe((e) => {
        e.preventDefault();
        this.close();
      });
    this.load();
  }

  protected load(): void {
    this.loadError.set(null);
    this.api.getCard(this.data.cardId).subscribe({
      next: (card) => this.adopt(card),
      error: (error: unknown) => this.loadError.set(boardErrorKey(error)),
    });
  }

  /* ---------- labels for the template ---------- */

  protected stageLabel(stage: unknown): string {
    return typeof stage === 'string' && (CARD_STAGES as readonly string[]).includes(stage)
      ? this.data.stageLabels[stage as CardStage]
      : String(stage ?? '');
  }

  protected fieldName(field: string): string {
    const key = FIELD_KEYS[field];
    return key ? this.transloco.translate<string>(key) : field;
  }

  protected fieldNames(fields: readonly string[]): string {
    return fields.map((f) => this.fieldName(f)).join(', ');
  }

  protected actionFieldName(id: string | null): string {
    return (id && this.fieldOptions().find((f) => f.id === id)?.name) || '';
  }

  protected goalTitle(id: string | null): string {
    if (!id) return '';
    for (const group of this.goalGroups()) {
      const goal = group.goals.find((g) => g.id === id);
      if (goal) return goal.title;
    }
    return '';
  }

  /** The server's text of a field the user changed as well (shown after a conflict). */
  protected serverText(field: CardField): string | null {
    const card = this.card();
    if (!card || !TEXT_FIELDS.includes(field)) return null;
    const value = cardFormValue(card);
    return field.startsWith('lab.') ? value.lab[field.slice(4) as keyof LabRecord] : String(value[field as 'title' | 'description']);
  }

  protected day(date: string): string {
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00` : date;
  }

  protected size(attachment: CardAttachmentDto): string {
    return formatBytes(attachment.sizeBytes, this.lang());
  }

  protected names(refs: readonly NamedRef[]): string {
    return refs.map((r) => r.name).join(', ');
  }

  protected eventText(event: CardEventDto): string {
    const t = (key: string, params: Record<string, string> = {}) => this.transloco.translate<string>(`boards.history.${key}`, params);
    const data = event.data;
    const name = typeof data['filename'] === 'string' ? data['filename'] : '';
    switch (event.kind) {
      case 'created':
        return t('created', { stage: this.stageLabel(data['stage']) });
      case 'moved':
        return t('moved', { from: this.stageLabel(data['from']), to: this.stageLabel(data['to']) });
      case 'edited': {
        const fields = Array.isArray(data['fields']) ? (data['fields'] as unknown[]).filter((f): f is string => typeof f === 'string') : [];
        return fields.length ? t('edited', { fields: this.fieldNames(fields) }) : t('editedPlain');
      }
      case 'deleted':
        return t('deleted');
      case 'attachment_added':
        return t('attachmentAdded', { name });
      case 'attachment_removed':
        return t('attachmentRemoved', { name });
      default:
        return String(event.kind);
    }
  }

  /* ---------- editing ---------- */

  protected onOrgInput(event: Event): void {
    this.orgQuery.next((event.target as HTMLInputElement).value);
  }

  protected onPersonInput(event: Event): void {
    this.personQuery.next((event.target as HTMLInputElement).value);
  }

  protected addRef(field: RefField, event: MatAutocompleteSelectedEvent, input: HTMLInputElement): void {
    const ref = event.option.value as NamedRef;
    const control = this.form.controls[field];
    if (!control.value.some((r) => r.id === ref.id)) this.setControl(control, [...control.value, ref]);
    input.value = '';
    (field === 'organisations' ? this.orgOptions : this.personOptions).set([]);
  }

  protected removeRef(field: RefField, id: string): void {
    const control = this.form.controls[field];
    this.setControl(
      control,
      control.value.filter((r) => r.id !== id),
    );
  }

  protected addLabel(event: MatChipInputEvent): void {
    const label = event.value.trim().slice(0, 40);
    const control = this.form.controls.labels;
    if (label && !control.value.includes(label)) this.setControl(control, [...control.value, label]);
    event.chipInput.clear();
  }

  protected removeLabel(label: string): void {
    const control = this.form.controls.labels;
    this.setControl(
      control,
      control.value.filter((l) => l !== label),
    );
  }

  protected onNewItem(event: Event): void {
    this.newItem.set((event.target as HTMLInputElement).value);
  }

  protected addItem(event?: Event): void {
    event?.preventDefault();
    const text = this.newItem().trim();
    if (!text) return;
    const control = this.form.controls.checklist;
    this.setControl(control, [...control.value, { id: newItemId(), text, done: false }]);
    this.newItem.set('');
  }

  protected toggleItem(id: string, done: boolean): void {
    const control = this.form.controls.checklist;
    this.setControl(
      control,
      control.value.map((i) => (i.id === id ? { ...i, done } : i)),
    );
  }

  protected removeItem(id: string): void {
    const control = this.form.controls.checklist;
    this.setControl(
      control,
      control.value.filter((i) => i.id !== id),
    );
  }

  protected checklistDone(): number {
    return this.value().checklist.filter((i) => i.done).length;
  }

  /** Sends the changed fields with the version the form is based on. */
  protected save(): void {
    const base = this.base();
    const card = this.card();
    if (!base || !card || this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.say({ key: 'boards.detail.invalid', error: true });
      focusAfterRender(this.host, 'input.ng-invalid, textarea.ng-invalid', this.injector);
      return;
    }
    const sent = this.form.getRawValue();
    const patch = cardPatch(base, sent, this.version);
    if (!patch) {
      this.conflict.set(null);
      this.say({ key: 'boards.detail.nothingChanged' });
      return;
    }
    this.busy.set(true);
    this.notice.set(null);
    this.api.updateCard(card.id, patch).subscribe({
      next: (saved) => {
        this.busy.set(false);
        // edits typed while the request was under way stay
        this.applyRebase(rebase(sent, this.form.getRawValue(), saved), saved);
        this.conflict.set(null);
        this.data.changed(saved);
        this.say({ key: 'boards.detail.saved' });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const current = conflictCard(error);
        if (!current) {
          this.say({ key: boardErrorKey(error), error: true });
          return;
        }
        const rebased = rebase(base, this.form.getRawValue(), current);
        this.applyRebase(rebased, current);
        this.conflict.set(rebased);
        this.data.changed(current);
        this.say({ key: 'boards.conflict.notice', error: true }, '[data-testid="card-conflict"]');
      },
    });
  }

  /** After a conflict: forget the user's edits and show the card as it is now. */
  protected discardMine(): void {
    const base = this.base();
    if (!base) return;
    this.form.setValue(clone(base));
    this.conflict.set(null);
    this.say({ key: 'boards.conflict.discarded' });
  }

  protected remove(): void {
    const card = this.card();
    if (!card) return;
    const t = (key: string) => this.transloco.translate<string>(`boards.deleteDialog.${key}`, { title: card.title });
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('boards.cancel') })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          return this.api.deleteCard(card.id);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.data.removed(card.id, card.title);
          this.ref.close();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.say({ key: boardErrorKey(error), error: true });
        },
      });
  }

  /** Closes, after asking when there are unsaved changes. */
  protected close(): void {
    if (!this.unsaved() || !this.canEdit()) {
      this.ref.close();
      return;
    }
    const t = (key: string) => this.transloco.translate<string>(`boards.discardDialog.${key}`);
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: t('cancel') })
      .pipe(filter(Boolean))
      .subscribe(() => this.ref.close());
  }

  /* ---------- attachments ---------- */

  protected onFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    const problem = file ? attachmentProblem(file, this.lang()) : null;
    this.notice.set(problem ? { ...problem, error: true } : null);
  }

  protected upload(): void {
    const card = this.card();
    const file = this.file();
    const problem = file ? attachmentProblem(file, this.lang()) : { key: 'boards.attachments.problems.none', params: {} };
    if (!card || !file || problem) {
      if (problem) this.say({ ...problem, error: true });
      this.fileInput()?.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.api.uploadAttachment(card.id, file).subscribe({
      next: (attachment) => {
        this.busy.set(false);
        this.file.set(null);
        const input = this.fileInput()?.nativeElement;
        if (input) input.value = '';
        this.card.update((c) => (c ? { ...c, attachments: [...c.attachments.filter((a) => a.id !== attachment.id), attachment] } : c));
        this.say({ key: 'boards.attachments.uploaded', params: { name: attachment.filename } });
        this.refresh();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.say({ key: boardErrorKey(error), params: { max: formatBytes(DOCUMENT_MAX_BYTES, this.lang()), types: this.types }, error: true });
      },
    });
  }

  /** Downloads with the access token and saves under the file's name. */
  protected download(attachment: CardAttachmentDto): void {
    const card = this.card();
    if (!card) return;
    this.api.downloadAttachment(card.id, attachment.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = attachment.filename;
        this.document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => this.say({ key: boardErrorKey(error), error: true }),
    });
  }

  protected removeAttachment(attachment: CardAttachmentDto): void {
    const card = this.card();
    if (!card) return;
    const t = (key: string) => this.transloco.translate<string>(`boards.attachments.removeDialog.${key}`, { name: attachment.filename });
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('boards.cancel') })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          return this.api.deleteAttachment(card.id, attachment.id);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.card.update((c) => (c ? { ...c, attachments: c.attachments.filter((a) => a.id !== attachment.id) } : c));
          this.say({ key: 'boards.attachments.removed', params: { name: attachment.filename } });
          this.refresh();
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.say({ key: boardErrorKey(error), error: true });
        },
      });
  }

  /* ---------- history ---------- */

  protected tabChanged(index: number): void {
    if (index === 1) this.loadHistory();
  }

  protected loadHistory(): void {
    this.historyError.set(false);
    this.api.history(this.data.cardId).subscribe({
      next: (events) => this.history.set(events),
      error: () => this.historyError.set(true),
    });
  }

  /* ---------- internals ---------- */

  /** A fresh card from the server: the form starts from it. */
  private adopt(card: CardDto): void {
    const value = cardFormValue(card);
    this.card.set(card);
    this.version = card.version;
    this.base.set(value);
    this.form.reset(clone(value));
    this.value.set(this.form.getRawValue());
  }

  /** The card changed on the server: keep the user's edits on top of it. */
  private applyRebase(rebased: Rebased, current: CardDto): void {
    this.card.set(current);
    this.version = current.version;
    this.base.set(rebased.base);
    this.form.setValue(clone(rebased.value));
  }

  /**
   * Reloads the card after an attachment changed (the answer carries no card, but the
   * card's version may have moved on): the user's edits stay.
   */
  private refresh(): void {
    const base = this.base();
    if (!base) return;
    this.api.getCard(this.data.cardId).subscribe({
      next: (fresh) => {
        const rebased = rebase(base, this.form.getRawValue(), fresh);
        this.applyRebase(rebased, fresh);
        if (rebased.conflicts.length) this.conflict.set(rebased);
        this.data.changed(fresh);
      },
      error: () => undefined, // the attachment itself is saved; the next save tells about any conflict
    });
  }

  private setControl<T>(control: FormControl<T>, value: T): void {
    control.setValue(value);
    control.markAsDirty();
  }

  private search(query: Subject<string>, find: (q: string) => Observable<NamedRef[]>, target: { set(v: NamedRef[]): void }): void {
    query
      .pipe(
        debounceTime(250),
        map((q) => q.trim()),
        distinctUntilChanged(),
        switchMap((q) => (q.length < 2 ? of([]) : find(q).pipe(catchError(() => of([]))))),
        takeUntilDestroyed(),
      )
      .subscribe((options) => target.set(options));
  }

  private say(notice: Notice, focus = '[data-testid="card-notice"]'): void {
    this.notice.set(notice);
    focusAfterRender(this.host, focus, this.injector);
  }
}
