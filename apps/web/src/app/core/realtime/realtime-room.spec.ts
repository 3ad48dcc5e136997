import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { fakeIo } from '../../../testing/fake-io';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../auth/auth-store';
import { RealtimeRoom } from './realtime-room';
import { SharedRealtime } from './shared-realtime';

const { sockets, calls: ioCalls } = fakeIo;
jest.mock('socket.io-client', () => jest.requireActual<typeof import('../../../testing/fake-io')>('../../../testing/fake-io').fakeIoModule());

describe('RealtimeRoom', () => {
  let auth: AuthStore;
  let realtime: SharedRealtime;
  let room: RealtimeRoom;

  beforeEach(() => {
    fakeIo.reset();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthStore);
    auth.setMe(meFixture());
    jest.spyOn(auth, 'accessToken').mockReturnValue('token-1');
    realtime = TestBed.inject(SharedRealtime);
    room = new RealtimeRoom(realtime, 'board');
  });

  it('joins on the shared connection, with the access token in the handshake and an acknowledgement', async () => {
    await room.join('b-1');
    expect(sockets).toHaveLength(1);
    const options = ioCalls[0][0] as { path: string; auth: (cb: (data: object) => void) => void };
    expect(options.path).toBe('/socket.io');
    let handshake: object | null = null;
    options.auth((data) => (handshake = data));
    expect(handshake).toEqual({ token: 'token-1' });
    expect(room.state()).toBe('connecting');

    sockets[0].fire('connect');
    expect(sockets[0].emitted).toContainEqual(['board:join', 'b-1']);
    expect(room.state()).toBe('live');
    expect(room.current).toBe('b-1');
  });

  it('shares the connection with every other room and feature', async () => {
    const other = new RealtimeRoom(realtime, 'meeting');
    await Promise.all([room.join('b-1'), other.join('m-1')]);
    sockets[0].fire('connect');
    expect(sockets).toHaveLength(1);
    expect(sockets[0].emitted).toEqual([
      ['board:join', 'b-1'],
      ['meeting:join', 'm-1'],
    ]);
  });

  it('reports a room the server refuses, and refuses itself when nobody is signed in', async () => {
    await room.join('b-1');
    sockets[0].joinAnswer = { ok: false, error: 'FORBIDDEN' };
    sockets[0].fire('connect');
    expect(room.state()).toBe('refused');

    auth.clear();
    TestBed.tick();
    const signedOut = new RealtimeRoom(realtime, 'meeting');
    await signedOut.join('m-1');
    expect(signedOut.state()).toBe('refused');
  });

  it('joins again after a reconnect and asks the page to reload what it missed', async () => {
    await room.join('b-1');
    let rejoins = 0;
    room.rejoined$.subscribe(() => rejoins++);
    sockets[0].fire('connect');
    expect(rejoins).toBe(0);
    sockets[0].fire('disconnect');
    expect(room.state()).toBe('offline');
    sockets[0].fire('connect');
    expect(sockets[0].emitted.filter(([event]) => event === 'board:join')).toHaveLength(2);
    expect(rejoins).toBe(1);
    expect(room.state()).toBe('live');
  });

  it('leaves one room for another, and leaves the room but not the connection when the page goes', async () => {
    await room.join('b-1');
    sockets[0].fire('connect');
    await room.join('b-2');
    expect(sockets[0].emitted).toContainEqual(['board:leave', 'b-1']);
    expect(sockets[0].emitted).toContainEqual(['board:join', 'b-2']);

    room.destroy();
    expect(sockets[0].emitted).toContainEqual(['board:leave', 'b-2']);
    expect(room.state()).toBe('idle');
    expect(sockets[0].connected).toBe(true);
    // a later reconnect does not bring the page's room back
    sockets[0].fire('disconnect');
    sockets[0].fire('connect');
    expect(sockets[0].emitted.filter(([event]) => event === 'board:join')).toHaveLength(2);
  });
});
