import { DOCUMENT_MAX_BYTES, type AgendaItemDto, type MeetingDocumentDto } from '@allmende/contracts';
import { DOCUMENT_ACCEPT, documentProblem, fileExtension, formatBytes, groupDocuments } from './meeting-documents-model';

const file = (name: string, size = 1000) => ({ name, size });

describe('documentProblem', () => {
  it('accepts PDF and office files up to the limit, whatever the case of the extension', () => {
    for (const name of ['a.pdf', 'b.DOCX', 'c.xlsx', 'd.pptx', 'e.odt', 'f.ods', 'g.odp', 'h.doc', 'i.xls', 'j.ppt']) {
      expect(documentProblem(file(name), 'de')).toBeNull();
    }
    expect(documentProblem(file('limit.pdf', DOCUMENT_MAX_BYTES), 'de')).toBeNull();
  });

  it('refuses other types, files without an extension, empty and too large files', () => {
    expect(documentProblem(file('bild.png'), 'de')?.key).toBe('meetings.documents.problems.type');
    expect(documentProblem(file('README'), 'de')?.key).toBe('meetings.documents.problems.type');
    expect(documentProblem(file('.pdf'), 'de')?.key).toBe('meetings.documents.problems.type');
    expect(documentProblem(file('trick.pdf.exe'), 'de')?.key).toBe('meetings.documents.problems.type');
    expect(documentProblem(file('leer.pdf', 0), 'de')).toEqual({ key: 'meetings.documents.problems.empty', params: { name: 'leer.pdf' } });
    expect(documentProblem(file('gross.pdf', DOCUMENT_MAX_BYTES + 1), 'en')).toEqual({
      key: 'meetings.documents.problems.tooLarge',
      params: { name: 'gross.pdf', size: '10 MB', max: '10 MB' },
    });
    expect(documentProblem(file('gross.pdf', 15.5 * 1024 * 1024), 'de')?.params['size']).toBe('15,5 MB');
  });

  it('lists the accepted extensions for the file input', () => {
    expect(DOCUMENT_ACCEPT).toBe('.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp');
    expect(fileExtension('Bericht.final.PDF')).toBe('pdf');
  });
});

describe('formatBytes', () => {
  it('uses B, KB and MB in the language’s number format', () => {
    expect(formatBytes(900, 'de')).toBe('900 B');
    expect(formatBytes(250 * 1024, 'de')).toBe('250 KB');
    expect(formatBytes(1.25 * 1024 * 1024, 'de')).toBe('1,3 MB');
    expect(formatBytes(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
  });
});

describe('groupDocuments', () => {
  const agenda: AgendaItemDto[] = [
    { id: 'a-1', position: 1, title: 'Begrüßung', presenter: null, durationMinutes: null, minutes: null },
    { id: 'a-2', position: 2, title: 'Zukunftsplan', presenter: null, durationMinutes: null, minutes: null },
  ];
  const doc = (id: string, agendaItemId: string | null, filename: string): MeetingDocumentDto => ({
    id,
    meetingId: 'm',
    agendaItemId,
    filename,
    contentType: 'application/pdf',
    sizeBytes: 1,
    uploadedAt: '2026-01-01T00:00:00.000Z',
  });

  it('puts the meeting’s own first, then the agenda items in order, each by name; items without documents are left out', () => {
    const groups = groupDocuments(
      [doc('1', 'a-2', 'Plan.pdf'), doc('2', null, 'Zeitplan.pdf'), doc('3', null, 'Anfahrt.pdf'), doc('4', 'gone', 'Alt.pdf')],
      agenda,
    );
    expect(groups.map((g) => [g.item?.title ?? null, g.item?.position ?? null, g.documents.map((d) => d.filename)])).toEqual([
      [null, null, ['Alt.pdf', 'Anfahrt.pdf', 'Zeitplan.pdf']],
      ['Zukunftsplan', 2, ['Plan.pdf']],
    ]);
    expect(groupDocuments([], agenda)).toEqual([]);
  });
});
