import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { keyBetween } from '../../modules/boards/fractional-key';
import { DEFAULT_DEMO_MEMBERSHIP, DEMO_CHARTER, DEMO_MEMBERSHIPS } from './demo-accounts';
import { DEMO_ACTION_FIELDS, DEMO_ORGANISATIONS, DEMO_PERSONS } from './demo-data';
import { DEMO_ALLIANCE_CARDS, DEMO_GROUP_CARDS, DEMO_STRATEGIC_GOALS, type DemoCard } from './demo-boards';
import { DEMO_THREADS } from './demo-discussion';
import { DEMO_GROUPS } from './demo-groups';
import { DEMO_CONFERENCE, DEMO_DOCUMENTS, DEMO_GROUP_SESSIONS, DEMO_PLENARIES, DEMO_SMALL_GROUPS, demoPdf } from './demo-meetings';

interface SeedStep {
  key: string;
  run(em: EntityManager, passwordHash: string): Promise<void>;
}

/**
 * The demo data in steps; each step is loaded once and marked in `seed_run` in the
 * same transaction, so a restart (or a later version adding steps) never doubles it.
 */
const STEPS: SeedStep[] = [
  { key: 'demo-data-v1', run: insertFoundationData },
  { key: 'demo-accounts-v1', run: insertAccountsData },
  { key: 'demo-groups-v1', run: insertGroupsData },
  { key: 'demo-meetings-v1', run: insertMeetingsData },
  { key: 'demo-meetings-v2', run: insertSmallGroupsAndDocuments },
  { key: 'demo-boards-v1', run: insertBoardsData },
  { key: 'demo-discussion-v1', run: insertDiscussionData },
];

