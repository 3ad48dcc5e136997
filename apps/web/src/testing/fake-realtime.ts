import { signal } from '@angular/core';
import type { ServerToClientEvents } from '@allmende/contracts';
import { Observable, Subject } from 'rxjs';
import type { RealtimeState } from '../app/core/realtime/realtime-connection';
import type { ServerEventPayload } from '../app/core/realtime/shared-realtime';

type Ack = (...args: unknown[]) => void;

/** A stand-in for the socket: records what is emitted, answers acks as the test says. */
export class FakeSocket {
  connected = false;
  readonly emitted: unknown[][] = [];
  /** Answers per client event (`thread:join` → the ack's argument); unanswered acks wait in `pendingAcks`. */
  readonly answers = new Map<string, (payload: unknown) => unknown>();
  readonly pendingAcks: { event: string; payload: unknown; ack: Ack }[] = [];

  emit(event: string, ...args: unknown[]): this {
    const ack = args.find((a) => typeof a === 'function') as Ack | undefined;
    const data = args.filter((a) => typeof a !== 'function');
    this.emitted.push([event, ...data]);
    if (ack) {
      const answer = this.answers.get(event);
      if (answer) ack(answer(data[0]));
      else this.pendingAcks.push({ event, payload: data[0], ack });
    }
    return this;
  }

  /** What was emitted as `event` (payloads only). */
  sent(event: string): unknown[] {
    return this.emitted.filter(([e]) => e === event).map(([, payload]) => payload);
  }
}

/** Stands in for SharedRealtime: tests connect, disconnect and push server events by hand. */
export class FakeSharedRealtime {
  readonly socket = new FakeSocket();
  readonly state = signal<RealtimeState>('idle');
  private readonly connects = new Subject<FakeSocket>();
  readonly connected$ = this.connects.asObservable();
  private readonly streams = new Map<string, Subject<unknown>>();
  opened = 0;

  open(): Promise<FakeSocket> {
    this.opened++;
    if (this.state() === 'idle') this.state.set('connecting');
    return Promise.resolve(this.socket);
  }

  current(): FakeSocket | null {
    return this.opened ? this.socket : null;
  }

  on<E extends keyof ServerToClientEvents>(event: E): Observable<ServerEventPayload<E>> {
    return this.stream(event).asObservable() as Observable<ServerEventPayload<E>>;
  }

  /** The server sends `event`. */
  fire<E extends keyof ServerToClientEvents>(event: E, payload: ServerEventPayload<E>): void {
    this.stream(event).next(payload);
  }

  /** The connection comes up (again). */
  connect(): void {
    this.socket.connected = true;
    this.state.set('connected');
    this.connects.next(this.socket);
  }

  disconnect(): void {
    this.socket.connected = false;
    this.state.set('offline');
  }

  private stream(event: string): Subject<unknown> {
    let s = this.streams.get(event);
    if (!s) {
      s = new Subject<unknown>();
      this.streams.set(event, s);
    }
    return s;
  }
}
