import { signal } from '@angular/core';
import type { MatDialogRef } from '@angular/material/dialog';
import type { Observable } from 'rxjs';

/**
 * The request a dialog sends when it is submitted: `busy` while it runs (the submit
 * button is disabled), the dialog closes with the answer, or `errorKey` holds the
 * translation key of what went wrong and the dialog stays open for another try.
 */
export class DialogRequest<R> {
  readonly busy = signal(false);
  readonly errorKey = signal<string | null>(null);

  constructor(
    private readonly ref: MatDialogRef<unknown, R>,
    private readonly errorKeyOf: (error: unknown) => string,
  ) {}

  send(request: Observable<R>): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.errorKey.set(null);
    request.subscribe({
      next: (answer) => this.ref.close(answer),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errorKey.set(this.errorKeyOf(error));
      },
    });
  }
}
