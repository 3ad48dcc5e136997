import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The search box in the app bar: a search landmark that submits to `/search?q=…`.
 * On a phone only its button shows; it opens the box in a row of its own.
 */
@Component({
  selector: 'alm-search-box',
  imports: [MatIconButton, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.open]': 'open()', '(keydown.escape)': 'close()' },
  template: `
    <ng-container *transloco="let t; prefix: 'search.box'">
      <button
        #toggle
        mat-icon-button
        type="button"
        class="toggle"
        aria-controls="app-search"
        [attr.aria-expanded]="open()"
        [attr.aria-label]="t('label')"
        (click)="toggleOpen()"
        data-testid="search-toggle"
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          @if (open()) {
            <path d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6Z" fill="currentColor" />
          } @else {
            <path [attr.d]="magnifier" fill="currentColor" />
          }
        </svg>
      </button>
      <form id="app-search" class="form" role="search" [attr.aria-label]="t('label')" (submit)="submit($event)" data-testid="app-search">
        <input
          #input
          class="input"
          type="search"
          name="q"
          maxlength="200"
          autocomplete="off"
          enterkeyhint="search"
          [attr.aria-label]="t('label')"
          [placeholder]="t('placeholder')"
          [value]="text()"
          (input)="text.set(input.value)"
          data-testid="app-search-input"
        />
        <button mat-icon-button type="submit" class="submit" [attr.aria-label]="t('submit')">
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path [attr.d]="magnifier" fill="currentColor" />
          </svg>
        </button>
      </form>
    </ng-container>
  `,
  styleUrl: './search-box.scss',
})
export class SearchBox {
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('input');
  private readonly toggle = viewChild.required<string, ElementRef<HTMLButtonElement>>('toggle', { read: ElementRef });

  protected readonly magnifier =
    'M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16a6.47 6.47 0 0 0 4.23-1.57l.27.28v.79l5 4.99L20.49 19l-4.99-5Zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14Z';
  /** Phones: whether the box is shown (wider screens always show it). */
  protected readonly open = signal(false);
  protected readonly text = signal('');

  protected toggleOpen(): void {
    if (this.open()) {
      this.open.set(false);
      return;
    }
    this.open.set(true);
    afterNextRender(() => this.input().nativeElement.focus(), { injector: this.injector });
  }

  protected close(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.toggle().nativeElement.focus();
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const q = this.text().trim();
    if (!q) {
      this.input().nativeElement.focus();
      return;
    }
    this.text.set('');
    this.open.set(false);
    void this.router.navigate(['/search'], { queryParams: { q } });
  }
}
