import { ChangeDetectionStrategy, Component, DOCUMENT, DestroyRef, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { QrDecoder, loadQrDecoder } from './qr-code';

/**
 * idle: camera off; starting: asking for the camera; scanning: looking for codes;
 * denied: the person (or the browser's settings) refused the camera; noCamera: none
 * there or no camera support; failed: the camera did not start.
 */
export type ScannerState = 'idle' | 'starting' | 'scanning' | 'denied' | 'noCamera' | 'failed';

/** A code is reported again only after it was out of view for this long. */
const REPEAT_MS = 4000;
/** Time between two decoding attempts. */
const DECODE_EVERY_MS = 150;
/** Frames are scaled down to at most this width before decoding. */
const MAX_WIDTH = 640;

/**
 * Reads check-in QR codes with the device's camera (the rear one where there is one).
 * `jsqr` is loaded on first use. Each code found is emitted once; scanning goes on for
 * the next person until stopped. Without a camera (or permission) it says so and emits
 * `unavailable`, so the page can offer the typed code instead.
 */
@Component({
  selector: 'alm-qr-scanner',
  imports: [MatButton, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="scanner" *transloco="let t">
      <!-- kept in the page (hidden while off), so the stream has somewhere to go as soon as it comes -->
      <video #video class="video" [hidden]="!active()" muted playsinline [attr.aria-label]="t('meetings.scan.video')" data-testid="scan-video"></video>
      <p class="scan-status" role="status" data-testid="scan-status">
        @switch (state()) {
          @case ('starting') {
            {{ t('meetings.scan.starting') }}
          }
          @case ('scanning') {
            {{ t('meetings.scan.scanning') }}
          }
        }
      </p>
      @if (problem()) {
        <p class="scan-problem" role="alert" data-testid="scan-problem">{{ t('meetings.scan.problems.' + state()) }}</p>
      }
      <div>
        @if (active()) {
          <button mat-stroked-button type="button" (click)="stop()" data-testid="scan-stop">{{ t('meetings.scan.stop') }}</button>
        } @else {
          <button mat-stroked-button type="button" [disabled]="disabled()" (click)="start()" data-testid="scan-start">
            {{ t('meetings.scan.start') }}
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    .scanner {
      display: grid;
      gap: 0.5rem;
      margin-block-end: 0.75rem;
    }
    .video {
      width: min(100%, 24rem);
      aspect-ratio: 4 / 3;
      border-radius: var(--mat-sys-corner-medium);
      background: #000;
      object-fit: cover;
    }
    .video[hidden] {
      display: none;
    }
    .scan-status,
    .scan-problem {
      margin: 0;
    }
    .scan-status:empty {
      display: none;
    }
    .scan-problem {
      padding: 0.5rem 0.75rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class QrScanner {
  private readonly document = inject(DOCUMENT);
  private readonly video = viewChild<ElementRef<HTMLVideoElement>>('video');

  readonly disabled = input(false);
  /** A code was read. */
  readonly scanned = output<string>();
  /** No camera to use (missing, refused or broken): type the code instead. */
  readonly unavailable = output<void>();

  protected readonly state = signal<ScannerState>('idle');
  protected readonly active = () => this.state() === 'starting' || this.state() === 'scanning';
  protected readonly problem = () => ['denied', 'noCamera', 'failed'].includes(this.state());

  private stream: MediaStream | null = null;
  private decoder: QrDecoder | null = null;
  private canvas: HTMLCanvasElement | null = null;
  private frame: number | null = null;
  private lastDecode = 0;
  private last: { code: string; at: number } | null = null;
  /** Bumped on every start and stop, so a late camera answer after stopping is dropped. */
  private run = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  async start(): Promise<void> {
    if (this.active()) return;
    const media = this.document.defaultView?.navigator.mediaDevices;
    if (!media?.getUserMedia) {
      this.fail('noCamera');
      return;
    }
    const run = ++this.run;
    this.state.set('starting');
    let stream: MediaStream | null = null;
    try {
      const [camera, decoder] = await Promise.all([
        media.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false }),
        this.decoder ? Promise.resolve(this.decoder) : loadQrDecoder(),
      ]);
      stream = camera;
      this.decoder = decoder;
      if (run !== this.run) {
        stopTracks(stream);
        return;
      }
      this.stream = stream;
      const video = this.video()?.nativeElement;
      if (!video) throw new Error('no video element');
      video.srcObject = stream;
      await video.play();
      if (run !== this.run) return;
      this.state.set('scanning');
      this.schedule();
    } catch (error) {
      if (stream) stopTracks(stream);
      if (run !== this.run) return;
      this.stopStream();
      this.fail(cameraProblem(error));
    }
  }

  stop(): void {
    this.run++;
    this.stopStream();
    if (this.active()) this.state.set('idle');
  }

  private fail(state: 'denied' | 'noCamera' | 'failed'): void {
    this.state.set(state);
    this.unavailable.emit();
  }

  private stopStream(): void {
    const view = this.document.defaultView;
    if (this.frame !== null) view?.cancelAnimationFrame?.(this.frame);
    this.frame = null;
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
    const video = this.video()?.nativeElement;
    if (video) video.srcObject = null;
  }

  private schedule(): void {
    const view = this.document.defaultView;
    if (!view) return;
    this.frame = view.requestAnimationFrame((time) => {
      if (this.state() !== 'scanning') return;
      if (time - this.lastDecode >= DECODE_EVERY_MS) {
        this.lastDecode = time;
        this.decodeFrame();
      }
      this.schedule();
    });
  }

  /** Reads the current video frame; emits a code not seen in the last few seconds. */
  private decodeFrame(): void {
    const video = this.video()?.nativeElement;
    if (!video || !this.decoder || video.readyState < 2 || !video.videoWidth || !video.videoHeight) return;
    const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    this.canvas ??= this.document.createElement('canvas');
    this.canvas.width = width;
    this.canvas.height = height;
    const context = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.drawImage(video, 0, 0, width, height);
    const code = this.decoder(context.getImageData(0, 0, width, height).data, width, height)?.trim();
    if (!code) return;
    const now = Date.now();
    const seenJustNow = this.last?.code === code && now - this.last.at < REPEAT_MS;
    // a code held in view is reported once; shown again later, it counts again
    this.last = { code, at: now };
    if (!seenJustNow) this.scanned.emit(code);
  }
}

function stopTracks(stream: MediaStream): void {
  stream.getTracks().forEach((track) => track.stop());
}

/** What a failed getUserMedia means for the person at the door. */
export function cameraProblem(error: unknown): 'denied' | 'noCamera' | 'failed' {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError') return 'noCamera';
  return 'failed';
}