/** Loads the demo steps not loaded yet; returns whether anything was loaded. */
export async function seedDemoData(ds: DataSource, password: string): Promise<boolean> {
  // one hash for all demo accounts: they share the demo password anyway
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  const loaded = await ds.transaction(async (em) => {
    // two instances starting together: the second waits, then finds the steps done
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('allmende:seed'))`);
    const done: { key: string }[] = await em.query(`SELECT key FROM seed_run`);
    const pending = STEPS.filter((s) => !done.some((d) => d.key === s.key));
    for (const step of pending) {
      await step.run(em, passwordHash);
      await em.query(`INSERT INTO seed_run (key) VALUES ($1)`, [step.key]);
    }
    return pending.length > 0;
  });
  // statistics for the planner now, not whenever autovacuum comes by: a fresh database
  // otherwise plans as if every table were empty
  if (loaded) await ds.query('ANALYZE');
  return loaded;
}

async function insertFoundationData(em: EntityManager, passwordHash: string): Promise<void> {
  for (const [position, f] of DEMO_ACTION_FIELDS.entries()) {
    await em.query(
      `INSERT INTO action_field (slug, name_de, name_en, description_de, description_en, color, icon, position)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (slug) DO NOTHING`,
      [f.slug, f.nameDe, f.nameEn, f.descriptionDe, f.descriptionEn, f.color, f.icon, position + 1],
    );
  }
  const orgIds = new Map<string, string>();
  for (const o of DEMO_ORGANISATIONS) {
    const [row] = await em.query(
      `INSERT INTO organisation (name, actor_type, sector, wz_code, district, website)
       VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
      [o.name, o.actorType, o.sector ?? null, o.wzCode ?? null, o.district, o.website ?? null],
    );
    orgIds.set(o.key, row.id);
  }
  for (const p of DEMO_PERSONS) {
    const [row] = await em.query(
      `INSERT INTO person (email, password_hash, display_name, roles, email_verified_at)
       VALUES ($1,$2,$3,$4,now()) ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [p.email, passwordHash, p.displayName, p.roles],
    );
    for (const [orgKey, role] of p.affiliations) {
      const organisationId = orgIds.get(orgKey);
      if (!organisationId) throw new Error(`demo data: unknown organisation ${orgKey}`);
      // demo links are confirmed (the accounts migration confirms only links that existed before it ran)
      await em.query(`INSERT INTO affiliation (person_id, organisation_id, role, confirmed_at) VALUES ($1,$2,$3,now()) ON CONFLICT DO NOTHING`, [
        row.id,
        organisationId,
        role,
      ]);
    }
  }
}

/** Charter v1, memberships in every state, mixed consents and interests (accounts issue). */
async function insertAccountsData(em: EntityManager): Promise<void> {
  const [office] = await em.query(`SELECT id FROM person WHERE email = 'office@allmende.example'`);
  const [charter] = await em.query(
    `INSERT INTO charter_version (version, mission_de, mission_en, goals, published_by, published_at)
     VALUES (1, $1, $2, $3, $4, now() - interval '3 years') ON CONFLICT (version) DO UPDATE SET version = 1 RETURNING id`,
    [DEMO_CHARTER.missionDe, DEMO_CHARTER.missionEn, JSON.stringify(DEMO_CHARTER.goals), office?.id ?? null],
  );
  const fields: { id: string; slug: string }[] = await em.query(`SELECT id, slug FROM action_field`);
  for (const p of DEMO_PERSONS) {
    const local = p.email.split('@')[0];
    const m = DEMO_MEMBERSHIPS[local] ?? DEFAULT_DEMO_MEMBERSHIP;
    const [person] = await em.query(`SELECT id FROM person WHERE email = $1`, [p.email]);
    if (!person) continue;
    const signed = m.status !== 'interested' || m.awaitingApproval;
    await em.query(
      `INSERT INTO alliance_membership (person_id, status, awaiting_approval, approved_at, approved_by)
       VALUES ($1,$2,$3,$4,$5) ON CONFLICT (person_id) DO NOTHING`,
      [person.id, m.status, !!m.awaitingApproval, signed && !m.awaitingApproval ? new Date() : null, signed && !m.awaitingApproval ? (office?.id ?? null) : null],
    );
    await em.query(`INSERT INTO alliance_membership_event (person_id, from_status, to_status, reason) VALUES ($1, NULL, 'interested', 'demo data')`, [person.id]);
    if (m.status !== 'interested') {
      await em.query(`INSERT INTO alliance_membership_event (person_id, from_status, to_status, reason, actor_id) VALUES ($1, 'interested', $2, 'demo data', $3)`, [
        person.id,
        m.status,
        office?.id ?? null,
      ]);
    }
    if (signed) {
      await em.query(`INSERT INTO charter_signature (person_id, charter_version_id) VALUES ($1,$2) ON CONFLICT DO NOTHING`, [person.id, charter.id]);
    }
    for (const purpose of m.consents) {
      await em.query(`INSERT INTO consent (person_id, purpose, granted) VALUES ($1,$2,true) ON CONFLICT DO NOTHING`, [person.id, purpose]);
      await em.query(`INSERT INTO consent_event (person_id, purpose, granted) VALUES ($1,$2,true)`, [person.id, purpose]);
    }
    for (const slug of m.interests) {
      const field = fields.find((f) => f.slug === slug);
      if (field) await em.query(`INSERT INTO person_interest (person_id, action_field_id) VALUES ($1,$2) ON CONFLICT DO NOTHING`, [person.id, field.id]);
    }
  }
  // one person waits for their representative to confirm them
  await em.query(
    `INSERT INTO affiliation (person_id, organisation_id, role)
     SELECT p.id, o.id, 'employee' FROM person p, organisation o
      WHERE p.email = 'hartmann@demo.allmende.example' AND o.name = 'Tischlerei Kamps GmbH' ON CONFLICT DO NOTHING`,
  );
}

const monthsAgo = (n: number) => `now() - make_interval(months => ${Math.round(n)})`;

/** Working groups in every state, with members, requests and their state history (groups issue). */
async function insertGroupsData(em: EntityManager): Promise<void> {
  const [office] = await em.query(`SELECT id FROM person WHERE email = 'office@allmende.example'`);
  const person = async (local: string): Promise<string> => {
    const [row] = await em.query(`SELECT id FROM person WHERE email IN ($1, $2)`, [`${local}@allmende.example`, `${local}@demo.allmende.example`]);
    if (!row) throw new Error(`demo data: unknown person ${local}`);
    return row.id;
  };
  for (const g of DEMO_GROUPS) {
    const [field] = await em.query(`SELECT id FROM action_field WHERE slug = $1`, [g.field]);
    const proposer = await person(g.members[0][0]);
    const state = g.path.length ? g.path[g.path.length - 1][0] : 'proposed';
    const [row] = await em.query(
      `INSERT INTO working_group (action_field_id, name, purpose, goals, meeting_rhythm, real_world_lab, access, state, proposed_by, created_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9, ${monthsAgo(g.proposedMonthsAgo)}) RETURNING id`,
      [field.id, g.name, g.purpose, g.goals, g.rhythm, g.lab ?? false, g.access ?? 'open', state, proposer],
    );
    await em.query(
      `INSERT INTO working_group_transition (group_id, from_state, to_state, reason, effective_on, actor_id, created_at)
       VALUES ($1, NULL, 'proposed', 'proposed', (${monthsAgo(g.proposedMonthsAgo)})::date, $2, ${monthsAgo(g.proposedMonthsAgo)})`,
      [row.id, proposer],
    );
    let from = 'proposed';
    for (const [to, reason, ago] of g.path) {
      await em.query(
        `INSERT INTO working_group_transition (group_id, from_state, to_state, reason, effective_on, actor_id, created_at)
         VALUES ($1,$2,$3,$4,(${monthsAgo(ago)})::date,$5, ${monthsAgo(ago)})`,
        [row.id, from, to, reason, office?.id ?? null],
      );
      from = to;
    }
    for (const [i, [local, role]] of g.members.entries()) {
      const joinedAgo = Math.max(g.proposedMonthsAgo - i, 0);
      await em.query(
        `INSERT INTO group_membership (group_id, person_id, role, status, organisation_id, joined_at, created_at)
         SELECT $1, p.id, $2, 'member',
                (SELECT a.organisation_id FROM affiliation a WHERE a.person_id = p.id AND a.ended_at IS NULL ORDER BY a.created_at LIMIT 1),
                ${monthsAgo(joinedAgo)}, ${monthsAgo(joinedAgo)}
           FROM person p WHERE p.id = $3`,
        [row.id, role, await person(local)],
      );
    }
    for (const local of g.requests ?? []) {
      await em.query(`INSERT INTO group_membership (group_id, person_id, role, status) VALUES ($1,$2,'member','requested')`, [row.id, await person(local)]);
    }
  }
}

/** Berlin wall-clock time on a day, as timestamptz SQL. */
const berlin = (day: string, time: string) => `('${day} ${time}'::timestamp AT TIME ZONE 'Europe/Berlin')`;

/** Plenaries 1–8 with attendance, agenda, minutes and decisions; upcoming sessions and a conference (meetings issue). */
async function insertMeetingsData(em: EntityManager): Promise<void> {
  const [office] = await em.query(`SELECT id FROM person WHERE email = 'office@allmende.example'`);
  const people: { id: string }[] = await em.query(`SELECT id FROM person WHERE email LIKE '%allmende.example' AND email <> 'admin@allmende.example' ORDER BY email`);
  for (const p of DEMO_PLENARIES) {
    const [host] = await em.query(`SELECT id, district FROM organisation WHERE name = $1`, [hostName(p.host)]);
    const [m] = await em.query(
      `INSERT INTO meeting (kind, series_number, title, description, starts_at, ends_at, venue_organisation_id, venue_address, visibility, created_by, created_at)
       VALUES ('plenary', $1, $2, $3, ${berlin(p.date, '17:00')}, ${berlin(p.date, '20:00')}, $4, $5, 'members', $6, ${berlin(p.date, '09:00')} - interval '6 weeks')
       RETURNING id`,
      [p.number, `${p.number}. Treffen der Wirtschaftsallianz`, 'Plattformtreffen mit Berichten der Arbeitsgruppen und Arbeit in Kleingruppen.', host?.id ?? null, host?.district ? `Bottrop-${host.district}` : 'Bottrop', office?.id ?? null],
    );
    // the demo persons who attended (rotating, so continuity differs between people)
    const attending = people.filter((_, i) => (i + p.number) % 3 !== 0);
    for (const [i, person] of attending.entries()) {
      await em.query(
        `INSERT INTO meeting_registration (meeting_id, person_id, status, check_in_code, created_at, checked_in_at, checked_in_by)
         VALUES ($1,$2,'registered', $3, ${berlin(p.date, '09:00')} - interval '2 weeks', ${berlin(p.date, '16:55')}, $4)`,
        [m.id, person.id, `P${p.number}X${i}${m.id.slice(0, 6).toUpperCase()}`, office?.id ?? null],
      );
      // attendance is participation, dated at the meeting, with the organisation the person had
      await em.query(
        `INSERT INTO participation_event (person_id, organisation_id, actor_type, sector, kind, subject_type, subject_id, occurred_at)
         SELECT $1, o.id, o.actor_type, o.sector, 'meeting_attended', 'meeting', $2, ${berlin(p.date, '17:00')}
           FROM (SELECT 1) one LEFT JOIN LATERAL (
             SELECT org.* FROM affiliation a JOIN organisation org ON org.id = a.organisation_id
              WHERE a.person_id = $1 ORDER BY a.created_at LIMIT 1) o ON true`,
        [person.id, m.id],
      );
    }
    // the others who came without an account of their own, to reach the recorded head count
    for (let i = attending.length; i < p.attendees; i++) {
      await em.query(
        `INSERT INTO meeting_registration (meeting_id, guest_name, status, check_in_code, walk_in, checked_in_at)
         VALUES ($1, $2, 'registered', $3, true, ${berlin(p.date, '17:05')})`,
        [m.id, `Gast ${i + 1}`, `W${p.number}X${i}${m.id.slice(0, 6).toUpperCase()}`],
      );
    }
    const itemIds: string[] = [];
    for (const [i, [title, presenter, minutes]] of p.agenda.entries()) {
      const [item] = await em.query(
        `INSERT INTO agenda_item (meeting_id, position, title, presenter, duration_minutes, minutes) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
        [m.id, i + 1, title, presenter, minutes, i === p.agenda.length - 1 ? p.minutes : null],
      );
      itemIds.push(item.id);
    }
    for (const [text, method, level, outcome] of p.decisions) {
      await em.query(
        `INSERT INTO decision (meeting_id, agenda_item_id, text, method, participation_level, outcome, decided_at, created_by)
         VALUES ($1,$2,$3,$4,$5,$6, ${berlin(p.date, '19:30')}, $7)`,
        [m.id, itemIds[itemIds.length - 1], text, method, level, outcome, office?.id ?? null],
      );
    }
  }
  for (const [groupName, days] of DEMO_GROUP_SESSIONS) {
    const [g] = await em.query(`SELECT id, name FROM working_group WHERE name = $1`, [groupName]);
    if (!g) continue;
    await em.query(
      `INSERT INTO meeting (kind, group_id, title, description, starts_at, ends_at, venue_address, visibility, created_by)
       VALUES ('group_session', $1, $2, 'Arbeitstreffen der Gruppe', date_trunc('day', now()) + make_interval(days => $3) + interval '16 hours',
               date_trunc('day', now()) + make_interval(days => $3) + interval '18 hours', 'Bottrop, Kulturzentrum August Everding', 'group', $4)`,
      [g.id, `Arbeitstreffen: ${g.name}`, days, office?.id ?? null],
    );
  }
  const [next] = await em.query(`SELECT coalesce(max(series_number), 0) + 1 AS n FROM meeting WHERE kind = 'plenary'`);
  await em.query(
    `INSERT INTO meeting (kind, series_number, title, description, starts_at, ends_at, venue_address, capacity, visibility, created_by)
     VALUES ('plenary', $1, $2, 'Das nächste Plattformtreffen: Berichte, Zukunftsplan, Punktabfrage.', date_trunc('day', now()) + interval '30 days 16 hours',
             date_trunc('day', now()) + interval '30 days 19 hours', 'Bottrop, Rathaus, Ernst-Wilczok-Platz 1', 60, 'members', $3)`,
    [next.n, `${next.n}. Treffen der Wirtschaftsallianz`, office?.id ?? null],
  );
  await em.query(
    `INSERT INTO meeting (kind, title, description, starts_at, ends_at, venue_address, capacity, registration_deadline, visibility, created_by)
     VALUES ('conference', $1, $2, date_trunc('day', now()) + make_interval(days => $3) + interval '8 hours',
             date_trunc('day', now()) + make_interval(days => $3) + interval '15 hours', 'Bottrop, Kulturzentrum August Everding, Blumenstraße 12–14',
             $4, date_trunc('day', now()) + make_interval(days => $3 - 7), 'public', $5)`,
    [DEMO_CONFERENCE.title, DEMO_CONFERENCE.description, DEMO_CONFERENCE.daysAhead, DEMO_CONFERENCE.capacity, office?.id ?? null],
  );
}

