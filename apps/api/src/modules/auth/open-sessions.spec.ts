import type { DataSource } from 'typeorm';
import { DomainEventBus } from '../../common/domain-events';
import type { AppConfig } from '../../config/app-config';
import { OpenSessions } from './open-sessions';

describe('OpenSessions', () => {
  const openRow = () => [{ roles: ['member'], expires_at: new Date(Date.now() + 60_000) }];

  function setup() {
    const pending: ((rows: unknown[]) => void)[] = [];
    const query = jest.fn(() => new Promise<unknown[]>((resolve) => pending.push(resolve)));
    const events = new DomainEventBus();
    const sessions = new OpenSessions({ query } as unknown as DataSource, events, {} as AppConfig);
    // as if the LISTEN connection were up (remembering is off without it)
    (sessions as unknown as { listener: object }).listener = {};
    return { sessions, events, query, pending };
  }

  it('remembers an open session between checks', async () => {
    const { sessions, query, pending } = setup();
    const first = sessions.check('p-1', 's-1');
    pending[0](openRow());
    expect(await first).toEqual(['member']);
    expect(await sessions.check('p-1', 's-1')).toEqual(['member']);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('does not remember an answer read before the session was revoked', async () => {
    const { sessions, events, query, pending } = setup();
    const inFlight = sessions.check('p-1', 's-1');
    events.emit('sessions.revoked', { sessionIds: ['s-1'] });
    pending[0](openRow()); // read before the revocation committed
    await inFlight;
    const next = sessions.check('p-1', 's-1');
    expect(query).toHaveBeenCalledTimes(2); // asked again
    pending[1]([]);
    expect(await next).toBeNull();
  });
});
