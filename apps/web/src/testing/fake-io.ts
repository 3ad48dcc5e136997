type Handler = (...args: unknown[]) => void;

/**
 * A stand-in for a socket.io client socket: records handlers and emits, lets the test
 * fire server events, and answers a room join (`…:join`) with `joinAnswer`.
 */
export class FakeIoSocket {
  connected = false;
  readonly handlers = new Map<string, Handler[]>();
  readonly emitted: unknown[][] = [];
  joinAnswer: { ok: boolean; error?: string } = { ok: true };

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  emit(event: string, ...args: unknown[]): this {
    this.emitted.push([event, ...args.filter((a) => typeof a !== 'function')]);
    const ack = args.find((a) => typeof a === 'function') as Handler | undefined;
    if (event.endsWith(':join')) ack?.(this.joinAnswer);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    this.handlers.get(event)?.forEach((h) => h(...args));
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  connect(): this {
    return this;
  }
}

/**
 * What a spec's `jest.mock('socket.io-client', () => fakeIoModule())` hands out: every
 * socket `io()` made, and the arguments of each call. `reset()` in a `beforeEach`.
 */
export const fakeIo = {
  sockets: [] as FakeIoSocket[],
  calls: [] as unknown[][],
  reset(): void {
    fakeIo.sockets.length = 0;
    fakeIo.calls.length = 0;
  },
};

export function fakeIoModule() {
  return {
    io: (...args: unknown[]) => {
      fakeIo.calls.push(args);
      const socket = new FakeIoSocket();
      fakeIo.sockets.push(socket);
      return socket;
    },
  };
}