/** Small groups with notes in past plenaries; documents for the next plenary and the conference. */
async function insertSmallGroupsAndDocuments(em: EntityManager): Promise<void> {
  for (const [number, groups] of DEMO_SMALL_GROUPS) {
    const [m] = await em.query(`SELECT id, starts_at FROM meeting WHERE kind = 'plenary' AND series_number = $1`, [number]);
    if (!m) continue;
    const attendees: { id: string }[] = await em.query(
      `SELECT id FROM meeting_registration WHERE meeting_id = $1 AND checked_in_at IS NOT NULL ORDER BY seq`,
      [m.id],
    );
    for (const [i, [name, note]] of groups.entries()) {
      const [g] = await em.query(
        `INSERT INTO small_group (meeting_id, name, position, note, note_updated_at) VALUES ($1,$2,$3,$4, $5::timestamptz + interval '90 minutes') RETURNING id`,
        [m.id, name, i + 1, note, m.starts_at],
      );
      const members = attendees.filter((_, k) => k % groups.length === i).map((a) => a.id);
      await em.query(`INSERT INTO small_group_member (small_group_id, meeting_id, registration_id) SELECT $1, $2, unnest($3::uuid[])`, [g.id, m.id, members]);
    }
  }
  const [office] = await em.query(`SELECT id FROM person WHERE email = 'office@allmende.example'`);
  for (const [which, filename, title, lines] of DEMO_DOCUMENTS) {
    const [m] = await em.query(
      which === 'conference'
        ? `SELECT id FROM meeting WHERE kind = 'conference' ORDER BY starts_at DESC LIMIT 1`
        : `SELECT id FROM meeting WHERE kind = 'plenary' ORDER BY series_number DESC LIMIT 1`,
    );
    if (!m) continue;
    const pdf = demoPdf(title, lines);
    await em.query(
      `INSERT INTO meeting_document (meeting_id, filename, content_type, size_bytes, content, uploaded_by) VALUES ($1,$2,'application/pdf',$3,$4,$5)`,
      [m.id, filename, pdf.length, pdf, office?.id ?? null],
    );
  }
}

