import { TestBed } from '@angular/core/testing';
import type { PollDto } from '@allmende/contracts';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { AuthStore } from '../../core/auth/auth-store';
import { meFixture } from '../../../testing/me-fixture';
import { MeetingSocket, SharedPoll } from './meeting-socket';
import { fakeIo } from '../../../testing/fake-io';

const { sockets } = fakeIo;
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
    TestBed.inject(AuthStore).setMe(meFixture());
    service = TestBed.inject(MeetingSocket);
  });

  it("joins the meeting's room and passes on the events of that meeting only", async () => {
    await service.join(MEETING);
    sockets[0].fire('connect');
    expect(sockets[0].emitted).toContainEqual(['meeting:join', MEETING]);
    expect(service.state()).toBe('live');
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

  it('reports a refused room, and leaves the room when the page goes', async () => {
    await service.join(MEETING);
    sockets[0].joinAnswer = { ok: false, error: 'FORBIDDEN' };
    sockets[0].fire('connect');
    expect(service.state()).toBe('refused');

    service.ngOnDestroy();
    expect(service.state()).toBe('idle');
  });
});
