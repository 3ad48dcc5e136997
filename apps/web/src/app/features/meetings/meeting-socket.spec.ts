import { TestBed } from '@angular/core/testing';
import type { PollDto } from '@allmende/contracts';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { AuthStore } from '../../core/auth/auth-store';
import { MeetingSocket, SharedPoll } from './meeting-socket';
import { fakeIo } from '../../../testing/fake-io';

const { sockets, calls: ioCalls } = fakeIo;
jest.mock('socket.io-client', () => jest.requireActual<typeof import('../../../testing/fake-io')>('../../../testing/fake-io').fakeIoModule());

const MEETING = 'm-1';
const shared = (meetingId: string): SharedPoll => ({
  id: 'p-1',
  meetingId,
  agendaItemId: null,
  question: 'Was zuerst?',
  dotsPerPerson: 3,
  status: 'open',
  options: [{ id: 'o-1', label: 'A', dots: 2 }],
  voters: 1,
});

describe('MeetingSocket', () => {
  let service: MeetingSocket;

  beforeEach(() => {
    fakeIo.reset();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), MeetingSocket] });
    jest.spyOn(TestBed.inject(AuthStore), 'accessToken').mockReturnValue('token-1');
    service = TestBed.inject(MeetingSocket);
  });

  it('connects once with the access token in the handshake and joins the room', async () => {
    await Promise.all([service.join(MEETING), service.join(MEETING)]);
    expect(sockets).toHaveLength(1);
    const options = ioCalls[0][0] as { path: string; auth: (cb: (data: object) => void) => void };
    expect(options.path).toBe('/socket.io');
    let auth: object | null = null;
    options.auth((data) => (auth = data));
    expect(auth).toEqual({ token: 'token-1' });
    expect(service.state()).toBe('connecting');

    sockets[0].fire('connect');
    expect(sockets[0].emitted).toContainEqual(['meeting:join', MEETING]);
    expect(service.state()).toBe('live');
  });

  it('passes on the events of its meeting only', async () => {
    await service.join(MEETING);
    sockets[0].fire('connect');
    const polls: SharedPoll[] = [];
    const counts: number[] = [];
    let smallGroups = 0;
    service.pollUpdated$.subscribe((p) => polls.push(p));
    service.checkedIn$.subscribe((n) => counts.push(n));
    service.smallGroupsChanged$.subscribe(() => smallGroups++);

    sockets[0].fire('poll:updated', shared(MEETING));
    sockets[0].fire('poll:updated', shared('another meeting'));
    sockets[0].fire('meeting:checked-in', { meetingId: MEETING, count: 7 });
    sockets[0].fire('meeting:checked-in', { meetingId: 'another meeting', count: 99 });
    sockets[0].fire('meeting:small-groups', { meetingId: MEETING });
    sockets[0].fire('meeting:small-groups', { meetingId: 'another meeting' });
    expect(polls.map((p) => p.meetingId)).toEqual([MEETING]);
    expect((polls[0] as Partial<PollDto>).myDots).toBeUndefined();
    expect(counts).toEqual([7]);
    expect(smallGroups).toBe(1);
  });

  it('joins again after a reconnect and asks the page to reload what it missed', async () => {
    await service.join(MEETING);
    const rejoins: number[] = [];
    service.rejoined$.subscribe(() => rejoins.push(1));
    sockets[0].fire('connect');
    expect(rejoins).toHaveLength(0);

    sockets[0].fire('disconnect');
    expect(service.state()).toBe('offline');
    sockets[0].fire('connect');
    expect(sockets[0].emitted.filter(([event]) => event === 'meeting:join')).toHaveLength(2);
    expect(rejoins).toHaveLength(1);
    expect(service.state()).toBe('live');
  });

  it('reports a refused room and closes on disconnect', async () => {
    await service.join(MEETING);
    sockets[0].joinAnswer = { ok: false, error: 'FORBIDDEN' };
    sockets[0].fire('connect');
    expect(service.state()).toBe('refused');

    service.disconnect();
    expect(sockets[0].connected).toBe(false);
    expect(service.state()).toBe('idle');
  });
});