/** Strategic goals, the alliance board with the joint strategy's measures and labs, cards on the group boards (boards issue). */
async function insertBoardsData(em: EntityManager): Promise<void> {
  // groups created by the seed (not through the API) get their boards here
  await em.query(`INSERT INTO board (kind, group_id, title) SELECT 'group', g.id, g.name FROM working_group g ON CONFLICT (group_id) DO NOTHING`);
  const goalIds: string[] = [];
  for (const [i, [number, title, field]] of DEMO_STRATEGIC_GOALS.entries()) {
    const [g] = await em.query(
      `INSERT INTO strategic_goal (goal_number, title, action_field_id, position) VALUES ($1, $2, (SELECT id FROM action_field WHERE slug = $3), $4) RETURNING id`,
      [number, title, field, i + 1],
    );
    goalIds.push(g.id);
  }
  const [alliance] = await em.query(`SELECT id FROM board WHERE kind = 'alliance'`);
  await insertDemoCards(em, alliance.id, DEMO_ALLIANCE_CARDS, goalIds);
  for (const [groupName, cards] of DEMO_GROUP_CARDS) {
    const [board] = await em.query(`SELECT b.id FROM board b JOIN working_group g ON g.id = b.group_id WHERE g.name = $1`, [groupName]);
    if (board) await insertDemoCards(em, board.id, cards, goalIds);
  }
}

