import { ChangeDetectionStrategy, Component, ElementRef, viewChild } from '@angular/core';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageSwitch } from './language-switch';

/** Page frame: skip link, app bar (banner), main landmark and footer. */
@Component({
  selector: 'alm-shell',
  imports: [MatToolbar, RouterLink, RouterOutlet, TranslocoDirective, LanguageSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  /** Moves focus to the main content without a router navigation to `/#main`. */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus(); // focusing also scrolls it into view
  }
}
