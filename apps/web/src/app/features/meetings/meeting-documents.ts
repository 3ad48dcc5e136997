import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { DOCUMENT_MAX_BYTES, type AgendaItemDto, type MeetingDocumentDto } from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter, switchMap } from 'rxjs';
import { focusAfterRender } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorStatus } from '../../shared/api-error';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { formatBerlinDate, formatBerlinDateTime } from './berlin-time';
import { DOCUMENT_ACCEPT, documentProblem, documentTypeList, fileExtension, formatBytes, groupDocuments } from './meeting-documents-model';
import { meetingErrorKey } from './meeting-errors';
import { MeetingsApi } from './meetings-api';

interface Outcome {
  key: string;
  params?: Record<string, string>;
  error?: boolean;
}

/**
 * The documents (Unterlagen) of a meeting, grouped by the meeting and its agenda items,
 * each to download. Whoever runs the meeting uploads (checked here for type and size
 * first) and deletes them.
 */
@Component({
  selector: 'alm-meeting-documents',
  imports: [MatButton, MatFormField, MatLabel, MatOption, MatSelect, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-documents.html',
  styleUrl: './meeting-documents.scss',
})
export class MeetingDocuments {
  private readonly api = inject(MeetingsApi);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  readonly meetingId = input.required<string>();
  readonly initialDocuments = input.required<readonly MeetingDocumentDto[]>();
  readonly agenda = input.required<readonly AgendaItemDto[]>();
  readonly canManage = input(false);
  /** When the documents are mailed to those registered; no note for a cancelled meeting. */
  readonly mailDueAt = input<string | null>(null);
  readonly cancelled = input(false);

  protected readonly lang = inject(LanguageService).current;
  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly types = documentTypeList();

  protected readonly documents = linkedSignal(() => [...this.initialDocuments()]);
  protected readonly groups = computed(() => groupDocuments(this.documents(), this.agenda()));
  protected readonly mailNote = computed(() => {
    const due = this.mailDueAt();
    if (!due || this.cancelled()) return null;
    const date = formatBerlinDate(due, this.lang());
    if (Date.parse(due) > Date.now()) return { key: 'meetings.documents.mailDue', params: { date } };
    // afterwards, only when there was something to send
    return this.documents().length ? { key: 'meetings.documents.mailPast', params: { date } } : null;
  });
  protected readonly maxSize = computed(() => formatBytes(DOCUMENT_MAX_BYTES, this.lang()));

  /** The chosen file and the agenda item it belongs to ('' for the meeting as a whole). */
  protected readonly file = signal<File | null>(null);
  protected readonly target = signal('');
  /** What is wrong with the chosen file (checked on choosing and on sending). */
  protected readonly problem = signal<Outcome | null>(null);
  protected readonly busy = signal(false);
  protected readonly outcome = signal<Outcome | null>(null);

  protected size(doc: MeetingDocumentDto): string {
    return formatBytes(doc.sizeBytes, this.lang());
  }

  protected kind(doc: MeetingDocumentDto): string {
    return fileExtension(doc.filename).toUpperCase() || doc.contentType;
  }

  protected uploadedAt(doc: MeetingDocumentDto): string {
    return formatBerlinDateTime(doc.uploadedAt, this.lang());
  }

  protected onFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.file.set(file);
    this.outcome.set(null);
    this.problem.set(file ? this.check(file) : null);
  }

  protected upload(): void {
    const file = this.file();
    const problem = file ? this.check(file) : { key: 'meetings.documents.problems.none' };
    this.problem.set(problem);
    if (!file || problem) {
      this.fileInput()?.nativeElement.focus();
      return;
    }
    this.busy.set(true);
    this.outcome.set(null);
    this.api.uploadDocument(this.meetingId(), file, this.target() || null).subscribe({
      next: (doc) => {
        this.busy.set(false);
        this.documents.update((list) => [...list.filter((d) => d.id !== doc.id), doc]);
        this.file.set(null);
        const input = this.fileInput()?.nativeElement;
        if (input) input.value = '';
        this.say({ key: 'meetings.documents.uploaded', params: { name: doc.filename } });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.say({ key: this.uploadErrorKey(error), params: { max: this.maxSize(), types: this.types }, error: true });
      },
    });
  }

  /** Downloads with the access token (members' meetings are not public) and saves under the file's name. */
  protected download(doc: MeetingDocumentDto): void {
    this.outcome.set(null);
    this.api.downloadDocument(this.meetingId(), doc.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = doc.filename;
        this.document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => this.say({ key: meetingErrorKey(error), error: true }),
    });
  }

  protected remove(doc: MeetingDocumentDto): void {
    const t = (key: string) => this.transloco.translate<string>(`meetings.documents.removeDialog.${key}`, { name: doc.filename });
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('meetings.cancel') })
      .pipe(
        filter(Boolean),
        switchMap(() => {
          this.busy.set(true);
          this.outcome.set(null);
          return this.api.deleteDocument(this.meetingId(), doc.id);
        }),
      )
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.documents.update((list) => list.filter((d) => d.id !== doc.id));
          this.say({ key: 'meetings.documents.removed', params: { name: doc.filename } });
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.say({ key: meetingErrorKey(error), error: true });
        },
      });
  }

  private check(file: File): Outcome | null {
    const problem = documentProblem(file, this.lang());
    return problem ? { key: problem.key, params: problem.params, error: true } : null;
  }

  private uploadErrorKey(error: unknown): string {
    return apiErrorStatus(error) === 413 ? 'meetings.documents.problems.tooLargeServer' : meetingErrorKey(error);
  }

  private say(outcome: Outcome): void {
    this.outcome.set(outcome);
    focusAfterRender(this.host, '[data-testid="documents-outcome"]', this.injector);
  }
}