async function insertDemoCards(em: EntityManager, boardId: string, cards: DemoCard[], goalIds: string[]): Promise<void> {
  const [office] = await em.query(`SELECT id FROM person WHERE email = 'office@allmende.example'`);
  const last = new Map<string, string | null>();
  for (const c of cards) {
    const rank = keyBetween(last.get(c.stage) ?? null, null);
    last.set(c.stage, rank);
    const checklist = (c.checklist ?? []).map(([text, done], i) => ({ id: `c${i + 1}`, text, done }));
    const [row] = await em.query(
      `INSERT INTO card (board_id, stage, rank, title, description, action_field_id, strategic_goal_id, responsibility, due_date, labels, checklist, lab, public,
                         decision_id, created_by, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,(SELECT id FROM action_field WHERE slug = $6),$7,$8,
               CASE WHEN $9::int IS NULL THEN NULL ELSE current_date + $9::int END,$10,$11,$12,$13,
               (SELECT id FROM decision WHERE text = $14 LIMIT 1),$15, now() - interval '200 days', now() - interval '20 days')
       RETURNING id`,
      [
        boardId, c.stage, rank, c.title, c.description, c.field ?? null, c.goal === undefined ? null : goalIds[c.goal], c.responsibility ?? null,
        c.dueInDays ?? null, c.labels ?? [], JSON.stringify(checklist), c.lab ? JSON.stringify(c.lab) : null, c.public ?? false, c.decision ?? null, office?.id ?? null,
      ],
    );
    await em.query(
      `INSERT INTO card_organisation (card_id, organisation_id) SELECT $1, o.id FROM organisation o WHERE o.name = ANY($2::text[])`,
      [row.id, (c.organisations ?? []).map((key) => DEMO_ORGANISATIONS.find((o) => o.key === key)?.name ?? key)],
    );
    await em.query(
      `INSERT INTO card_person (card_id, person_id) SELECT $1, p.id FROM person p WHERE split_part(p.email, '@', 1) = ANY($2::text[])`,
      [row.id, c.persons ?? []],
    );
    // the history starts with the card's creation and, past the idea, its move to the stage it is in
    await em.query(`INSERT INTO card_event (card_id, person_id, kind, data, at) VALUES ($1,$2,'created','{"stage":"idea"}', now() - interval '200 days')`, [row.id, office?.id ?? null]);
    if (c.stage !== 'idea') {
      await em.query(`INSERT INTO card_event (card_id, person_id, kind, data, at) VALUES ($1,$2,'moved',$3, now() - interval '20 days')`, [
        row.id, office?.id ?? null, JSON.stringify({ from: 'idea', to: c.stage }),
      ]);
    }
  }
}

