import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Accounts1764100000000 } from './1764100000000-Accounts';
import { WorkingGroups1764200000000 } from './1764200000000-WorkingGroups';
import { Meetings1764300000000 } from './1764300000000-Meetings';
import { MeetingDocuments1764400000000 } from './1764400000000-MeetingDocuments';
import { Boards1764500000000 } from './1764500000000-Boards';
import { Discussion1764600000000 } from './1764600000000-Discussion';
import { Research1764700000000 } from './1764700000000-Research';
import { Search1764800000000 } from './1764800000000-Search';
import { ParticipationContextPlpgsql1764900000000 } from './1764900000000-ParticipationContextPlpgsql';
import { SessionEndedNotifications1765000000000 } from './1765000000000-SessionEndedNotifications';
import { RankBetween1765100000000 } from './1765100000000-RankBetween';

/** Every migration, in order. Listed explicitly so the webpack bundle contains them. */
export const MIGRATIONS = [Foundation1764000000000, Accounts1764100000000, WorkingGroups1764200000000, Meetings1764300000000, MeetingDocuments1764400000000, Boards1764500000000, Discussion1764600000000, Research1764700000000, Search1764800000000, ParticipationContextPlpgsql1764900000000, SessionEndedNotifications1765000000000, RankBetween1765100000000];
