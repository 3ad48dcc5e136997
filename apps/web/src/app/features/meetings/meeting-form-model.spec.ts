import { meetingDetail } from '../../../testing/meeting-fixtures';
import { defaultVisibility, emptyMeetingForm, meetingFormFrom, toSaveMeetingRequest } from './meeting-form-model';

describe('meeting form model', () => {
  it('sends Berlin wall-clock times as UTC (summer and winter)', () => {
    const request = toSaveMeetingRequest({
      ...emptyMeetingForm('conference'),
      title: '  Fachtagung  ',
      startDate: '2026-07-15',
      startTime: '09:00',
      endDate: '2026-07-15',
      endTime: '16:00',
      deadlineDate: '2026-01-10',
      deadlineTime: '12:00',
      capacity: 80,
      venue: { id: 'org-1', name: 'Stadt Bottrop' },
    });
    expect(request).toEqual({
      kind: 'conference',
      title: 'Fachtagung',
      description: '',
      startsAt: '2026-07-15T07:00:00.000Z',
      endsAt: '2026-07-15T14:00:00.000Z',
      groupId: null,
      venueOrganisationId: 'org-1',
      venueAddress: null,
      onlineUrl: null,
      capacity: 80,
      registrationDeadline: '2026-01-10T11:00:00.000Z',
      visibility: 'public',
    });
  });

  it('sends the group only for group sessions, and no venue for a typed name', () => {
    const base = { ...emptyMeetingForm('group_session'), title: 'AG', startDate: '2026-02-01', endDate: '2026-02-01', groupId: 'g-1' };
    expect(toSaveMeetingRequest({ ...base, venue: 'typed' })).toMatchObject({ groupId: 'g-1', venueOrganisationId: null, visibility: 'group' });
    expect(toSaveMeetingRequest({ ...base, kind: 'workshop' })?.groupId).toBeNull();
    expect(toSaveMeetingRequest({ ...base, startDate: '' })).toBeNull();
  });

  it('shows a stored meeting in Berlin time for editing', () => {
    const value = meetingFormFrom(
      meetingDetail({ startsAt: '2026-01-15T16:00:00.000Z', endsAt: '2026-01-15T19:00:00.000Z', registrationDeadline: '2026-01-08T22:59:00.000Z' }),
      null,
    );
    expect(value).toMatchObject({ startDate: '2026-01-15', startTime: '17:00', endTime: '20:00', deadlineDate: '2026-01-08', deadlineTime: '23:59' });
    expect(toSaveMeetingRequest(value)?.startsAt).toBe('2026-01-15T16:00:00.000Z');
  });

  it('defaults the visibility by kind', () => {
    expect(defaultVisibility('conference')).toBe('public');
    expect(defaultVisibility('group_session')).toBe('group');
    expect(defaultVisibility('plenary')).toBe('members');
  });
});
