import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, Injector, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { CreateExportRequest, ExportFile, ExportFormat, ExportResult, StudyDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { focusAfterRender, focusFirstInvalid } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorCode } from '../../shared/api-error';
import { LocalizedDatePipe } from '../../shared/localized-date-pipe';
import { byteSize, downloadName, loggedPeriod, saveFile } from './export-files';
import { ResearchApi } from './research-api';
import { validPeriod } from './research-filters';
import { exclusiveEnd, formatDay, formatNumber } from './research-format';

const ERROR_CODES = ['STUDY_EXISTS', 'NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED'];
const errorKey = (error: unknown) => {
  const code = apiErrorCode(error);
  return `research.export.errors.${code && ERROR_CODES.includes(code) ? code : 'generic'}`;
};

/** Pseudonymised exports for a study (CSV or JSON, with a codebook), and the log of all exports. */
@Component({
  selector: 'alm-research-export-page',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    MatOption,
    MatSelect,
    MatProgressSpinner,
    MatRadioGroup,
    MatRadioButton,
    RouterLink,
    TranslocoDirective,
    LocalizedDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './research-export-page.html',
  styleUrl: './research-export-page.scss',
})
export class ResearchExportPage {
  private readonly api = inject(ResearchApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly lang = inject(LanguageService).current;
  protected readonly formats: readonly ExportFormat[] = ['csv', 'json'];

  protected readonly studies = rxResource({ stream: () => this.api.studies() });
  protected readonly studyList = computed(() => (this.studies.hasValue() ? this.studies.value() : []));
  protected readonly log = rxResource({ stream: () => this.api.exportLog() });
  protected readonly logEntries = computed(() => (this.log.hasValue() ? this.log.value() : []));

  protected readonly studyForm = this.fb.group({
    name: ['', [Validators.required, Validators.minLength(3), Validators.maxLength(200)]],
  });
  protected readonly exportForm = this.fb.group({
    studyId: ['', Validators.required],
    format: this.fb.control<ExportFormat>('csv'),
    from: [''],
    to: [''],
  });

  protected readonly creating = signal(false);
  protected readonly exporting = signal(false);
  /** The latest message for the live region: a translation key and its parameters. */
  protected readonly status = signal<{ key: string; params?: Record<string, unknown>; error?: boolean } | null>(null);
  protected readonly periodError = signal(false);
  protected readonly result = signal<{ export: ExportResult; study: string } | null>(null);

  protected readonly number = formatNumber;
  protected readonly day = formatDay;
  protected readonly period = loggedPeriod;

  protected async createStudy(): Promise<void> {
    if (this.studyForm.invalid) {
      this.studyForm.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.creating.set(true);
    this.status.set(null);
    try {
      const study = await firstValueFrom(this.api.createStudy({ name: this.studyForm.controls.name.value.trim() }));
      this.studies.update((list) => [...(list ?? []).filter((s) => s.id !== study.id), study]);
      this.exportForm.controls.studyId.setValue(study.id);
      this.studyForm.reset();
      this.status.set({ key: 'research.export.studyCreated', params: { name: study.name } });
    } catch (error) {
      this.status.set({ key: errorKey(error), error: true });
    } finally {
      this.creating.set(false);
    }
  }

  protected async runExport(): Promise<void> {
    const { studyId, format, from, to } = this.exportForm.getRawValue();
    this.periodError.set(!validPeriod(from || null, to || null));
    if (this.exportForm.invalid || this.periodError()) {
      this.exportForm.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const request: CreateExportRequest = {
      studyId,
      format,
      ...(from ? { from } : {}),
      ...(to ? { to: exclusiveEnd(to) } : {}),
    };
    this.exporting.set(true);
    this.status.set({ key: 'research.export.running' });
    this.result.set(null);
    try {
      const result = await firstValueFrom(this.api.export(request));
      const study = this.studyList().find((s: StudyDto) => s.id === result.studyId)?.name ?? '';
      this.result.set({ export: result, study });
      const lang = this.lang();
      this.status.set({
        key: 'research.export.done',
        params: { persons: formatNumber(result.persons, lang), events: formatNumber(result.events, lang), files: result.files.length },
      });
      this.log.reload();
      focusAfterRender(this.host, '#export-result-heading', this.injector);
    } catch (error) {
      this.status.set({ key: errorKey(error), error: true });
    } finally {
      this.exporting.set(false);
    }
  }

  protected formatOf(filters: Record<string, unknown>): ExportFormat | null {
    const format = filters['format'];
    return format === 'csv' || format === 'json' ? format : null;
  }

  protected fileName(file: ExportFile): string {
    const r = this.result();
    return r ? downloadName(r.study, r.export.createdAt, file.name) : file.name;
  }

  protected size(file: ExportFile): string {
    const bytes = byteSize(file);
    return bytes < 1024 ? `${formatNumber(bytes, this.lang())} B` : `${formatNumber(Math.ceil(bytes / 1024), this.lang())} KB`;
  }

  protected download(file: ExportFile): void {
    saveFile(this.document, file, this.fileName(file));
  }
}
