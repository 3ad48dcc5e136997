import { MailSink } from '@allmende/e2e-support';
import { DOCUMENT_MAX_BYTES, type ApiErrorBody, type MeetingDetailDto, type MeetingDocumentDto } from '@allmende/contracts';
import { DocumentMailingJob } from '../src/modules/meetings/document-mailing.job';
import { seedDemoData } from '../src/database/seed/seed-demo-data';
import { createPeople } from './support/accounts';
import { api, login } from './support/http';
import { startAppOn, startTestApp, TestApp } from './support/test-app';

const inDays = (days: number, hourUtc = 16) => new Date(Date.now() + days * 86_400_000).toISOString().replace(/T.*/, `T${String(hourUtc).padStart(2, '0')}:00:00.000Z`);
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('Beschlussvorlage Zukunftsplan\n%%EOF\n')]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);

async function upload(url: string, meetingId: string, token: string, filename: string, content: Buffer, agendaItemId?: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  if (agendaItemId) form.append('agendaItemId', agendaItemId);
  const res = await fetch(`${url}/api/meetings/${meetingId}/documents`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as MeetingDocumentDto & ApiErrorBody };
}

describe('meeting documents', () => {
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
      body: { kind: 'workshop', title: 'Werkstattgespräch Handwerk', startsAt: inDays(5), endsAt: inDays(5, 18), ...body },
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  const people = (n: number, prefix: string) => createPeople(t, n, prefix);

  it('the office attaches PDF and office files to a meeting or an agenda item; type and size are checked', async () => {
    const meeting = await createMeeting({});
    const agenda = await api<{ id: string }[]>(t.url, 'POST', `/api/meetings/${meeting.id}/agenda`, { token: office, body: { title: 'Beschlussvorlage' } });
    const itemId = agenda.body[0].id;

    const pdf = await upload(t.url, meeting.id, office, 'Entscheidungspapier Übersicht.pdf', PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ filename: 'Entscheidungspapier Übersicht.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, agendaItemId: null });
    const docx = await upload(t.url, meeting.id, office, 'Protokoll.docx', DOCX, itemId);
    expect(docx.status).toBe(201);
    expect(docx.body.agendaItemId).toBe(itemId);

    // a program renamed to .pdf, an unknown extension, a file that is too large, no file at all
    const fake = await upload(t.url, meeting.id, office, 'rechnung.pdf', Buffer.from('MZ\x90\x00 not a pdf'));
    expect([fake.status, fake.body.code]).toEqual([400, 'DOCUMENT_TYPE_NOT_ALLOWED']);
    const exe = await upload(t.url, meeting.id, office, 'tool.exe', PDF);
    expect([exe.status, exe.body.code]).toEqual([400, 'DOCUMENT_TYPE_NOT_ALLOWED']);
    const huge = await upload(t.url, meeting.id, office, 'gross.pdf', Buffer.concat([PDF, Buffer.alloc(DOCUMENT_MAX_BYTES)]));
    expect([huge.status, huge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const none = await fetch(`${t.url}/api/meetings/${meeting.id}/documents`, { method: 'POST', headers: { authorization: `Bearer ${office}` }, body: new FormData() });
    expect(none.status).toBe(400);
    // an agenda item of another meeting
    const other = await createMeeting({ title: 'Anderes Treffen' });
    const foreign = await upload(t.url, other.id, office, 'x.pdf', PDF, itemId);
    expect([foreign.status, foreign.body.code]).toEqual([400, 'UNKNOWN_AGENDA_ITEM']);
    // a member who does not run the meeting may not attach
    expect((await upload(t.url, meeting.id, member, 'x.pdf', PDF)).status).toBe(403);

    const detail = await api<MeetingDetailDto>(t.url, 'GET', `/api/meetings/${meeting.id}`, { token: member });
    expect(detail.body.documents.map((d) => d.filename)).toEqual(['Entscheidungspapier Übersicht.pdf', 'Protokoll.docx']);
    expect(new Date(meeting.startsAt).getTime() - new Date(detail.body.documentsMailDueAt).getTime()).toBe(7 * 86_400_000);

    const file = await fetch(`${t.url}/api/meetings/${meeting.id}/documents/${pdf.body.id}`, { headers: { authorization: `Bearer ${member}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    // members-only meeting: anonymous visitors get nothing
    expect((await fetch(`${t.url}/api/meetings/${meeting.id}/documents/${pdf.body.id}`)).status).toBe(404);
    expect((await api(t.url, 'GET', `/api/meetings/${meeting.id}/documents`)).status).toBe(404);

    expect((await api(t.url, 'DELETE', `/api/meetings/${meeting.id}/documents/${docx.body.id}`, { token: member })).status).toBe(403);
    expect((await api(t.url, 'DELETE', `/api/meetings/${meeting.id}/documents/${docx.body.id}`, { token: office })).status).toBe(204);
    expect((await api(t.url, 'DELETE', `/api/meetings/${meeting.id}/documents/${docx.body.id}`, { token: office })).status).toBe(404);
    const list = await api<MeetingDocumentDto[]>(t.url, 'GET', `/api/meetings/${meeting.id}/documents`, { token: member });
    expect(list.body.map((d) => d.id)).toEqual([pdf.body.id]);
  });

  it('a mail interrupted by a crash is not sent again; cancelled meetings send nothing', async () => {
    const meeting = await createMeeting({ title: 'Unterbrochener Versand' });
    await upload(t.url, meeting.id, office, 'Vorlage.pdf', PDF);
    const [p, q] = await people(2, 'crash');
    for (const x of [p, q]) await api(t.url, 'POST', `/api/meetings/${meeting.id}/registrations`, { token: x.token });
    // p's mail was claimed by a process that then died
    await t.ds.query(
      `INSERT INTO meeting_document_mailing (meeting_id, registration_id, attempts, claimed_at)
       SELECT meeting_id, id, 1, now() - interval '1 hour' FROM meeting_registration WHERE meeting_id = $1 AND person_id = $2`,
      [meeting.id, p.id],
    );
    expect(await t.app.get(DocumentMailingJob).runOnce()).toBe(1);
    await sink.waitFor(q.email, /Unterlagen/);
    expect(sink.mails.some((m) => m.to.includes(p.email) && /Unterlagen/.test(m.subject))).toBe(false);
    const [row] = await t.ds.query(`SELECT status FROM meeting_document_mailing WHERE meeting_id = $1 AND registration_id = (SELECT id FROM meeting_registration WHERE person_id = $2 AND meeting_id = $1)`, [meeting.id, p.id]);
    expect(row.status).toBe('abandoned');

    const cancelled = await createMeeting({ title: 'Abgesagt mit Unterlagen' });
    await upload(t.url, cancelled.id, office, 'Vorlage.pdf', PDF);
    await api(t.url, 'POST', `/api/meetings/${cancelled.id}/registrations`, { token: p.token });
    await api(t.url, 'POST', `/api/meetings/${cancelled.id}/cancel`, { token: office, body: { reason: 'Raum nicht verfügbar' } });
    expect(await t.app.get(DocumentMailingJob).runOnce()).toBe(0);
  });
  // last: passport keeps its strategies per process, so the second app's close leaves the first without one
  it('mails the documents seven days before to every registered participant, once, across runs and restarts', async () => {
    const soon = await createMeeting({ title: 'Plattformtreffen mit Unterlagen', capacity: 2 });
    const later = await createMeeting({ title: 'Treffen in zehn Tagen', startsAt: inDays(10), endsAt: inDays(10, 18) });
    await upload(t.url, soon.id, office, 'Vorlage.pdf', PDF);
    await upload(t.url, later.id, office, 'Vorlage.pdf', PDF);
    const [a, b, c, d] = await people(4, 'docmail');
    for (const p of [a, b, c]) await api(t.url, 'POST', `/api/meetings/${soon.id}/registrations`, { token: p.token }); // c waits
    await api(t.url, 'POST', `/api/meetings/${later.id}/registrations`, { token: d.token });

    const job = t.app.get(DocumentMailingJob);
    expect(await job.runOnce()).toBe(2);
    for (const p of [a, b]) {
      const mail = await sink.waitFor(p.email, /Unterlagen/);
      expect(mail.attachments).toEqual([expect.objectContaining({ filename: 'Vorlage.pdf', contentType: 'application/pdf' })]);
      expect(mail.attachments[0].content.equals(PDF)).toBe(true);
    }
    // concurrent runs share one; a second run sends nothing
    expect(await Promise.all([job.runOnce(), job.runOnce()])).toEqual([0, 0]);

    // a restart (another app on the same database, its own timer running) sends nothing twice,
    // but mails the person who moved up from the waiting list
    await api(t.url, 'DELETE', `/api/meetings/${soon.id}/registrations/me`, { token: a.token });
    const restarted = await startAppOn(t.databaseUrl, { ...sink.env(), JOB_INTERVAL_MS: '200' });
    try {
      await sink.waitFor(c.email, /Unterlagen/);
      await new Promise((r) => setTimeout(r, 600));
    } finally {
      await restarted.close();
    }
    const docMails = sink.mails.filter((m) => /Unterlagen: Plattformtreffen mit Unterlagen/.test(m.subject));
    expect(docMails.map((m) => m.to[0]).sort()).toEqual([a.email, b.email, c.email].sort());
    // the meeting in ten days is not due yet
    expect(sink.mails.some((m) => m.to.includes(d.email) && /Unterlagen/.test(m.subject))).toBe(false);
    const rows = await t.ds.query(`SELECT status FROM meeting_document_mailing WHERE meeting_id = $1`, [soon.id]);
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

});
