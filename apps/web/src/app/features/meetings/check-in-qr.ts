import { ChangeDetectionStrategy, Component, effect, input, signal, untracked } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { qrCodeDataUrl } from './qr-code';

/** My check-in code as a QR code to show at the door (the code itself stays readable next to it). */
@Component({
  selector: 'alm-check-in-qr',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (src(); as image) {
        <img class="qr" [src]="image" width="192" height="192" [alt]="t('meetings.checkInCode.qrAlt', { code: code() })" data-testid="check-in-qr" />
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .qr {
      display: block;
      width: 12rem;
      max-width: 100%;
      height: auto;
      margin-block: 0.5rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      background: #fff;
    }
  `,
})
export class CheckInQr {
  readonly code = input.required<string>();

  /** The QR code as an image address; null while the library loads (or when it failed: the text code remains). */
  protected readonly src = signal<string | null>(null);

  constructor() {
    effect(() => {
      const code = this.code();
      untracked(() => void this.render(code));
    });
  }

  private async render(code: string): Promise<void> {
    this.src.set(null);
    try {
      const image = await qrCodeDataUrl(code);
      if (this.code() === code) this.src.set(image);
    } catch {
      // without the image the code is still shown as text
    }
  }
}
