import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { BoardChangesPayload } from '@allmende/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { fakeIo } from '../../../testing/fake-io';
import { meFixture } from '../../../testing/me-fixture';
import { BoardSocket } from './board-socket';

const { sockets } = fakeIo;
jest.mock('socket.io-client', () => jest.requireActual<typeof import('../../../testing/fake-io')>('../../../testing/fake-io').fakeIoModule());

const BOARD = 'b-1';
const changes = (boardId: string): BoardChangesPayload => ({ boardId, cards: [], removed: ['x'] });

describe('BoardSocket', () => {
  let service: BoardSocket;

  beforeEach(() => {
    fakeIo.reset();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), BoardSocket] });
    TestBed.inject(AuthStore).setMe(meFixture());
    service = TestBed.inject(BoardSocket);
  });

  it("joins the board's room and passes on the changes of that board only", async () => {
    await service.join(BOARD);
    sockets[0].fire('connect');
    expect(sockets[0].emitted).toContainEqual(['board:join', BOARD]);
    expect(service.state()).toBe('live');
    const seen: string[] = [];
    service.changes$.subscribe((p) => seen.push(p.boardId));
    sockets[0].fire('board:changes', changes(BOARD));
    sockets[0].fire('board:changes', changes('another board'));
    expect(seen).toEqual([BOARD]);
  });

  it('passes nothing on once the page has left the room', async () => {
    await service.join(BOARD);
    sockets[0].fire('connect');
    const seen: string[] = [];
    service.changes$.subscribe((p) => seen.push(p.boardId));
    service.ngOnDestroy();
    expect(sockets[0].emitted).toContainEqual(['board:leave', BOARD]);
    sockets[0].fire('board:changes', changes(BOARD));
    expect(seen).toEqual([]);
  });
});
