import { MailSink, tokenFromMail } from '@allmende/e2e-support';
import {
  SOCKET_PATH,
  type ApiErrorBody,
  type CheckInListEntryDto,
  type ClientToServerEvents,
  type MeetingDetailDto,
  type PollDto,
  type RegistrationResponse,
  type ServerToClientEvents,
  type SmallGroupDto,
} from '@allmende/contracts';
import ICAL from 'ical.js';
import { io, Socket } from 'socket.io-client';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { createPeople } from './support/accounts';
import { api, login } from './support/http';
import { startTestApp, TestApp } from './support/test-app';

const inDays = (days: number, hourUtc = 16) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
};

describe('meetings', () => {
  let t: TestApp;
  let sink: MailSink;
  let office: string;
  let member: string;

  beforeAll(async () => {
    sink = await new MailSink().start();
    t = await startTestApp(sink.env());
    await seedDemoData(t.ds, 'allmende-demo');
    office = (await login(t.url, 'office@allmende.example')).token;
    member = (await login(t.url, 'member@allmende.example')).token;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.stop();
  });

  const createMeeting = async (body: Record<string, unknown>) => {
    const res = await api<MeetingDetailDto>(t.url, 'POST', '/api/meetings', {
      token: office,
      body: { kind: 'workshop', title: 'Werkstattgespräch', startsAt: inDays(10), endsAt: inDays(10, 18), ...body },
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  const people = (n: number, prefix: string) => createPeople(t, n, prefix);

  it('numbers plenary meetings automatically', async () => {
    const a = await createMeeting({ kind: 'plenary', title: 'Plattformtreffen' });
    const b = await createMeeting({ kind: 'plenary', title: 'Plattformtreffen' });
    expect(b.seriesNumber).toBe((a.seriesNumber ?? 0) + 1);
  });

  it('50 concurrent registrations for 10 seats: exactly 10 registered, 40 waitlisted in order; a cancellation promotes the first and mails them', async () => {
    const meeting = await createMeeting({ capacity: 10, title: 'Begrenzte Plätze' });
    const crowd = await people(50, 'crowd');
    const results = await Promise.all(
      crowd.map((p) => api<RegistrationResponse>(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: p.token })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => r.body.status === 'registered')).toHaveLength(10);
    const waiting = results.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.waitlistPosition);
    expect(waiting.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const [{ registered }] = await t.ds.query(`SELECT count(*)::int AS registered FROM meeting_registration WHERE meeting_id = $1 AND status = 'registered'`, [meeting.id]);
    expect(registered).toBe(10);

    // the first on the waiting list is the one with position 1
    const firstWaiting = crowd[results.findIndex((r) => r.body.waitlistPosition === 1)];
    const leaver = crowd[results.findIndex((r) => r.body.status === 'registered')];
    expect((await api(t.url, 'DELETE', `/api/meetings/${meeting.id}/registrations/me`, { token: leaver.token })).status).toBe(204);
    const after = await api<MeetingDetailDto>(t.url, 'GET', `/api/meetings/${meeting.id}`, { token: firstWaiting.token });
    expect(after.body.myStatus).toBe('registered');
    expect(after.body.registeredCount).toBe(10);
    expect(after.body.waitlistCount).toBe(39);
    const mail = await sink.waitFor(firstWaiting.email, /Platz frei/);
    expect(mail.text).toContain('Begrenzte Plätze');
    // registering again answers the same, and does not add a row
    const again = await api<RegistrationResponse>(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: firstWaiting.token });
    expect(again.body.status).toBe('registered');
  });

  it('serves a valid .ics with the times in Europe/Berlin', async () => {
    const meeting = await createMeeting({ title: 'Winter-Treffen', startsAt: '2030-01-15T17:00:00.000Z', endsAt: '2030-01-15T19:30:00.000Z', venueAddress: 'Ernst-Wilczok-Platz 1, Bottrop' });
    const res = await fetch(`${t.url}/api/meetings/${meeting.id}/ics`, { headers: { authorization: `Bearer ${member}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    const component = new ICAL.Component(ICAL.parse(text));
    const vtimezone = component.getFirstSubcomponent('vtimezone');
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    const event = new ICAL.Event(component.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Winter-Treffen');
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect([event.startDate.hour, event.startDate.minute]).toEqual([18, 0]); // 17:00 UTC is 18:00 in Berlin in winter
    expect(event.endDate.hour).toBe(20);
    expect(text).toMatch(/DTSTART;TZID=Europe\/Berlin:20300115T180000/);
  });

  it('an outsider registers for a conference, confirms from the mail and appears in the check-in list', async () => {
    const conference = await createMeeting({ kind: 'conference', title: 'Fachtagung Lokale Wirtschaft', capacity: 100 });
    const anon = await api(t.url, 'GET', `/api/meetings/${conference.id}`);
    expect(anon.status).toBe(200);
    const reg = await api(t.url, 'POST', `/api/meetings/${conference.id}/guest-registrations`, {
      body: { name: 'Gisela Gast', email: 'gisela@example.net', organisation: 'Stadt Gladbeck', consent: true },
    });
    expect(reg.status).toBe(202);
    const noConsent = await api<ApiErrorBody>(t.url, 'POST', `/api/meetings/${conference.id}/guest-registrations`, {
      body: { name: 'Ohne', email: 'ohne@example.net', consent: false },
    });
    expect(noConsent.body.code).toBe('VALIDATION_FAILED');
    let list = await api<CheckInListEntryDto[]>(t.url, 'GET', `/api/meetings/${conference.id}/check-ins`, { token: office });
    expect(list.body.find((e) => e.name === 'Gisela Gast')).toBeUndefined();

    const mail = await sink.waitFor('gisela@example.net', /bestätigen/);
    const confirmed = await api<RegistrationResponse>(t.url, 'POST', '/api/meeting-registrations/confirm', { body: { token: tokenFromMail(mail) } });
    expect(confirmed.body.status).toBe('registered');
    list = await api<CheckInListEntryDto[]>(t.url, 'GET', `/api/meetings/${conference.id}/check-ins?q=gisela`, { token: office });
    expect(list.body).toEqual([expect.objectContaining({ name: 'Gisela Gast', guest: true, checkedInAt: null })]);
    const confirmation = await sink.waitFor('gisela@example.net', /bestätigt/);
    expect(confirmation.text).toContain('/cancel?token=');
    // the check-in code comes as a QR image too
    const [qr] = confirmation.attachments;
    expect(qr.contentType).toBe('image/png');
    expect(qr.content.subarray(1, 4).toString()).toBe('PNG');
    expect(confirmation.text).toContain(qr.filename.replace(/^check-in-|\.png$/g, ''));
    // a member may not see the check-in list
    expect((await api(t.url, 'GET', `/api/meetings/${conference.id}/check-ins`, { token: member })).status).toBe(403);
    // the public conference feed lists it
    expect(await (await fetch(`${t.url}/api/calendar/conferences.ics`)).text()).toContain('Fachtagung Lokale Wirtschaft');
  });

  it('check-in by code records attendance once; dot voting cannot exceed the dots even concurrently; results reach the room live', async () => {
    const meeting = await createMeeting({ kind: 'plenary', title: 'Plattformtreffen mit Punktabfrage' });
    const [voter] = await people(1, 'voter');
    await api(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: voter.token });
    const mine = await api<MeetingDetailDto>(t.url, 'GET', `/api/meetings/${meeting.id}`, { token: voter.token });
    const code = mine.body.myCheckInCode!;
    const checked = await api<CheckInListEntryDto>(t.url, 'POST', `/api/meetings/${meeting.id}/check-ins`, { token: office, body: { code: code.toLowerCase() } });
    expect(checked.status).toBe(201);
    expect(checked.body.checkedInAt).not.toBeNull();
    await api(t.url, 'POST', `/api/meetings/${meeting.id}/check-ins`, { token: office, body: { code } });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM participation_event WHERE kind = 'meeting_attended' AND subject_id = $1`, [meeting.id]);
    expect(n).toBe(1);
    const unknown = await api<ApiErrorBody>(t.url, 'POST', `/api/meetings/${meeting.id}/check-ins`, { token: office, body: { code: 'NICHTDA' } });
    expect(unknown.body.code).toBe('UNKNOWN_CHECK_IN_CODE');

    const opened = await api<PollDto>(t.url, 'POST', `/api/meetings/${meeting.id}/polls`, {
      token: office,
      body: { question: 'Welche Maßnahme zuerst?', options: ['Lastenrad', 'Leerstand', 'Ausbildung'], dotsPerPerson: 3 },
    });
    expect(opened.status).toBe(201);
    const poll = opened.body;

    // the moderator watches the room
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(t.url, { path: SOCKET_PATH, auth: { token: office }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((res, rej) => {
      socket.once('connect', () => res());
      socket.once('connect_error', rej);
    });
    expect(await socket.emitWithAck('meeting:join', meeting.id)).toEqual({ ok: true });
    const live = new Promise<PollDto>((resolve) => socket.on('poll:updated', (p) => p.voters === 1 && resolve(p as PollDto)));

    // a member who is not checked in may not vote; a non-registered member may not join the room
    const notIn = await api<ApiErrorBody>(t.url, 'POST', `/api/polls/${poll.id}/dots`, { token: member, body: { dots: { [poll.options[0].id]: 1 } } });
    expect(notIn.body.code).toBe('NOT_CHECKED_IN');

    const [a, b, c] = poll.options.map((o) => o.id);
    const attempts = await Promise.all([
      api<PollDto>(t.url, 'POST', `/api/polls/${poll.id}/dots`, { token: voter.token, body: { dots: { [a]: 3 } } }),
      api<PollDto>(t.url, 'POST', `/api/polls/${poll.id}/dots`, { token: voter.token, body: { dots: { [b]: 2, [c]: 1 } } }),
      api<PollDto>(t.url, 'POST', `/api/polls/${poll.id}/dots`, { token: voter.token, body: { dots: { [a]: 2, [b]: 2 } } }),
    ]);
    expect(attempts.map((r) => r.status).sort()).toEqual([200, 200, 409]);
    const [{ total }] = await t.ds.query(`SELECT coalesce(sum(dots), 0)::int AS total FROM poll_vote WHERE poll_id = $1`, [poll.id]);
    expect(total).toBe(3);

    const update = await live;
    expect(update.options.reduce((s, o) => s + o.dots, 0)).toBe(3);
    socket.close();

    const closed = await api<PollDto>(t.url, 'POST', `/api/polls/${poll.id}/close`, {
      token: office,
      body: { decision: { text: 'Das Lastenrad-Projekt beginnt zuerst.', participationLevel: 'co_decide', outcome: 'angenommen' } },
    });
    expect(closed.body.status).toBe('closed');
    const late = await api<ApiErrorBody>(t.url, 'POST', `/api/polls/${poll.id}/dots`, { token: voter.token, body: { dots: { [a]: 1 } } });
    expect(late.body.code).toBe('POLL_CLOSED');
    const decisions = await api<{ method: string; pollId: string }[]>(t.url, 'GET', `/api/meetings/${meeting.id}/decisions`, { token: member });
    expect(decisions.body).toEqual([expect.objectContaining({ method: 'dot_voting', pollId: poll.id })]);
  });

  it('hides members-only meetings from anonymous visitors and validates input', async () => {
    const internal = await createMeeting({ title: 'Nur für Mitglieder' });
    expect((await api(t.url, 'GET', `/api/meetings/${internal.id}`)).status).toBe(404);
    const badTimes = await api<ApiErrorBody>(t.url, 'POST', '/api/meetings', {
      token: office,
      body: { kind: 'workshop', title: 'Rückwärts', startsAt: inDays(5, 18), endsAt: inDays(5, 16) },
    });
    expect(badTimes.body.code).toBe('INVALID_MEETING_TIMES');
    const memberCreates = await api(t.url, 'POST', '/api/meetings', { token: member, body: { kind: 'plenary', title: 'Selbst', startsAt: inDays(5), endsAt: inDays(5, 18) } });
    expect(memberCreates.status).toBe(403);
    const past = await createMeeting({ title: 'Vorbei', startsAt: inDays(-3), endsAt: inDays(-3, 18) });
    const late = await api<ApiErrorBody>(t.url, 'POST', `/api/meetings/${past.id}/registrations`, { token: member });
    expect(late.body.code).toBe('REGISTRATION_CLOSED');
  });

  it('offers a personal calendar feed that can be revoked', async () => {
    const meeting = await createMeeting({ title: 'In meinem Kalender' });
    await api(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: member });
    const feed = await api<{ url: string }>(t.url, 'POST', '/api/me/calendar-feed', { token: member });
    const path = new URL(feed.body.url).pathname;
    const ics = await fetch(`${t.url}${path}`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('In meinem Kalender');
    expect((await api(t.url, 'DELETE', '/api/me/calendar-feed', { token: member })).status).toBe(204);
    expect((await fetch(`${t.url}${path}`)).status).toBe(404);
  });

  it('small groups: the office forms and fills them, members edit their own group’s note, the room hears of changes', async () => {
    const meeting = await createMeeting({ kind: 'plenary', title: 'Plattformtreffen mit Kleingruppen' });
    const crowd = await people(5, 'small');
    for (const p of crowd) await api(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: p.token });
    const list = await api<CheckInListEntryDto[]>(t.url, 'GET', `/api/meetings/${meeting.id}/check-ins`, { token: office });
    const regOf = (email: string) => list.body.find((e) => e.name === `Person ${email.replace(/^small(\d+)@.*$/, '$1')}`)!.registrationId;
    for (const p of crowd.slice(0, 4)) await api(t.url, 'POST', `/api/meetings/${meeting.id}/check-ins`, { token: office, body: { registrationId: regOf(p.email) } });

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(t.url, { path: SOCKET_PATH, auth: { token: office }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((res, rej) => {
      socket.once('connect', () => res());
      socket.once('connect_error', rej);
    });
    await socket.emitWithAck('meeting:join', meeting.id);
    const heard = new Promise((resolve) => socket.once('meeting:small-groups', resolve));

    // a member may not form groups; the office distributes the four checked-in attendees over two groups
    expect((await api(t.url, 'POST', `/api/meetings/${meeting.id}/small-groups`, { token: crowd[0].token, body: { name: 'Eigene' } })).status).toBe(403);
    const spread = await api<SmallGroupDto[]>(t.url, 'POST', `/api/meetings/${meeting.id}/small-groups/distribute`, { token: office, body: { count: 2 } });
    expect(spread.status).toBe(200);
    expect(spread.body.map((g) => [g.name, g.members.length])).toEqual([['Gruppe 1', 2], ['Gruppe 2', 2]]);
    await expect(heard).resolves.toEqual({ meetingId: meeting.id });
    socket.close();
    const again = await api<ApiErrorBody>(t.url, 'POST', `/api/meetings/${meeting.id}/small-groups/distribute`, { token: office, body: { count: 2 } });
    expect(again.body.code).toBe('NO_CHECKED_IN_ATTENDEES');

    // moving someone into a new group takes them out of their old one
    const created = await api<SmallGroupDto[]>(t.url, 'POST', `/api/meetings/${meeting.id}/small-groups`, { token: office, body: { name: 'Leerstand' } });
    const leerstand = created.body.find((g) => g.name === 'Leerstand')!;
    const moved = spread.body[0].members[0].registrationId;
    const set = await api<SmallGroupDto[]>(t.url, 'PUT', `/api/meetings/${meeting.id}/small-groups/${leerstand.id}/members`, {
      token: office,
      body: { registrationIds: [moved, regOf(crowd[4].email)] },
    });
    expect(set.body.map((g) => g.members.length)).toEqual([1, 2, 2]);
    const foreign = await api<ApiErrorBody>(t.url, 'PUT', `/api/meetings/${meeting.id}/small-groups/${leerstand.id}/members`, {
      token: office,
      body: { registrationIds: [list.body[0].registrationId, '00000000-0000-4000-8000-000000000000'] },
    });
    expect(foreign.body.code).toBe('UNKNOWN_REGISTRATION');

    // a member edits the note of their own group, not of another, and may not rename it
    const person = crowd[4];
    const mine = await api<SmallGroupDto[]>(t.url, 'GET', `/api/meetings/${meeting.id}/small-groups`, { token: person.token });
    expect(mine.body.find((g) => g.id === leerstand.id)!.canEditNote).toBe(true);
    expect(mine.body.filter((g) => g.canEditNote)).toHaveLength(1);
    const note = await api<SmallGroupDto[]>(t.url, 'PUT', `/api/meetings/${meeting.id}/small-groups/${leerstand.id}`, { token: person.token, body: { note: 'Leerstandskataster mit der Stadt' } });
    expect(note.status).toBe(200);
    expect(note.body.find((g) => g.id === leerstand.id)).toMatchObject({ note: 'Leerstandskataster mit der Stadt', noteUpdatedAt: expect.any(String) });
    expect((await api(t.url, 'PUT', `/api/meetings/${meeting.id}/small-groups/${spread.body[1].id}`, { token: person.token, body: { note: 'fremd' } })).status).toBe(403);
    expect((await api(t.url, 'PUT', `/api/meetings/${meeting.id}/small-groups/${leerstand.id}`, { token: person.token, body: { name: 'Umbenannt' } })).status).toBe(403);
    expect((await api(t.url, 'DELETE', `/api/meetings/${meeting.id}/small-groups/${leerstand.id}`, { token: office })).status).toBe(204);
    const after = await api<SmallGroupDto[]>(t.url, 'GET', `/api/meetings/${meeting.id}/small-groups`, { token: office });
    expect(after.body).toHaveLength(2);
  });

  it('cancelling a meeting closes registration and mails everybody registered or waiting', async () => {
    const meeting = await createMeeting({ title: 'Wird abgesagt', capacity: 1 });
    const [first, second] = await people(2, 'cancelled');
    await api(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: first.token });
    await api(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: second.token });
    expect((await api(t.url, 'POST', `/api/meetings/${meeting.id}/cancel`, { token: member, body: {} })).status).toBe(403);
    const cancelled = await api<MeetingDetailDto>(t.url, 'POST', `/api/meetings/${meeting.id}/cancel`, { token: office, body: { reason: 'Der Gastgeber ist erkrankt' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ cancelled: true, cancelReason: 'Der Gastgeber ist erkrankt' });
    for (const p of [first, second]) expect((await sink.waitFor(p.email, /Abgesagt/)).text).toContain('Der Gastgeber ist erkrankt');
    expect((await api<ApiErrorBody>(t.url, 'POST', `/api/meetings/${meeting.id}/cancel`, { token: office, body: {} })).body.code).toBe('MEETING_CANCELLED');
    expect((await api<ApiErrorBody>(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: member })).body.code).toBe('REGISTRATION_CLOSED');
  });
});
