import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { BoardChangesPayload } from '@allmende/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { RealtimeConnection } from '../../core/realtime/realtime-connection';
import { BoardSocket } from './board-socket';
import { fakeIo } from '../../../testing/fake-io';

const { sockets, calls: ioCalls } = fakeIo;
jest.mock('socket.io-client', () => jest.requireActual<typeof import('../../../testing/fake-io')>('../../../testing/fake-io').fakeIoModule());

const BOARD = 'b-1';
const changes = (boardId: string): BoardChangesPayload => ({ boardId, cards: [], removed: ['x'] });

describe('BoardSocket', () => {
  let service: BoardSocket;

  beforeEach(() => {
    fakeIo.reset();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), RealtimeConnection, BoardSocket] });
    jest.spyOn(TestBed.inject(AuthStore), 'accessToken').mockReturnValue('token-1');
    service = TestBed.inject(BoardSocket);
  });

  it('connects with the access token and joins the board room with an ack', async () => {
    await service.join(BOARD);
    expect(sockets).toHaveLength(1);
    const options = ioCalls[0][0] as { path: string; auth: (cb: (data: object) => void) => void };
    expect(options.path).toBe('/socket.io');
    let auth: object | null = null;
    options.auth((data) => (auth = data));
    expect(auth).toEqual({ token: 'token-1' });
    expect(service.state()).toBe('connecting');

    sockets[0].fire('connect');
    expect(sockets[0].emitted).toContainEqual(['board:join', BOARD]);
    expect(service.state()).toBe('live');
  });

  it('passes on the changes of its board only', async () => {
    await service.join(BOARD);
    sockets[0].fire('connect');
    const seen: string[] = [];
    service.changes$.subscribe((p) => seen.push(p.boardId));
    sockets[0].fire('board:changes', changes(BOARD));
    sockets[0].fire('board:changes', changes('another board'));
    expect(seen).toEqual([BOARD]);
  });

  it('reports a refused room (readers) without live updates', async () => {
    await service.join(BOARD);
    sockets[0].joinAnswer = { ok: false, error: 'FORBIDDEN' };
    sockets[0].fire('connect');
    expect(service.state()).toBe('refused');
  });

  it('joins again after a reconnect and asks the page to reload', async () => {
    await service.join(BOARD);
    const rejoins: number[] = [];
    service.rejoined$.subscribe(() => rejoins.push(1));
    sockets[0].fire('connect');
    sockets[0].fire('disconnect');
    expect(service.state()).toBe('offline');
    sockets[0].fire('connect');
    expect(sockets[0].emitted.filter(([event]) => event === 'board:join')).toHaveLength(2);
    expect(rejoins).toHaveLength(1);
    expect(service.state()).toBe('live');
  });

  it('refreshes an expired access token and connects again; gives up after two tries', async () => {
    const auth = TestBed.inject(AuthStore);
    const refresh = jest.spyOn(auth, 'refresh').mockResolvedValue(true);
    await service.join(BOARD);
    const connect = jest.spyOn(sockets[0], 'connect');
    sockets[0].fire('connect_error', new Error('AUTH_INVALID'));
    expect(service.state()).toBe('offline');
    await Promise.resolve();
    await Promise.resolve();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledTimes(1);
    sockets[0].fire('connect_error', new Error('AUTH_INVALID'));
    sockets[0].fire('connect_error', new Error('AUTH_INVALID'));
    expect(service.state()).toBe('refused');
  });

  it('leaves the room when leaving the page, and the other board’s room when switching', async () => {
    await service.join(BOARD);
    sockets[0].fire('connect');
    await service.join('b-2');
    expect(sockets[0].emitted).toContainEqual(['board:leave', BOARD]);
    expect(sockets[0].emitted).toContainEqual(['board:join', 'b-2']);
    expect(sockets).toHaveLength(1);

    service.ngOnDestroy();
    expect(sockets[0].emitted).toContainEqual(['board:leave', 'b-2']);
    expect(sockets[0].connected).toBe(false);
    expect(service.state()).toBe('idle');
  });
});
