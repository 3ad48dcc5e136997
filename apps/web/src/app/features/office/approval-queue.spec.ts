import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MembershipDto, Page } from '@allmende/contracts';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { ApprovalQueue } from './approval-queue';
import { OfficeMember } from './office-api';

const awaiting: MembershipDto = { status: 'interested', awaitingApproval: true, signedVersion: 1, signedAt: '2026-11-20T10:00:00.000Z', confirmationPending: false };

function person(personId: string, displayName: string, organisations: string[] = []): OfficeMember {
  return { personId, displayName, email: `${personId}@allmende.example`, roles: ['member'], organisations, membership: awaiting };
}

const QUEUE: Page<OfficeMember> = {
  items: [
    person('a1', 'Karl Lindemann', ['Modehaus Lindemann']),
    person('a2', 'Sabine Neumann'),
    person('a3', 'Petra Peters', ['Café Peters']),
  ],
  total: 3,
  page: 1,
  pageSize: 100,
};

describe('ApprovalQueue', () => {
  let fixture: ComponentFixture<ApprovalQueue>;
  let http: HttpTestingController;

  const el = () => fixture.nativeElement as HTMLElement;
  const names = () => [...el().querySelectorAll('[data-testid="queue-row"] .person-name')].map((n) => n.textContent?.trim());
  const approveButton = (name: string) =>
    [...el().querySelectorAll<HTMLElement>('[data-testid="queue-row"]')]
      .find((row) => row.querySelector('.person-name')?.textContent?.trim() === name)
      ?.querySelector<HTMLButtonElement>('[data-testid="approve"]');

  function queueRequest(): TestRequest {
    TestBed.tick();
    const request = http.expectOne((req) => req.url === '/api/memberships');
    expect(request.request.method).toBe('GET');
    expect(request.request.params.get('status')).toBe('awaiting_approval');
    return request;
  }

  async function loaded(): Promise<void> {
    queueRequest().flush(QUEUE);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ApprovalQueue],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18nTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ApprovalQueue);
  });

  afterEach(() => http.verify());

  it('lists the persons waiting for approval in a table with headers', async () => {
    await loaded();

    expect(names()).toEqual(['Karl Lindemann', 'Sabine Neumann', 'Petra Peters']);
    const headers = [...el().querySelectorAll('th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Person', 'Organisationen', 'Unterzeichnet', 'Aktionen']);
    expect(el().textContent).toContain('Wartende Unterschriften: 3');
    // the button's accessible name says whom it approves
    expect(approveButton('Petra Peters')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Freigeben: Petra Peters');
  });

  it('approves through the API and removes the person from the list at once', async () => {
    await loaded();

    approveButton('Sabine Neumann')?.click();
    TestBed.tick();
    const request = http.expectOne('/api/memberships/a2/approve');
    expect(request.request.method).toBe('POST');
    expect(approveButton('Sabine Neumann')?.disabled).toBe(true);
    request.flush({ ...awaiting, status: 'signatory', awaitingApproval: false });
    await fixture.whenStable();

    expect(names()).toEqual(['Karl Lindemann', 'Petra Peters']);
    expect(el().textContent).toContain('Wartende Unterschriften: 2');
    expect(el().querySelector('[data-testid="queue-notice"]')?.textContent?.trim()).toBe(
      'Sabine Neumann ist jetzt unterzeichnendes Mitglied.',
    );
    // no reload needed: the list was updated in place
    http.expectNone((req) => req.url === '/api/memberships');
  });

  it('shows the empty state once the last person is approved', async () => {
    queueRequest().flush({ ...QUEUE, items: [QUEUE.items[2]], total: 1 });
    await fixture.whenStable();

    approveButton('Petra Peters')?.click();
    TestBed.tick();
    http.expectOne('/api/memberships/a3/approve').flush({ ...awaiting, status: 'signatory', awaitingApproval: false });
    await fixture.whenStable();

    expect(el().querySelector('[data-testid="queue-empty"]')?.textContent?.trim()).toBe('Keine Unterschriften warten auf Freigabe.');
  });

  it('keeps the row and explains a failure; reloads when someone else already approved', async () => {
    await loaded();

    approveButton('Karl Lindemann')?.click();
    TestBed.tick();
    http
      .expectOne('/api/memberships/a1/approve')
      .flush({ statusCode: 403, code: 'FORBIDDEN', message: 'no', requestId: 'r' }, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();

    expect(names()).toEqual(['Karl Lindemann', 'Sabine Neumann', 'Petra Peters']);
    expect(el().querySelector('[data-testid="queue-notice"]')?.textContent?.trim()).toBe('Dazu fehlt Ihnen die Berechtigung.');
    expect(approveButton('Karl Lindemann')?.disabled).toBe(false);

    approveButton('Karl Lindemann')?.click();
    TestBed.tick();
    http
      .expectOne('/api/memberships/a1/approve')
      .flush({ statusCode: 409, code: 'NOT_AWAITING_APPROVAL', message: 'no', requestId: 'r' }, { status: 409, statusText: 'Conflict' });
    queueRequest().flush({ ...QUEUE, items: QUEUE.items.slice(1), total: 2 });
    await fixture.whenStable();

    expect(names()).toEqual(['Sabine Neumann', 'Petra Peters']);
    expect(el().querySelector('[data-testid="queue-notice"]')?.textContent).toContain('wartet nicht (mehr) auf eine Freigabe');
  });
});
