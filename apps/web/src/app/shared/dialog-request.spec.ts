import type { MatDialogRef } from '@angular/material/dialog';
import { Subject, throwError } from 'rxjs';
import { DialogRequest } from './dialog-request';

describe('DialogRequest', () => {
  const setup = () => {
    const close = jest.fn();
    const request = new DialogRequest<string>({ close } as unknown as MatDialogRef<unknown, string>, (e) => `errors.${String(e)}`);
    return { close, request };
  };

  it('is busy while the request runs and closes the dialog with the answer', () => {
    const { close, request } = setup();
    const answer = new Subject<string>();
    request.send(answer);
    expect(request.busy()).toBe(true);
    answer.next('saved');
    expect(close).toHaveBeenCalledWith('saved');
  });

  it('keeps the dialog open with the error key, and clears it on the next try', () => {
    const { close, request } = setup();
    request.send(throwError(() => 'CONFLICT'));
    expect(close).not.toHaveBeenCalled();
    expect(request.busy()).toBe(false);
    expect(request.errorKey()).toBe('errors.CONFLICT');
    const again = new Subject<string>();
    request.send(again);
    expect(request.errorKey()).toBeNull();
  });

  it('sends nothing while a request is still under way (a double click)', () => {
    const { request } = setup();
    const first = new Subject<string>();
    const second = new Subject<string>();
    request.send(first);
    request.send(second);
    expect(second.observed).toBe(false);
  });
});