/** Threads in groups, on a card, for the next plenary and alliance topics, with mentions (discussion issue). */
async function insertDiscussionData(em: EntityManager): Promise<void> {
  const personId = async (local: string): Promise<string | null> =>
    (await em.query(`SELECT id FROM person WHERE split_part(email, '@', 1) = $1 ORDER BY email LIMIT 1`, [local]))[0]?.id ?? null;
  for (const t of DEMO_THREADS) {
    const subjectId: string | null =
      t.subject.type === 'group'
        ? (await em.query(`SELECT id FROM working_group WHERE name = $1`, [t.subject.name]))[0]?.id
        : t.subject.type === 'card'
          ? (await em.query(`SELECT id FROM card WHERE title = $1 AND deleted_at IS NULL ORDER BY created_at LIMIT 1`, [t.subject.title]))[0]?.id
          : t.subject.type === 'meeting'
            ? (await em.query(`SELECT id FROM meeting WHERE kind = 'plenary' ORDER BY series_number DESC LIMIT 1`))[0]?.id
            : null;
    if (t.subject.type !== 'alliance' && !subjectId) continue;
    const [first] = t.messages;
    const [thread] = await em.query(
      `INSERT INTO thread (subject_type, subject_id, title, created_by, created_at) VALUES ($1,$2,$3,$4, now() - make_interval(hours => $5)) RETURNING id`,
      [t.subject.type, subjectId, t.title, await personId(first[0]), first[2]],
    );
    for (const [author, text, hoursAgo] of t.messages) {
      // mentions are written by local part in the demo file and stored with the person's id
      let body = text;
      for (const m of text.matchAll(/@\[([^\]]+)\]\(person:([a-z]+)\)/g)) body = body.replace(m[0], `@[${m[1]}](person:${await personId(m[2])})`);
      const authorId = await personId(author);
      const [msg] = await em.query(
        `INSERT INTO message (thread_id, author_id, client_id, body, created_at) VALUES ($1,$2,gen_random_uuid(),$3, now() - make_interval(hours => $4)) RETURNING id`,
        [thread.id, authorId, body, hoursAgo],
      );
      for (const m of body.matchAll(/\(person:([0-9a-f-]{36})\)/g)) {
        await em.query(`INSERT INTO message_mention (message_id, person_id) VALUES ($1,$2) ON CONFLICT DO NOTHING`, [msg.id, m[1]]);
        await em.query(
          `INSERT INTO notification (person_id, kind, thread_id, message_id, data, created_at) VALUES ($1,'mention',$2,$3,$4, now() - make_interval(hours => $5))`,
          [m[1], thread.id, msg.id, JSON.stringify({ actor: (await em.query(`SELECT display_name FROM person WHERE id = $1`, [authorId]))[0]?.display_name, threadTitle: t.title }), hoursAgo],
        );
      }
      if (authorId) {
        await em.query(
          `INSERT INTO participation_event (person_id, organisation_id, actor_type, sector, kind, subject_type, subject_id, occurred_at)
           SELECT $1, o.id, o.actor_type, o.sector, 'message_posted', 'thread', $2, now() - make_interval(hours => $3)
             FROM (SELECT 1) one LEFT JOIN LATERAL (
               SELECT org.* FROM affiliation a JOIN organisation org ON org.id = a.organisation_id WHERE a.person_id = $1 ORDER BY a.created_at LIMIT 1) o ON true`,
          [authorId, thread.id, hoursAgo],
        );
      }
    }
    const last = t.messages[t.messages.length - 1];
    await em.query(`UPDATE thread SET message_count = $2, last_message_at = now() - make_interval(hours => $3) WHERE id = $1`, [thread.id, t.messages.length, last[2]]);
  }
}

function hostName(key: string): string {
  return DEMO_ORGANISATIONS.find((o) => o.key === key)?.name ?? '';
}
