import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { meFixture } from '../../../testing/me-fixture';
import { AuthStore } from '../auth/auth-store';
import { SharedRealtime } from './shared-realtime';
import { fakeIo } from '../../../testing/fake-io';

const { sockets } = fakeIo;
jest.mock('socket.io-client', () => jest.requireActual<typeof import('../../../testing/fake-io')>('../../../testing/fake-io').fakeIoModule());

describe('SharedRealtime', () => {
  let realtime: SharedRealtime;
  let auth: AuthStore;

  beforeEach(() => {
    fakeIo.reset();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    auth = TestBed.inject(AuthStore);
    jest.spyOn(auth, 'accessToken').mockReturnValue('token-1');
    realtime = TestBed.inject(SharedRealtime);
  });

  it('opens one connection for everybody, for signed-in persons only', async () => {
    expect(await realtime.open()).toBeNull();
    expect(sockets).toHaveLength(0);

    auth.setMe(meFixture());
    const [a, b] = await Promise.all([realtime.open(), realtime.open()]);
    expect(a).toBe(b);
    expect(sockets).toHaveLength(1);
    expect(realtime.current()).toBe(a);
  });

  it('hands out server events to any number of subscribers, registering the handler once', async () => {
    auth.setMe(meFixture());
    const seen: string[] = [];
    const first = realtime.on('notification:new').subscribe((p) => seen.push(`a${p.unread}`));
    realtime.on('notification:new').subscribe((p) => seen.push(`b${p.unread}`));
    await realtime.open();
    expect(sockets[0].handlers.get('notification:new')).toHaveLength(1);

    const payload = (unread: number) => ({ notification: { id: 'n', kind: 'mention', text: '', link: '/', createdAt: '', read: false }, unread });
    sockets[0].fire('notification:new', payload(1));
    first.unsubscribe();
    sockets[0].fire('notification:new', payload(2));
    expect(seen).toEqual(['a1', 'b1', 'b2']);
  });

  it('tells about every (re)connect', async () => {
    auth.setMe(meFixture());
    let connects = 0;
    realtime.connected$.subscribe(() => connects++);
    await realtime.open();
    sockets[0].fire('connect');
    sockets[0].fire('disconnect');
    expect(realtime.state()).toBe('offline');
    sockets[0].fire('connect');
    expect(connects).toBe(2);
    expect(realtime.state()).toBe('connected');
  });

  it('refreshes an expired access token and connects again; gives up after two tries', async () => {
    auth.setMe(meFixture());
    const refresh = jest.spyOn(auth, 'refresh').mockResolvedValue(true);
    await realtime.open();
    const connect = jest.spyOn(sockets[0], 'connect');
    sockets[0].fire('connect_error', new Error('AUTH_INVALID'));
    expect(realtime.state()).toBe('offline');
    await Promise.resolve();
    await Promise.resolve();
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledTimes(1);
    sockets[0].fire('connect_error', new Error('AUTH_INVALID'));
    sockets[0].fire('connect_error', new Error('AUTH_INVALID'));
    expect(realtime.state()).toBe('refused');
  });

  it('closes the connection when the session ends', async () => {
    auth.setMe(meFixture());
    await realtime.open();
    sockets[0].fire('connect');
    auth.clear();
    TestBed.tick();
    expect(sockets[0].connected).toBe(false);
    expect(realtime.current()).toBeNull();
    expect(realtime.state()).toBe('idle');
  });
});
