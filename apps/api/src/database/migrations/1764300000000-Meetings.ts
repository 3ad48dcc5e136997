import { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1764300000000 implements MigrationInterface {
  name = 'Meetings1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meeting (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        series_number int,
        group_id uuid,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue_organisation_id uuid,
        venue_address text,
        online_url text,
        capacity int,
        registration_deadline timestamptz,
        visibility text NOT NULL DEFAULT 'members',
        cancelled_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_meeting PRIMARY KEY (id),
        CONSTRAINT fk_meeting_group FOREIGN KEY (group_id) REFERENCES working_group(id) ON DELETE SET NULL,
        CONSTRAINT fk_meeting_venue FOREIGN KEY (venue_organisation_id) REFERENCES organisation(id) ON DELETE SET NULL,
        CONSTRAINT fk_meeting_created_by FOREIGN KEY (created_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT ck_meeting_kind CHECK (kind IN ('plenary','group_session','workshop','conference')),
        CONSTRAINT ck_meeting_visibility CHECK (visibility IN ('public','members','group')),
        CONSTRAINT ck_meeting_times CHECK (ends_at > starts_at),
        CONSTRAINT ck_meeting_capacity CHECK (capacity IS NULL OR capacity > 0),
        CONSTRAINT ck_meeting_group_session CHECK (kind <> 'group_session' OR group_id IS NOT NULL),
        CONSTRAINT ck_meeting_series CHECK ((kind = 'plenary') = (series_number IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meeting_series_number ON meeting (series_number) WHERE kind = 'plenary'`);
    await q.query(`CREATE INDEX ix_meeting_starts_at ON meeting (starts_at)`);
    await q.query(`CREATE INDEX ix_meeting_group ON meeting (group_id, starts_at)`);

    await q.query(`
      CREATE TABLE meeting_registration (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        person_id uuid,
        guest_name text,
        guest_email text,
        guest_organisation text,
        guest_locale text,
        status text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        check_in_code text NOT NULL,
        confirm_token_hash text,
        cancel_token_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        promoted_at timestamptz,
        cancelled_at timestamptz,
        checked_in_at timestamptz,
        checked_in_by uuid,
        walk_in boolean NOT NULL DEFAULT false,
        CONSTRAINT pk_meeting_registration PRIMARY KEY (id),
        CONSTRAINT fk_meeting_registration_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id) ON DELETE CASCADE,
        CONSTRAINT fk_meeting_registration_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_meeting_registration_checked_in_by FOREIGN KEY (checked_in_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT uq_meeting_registration_code UNIQUE (check_in_code),
        CONSTRAINT ck_meeting_registration_status CHECK (status IN ('registered','waitlisted','pending_confirmation','cancelled')),
        CONSTRAINT ck_meeting_registration_who CHECK ((person_id IS NOT NULL) <> (guest_email IS NOT NULL OR walk_in))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_meeting_registration_person ON meeting_registration (meeting_id, person_id) WHERE status <> 'cancelled' AND person_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_meeting_registration_guest ON meeting_registration (meeting_id, lower(guest_email)) WHERE status <> 'cancelled' AND guest_email IS NOT NULL`);
    await q.query(`CREATE INDEX ix_meeting_registration_meeting ON meeting_registration (meeting_id, status, seq)`);
    await q.query(`CREATE INDEX ix_meeting_registration_person ON meeting_registration (person_id) WHERE status <> 'cancelled'`);
    await q.query(`CREATE UNIQUE INDEX uq_meeting_registration_confirm ON meeting_registration (confirm_token_hash) WHERE confirm_token_hash IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_meeting_registration_cancel ON meeting_registration (cancel_token_hash) WHERE cancel_token_hash IS NOT NULL`);

    await q.query(`
      CREATE TABLE agenda_item (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        position int NOT NULL,
        title text NOT NULL,
        presenter text,
        duration_minutes int,
        minutes text,
        CONSTRAINT pk_agenda_item PRIMARY KEY (id),
        CONSTRAINT fk_agenda_item_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_agenda_item_meeting ON agenda_item (meeting_id, position)`);

    await q.query(`
      CREATE TABLE poll (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        agenda_item_id uuid,
        question text NOT NULL,
        options jsonb NOT NULL,
        dots_per_person int NOT NULL,
        status text NOT NULL DEFAULT 'open',
        opened_by uuid,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CONSTRAINT pk_poll PRIMARY KEY (id),
        CONSTRAINT fk_poll_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id) ON DELETE CASCADE,
        CONSTRAINT fk_poll_agenda_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_item(id) ON DELETE SET NULL,
        CONSTRAINT fk_poll_opened_by FOREIGN KEY (opened_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT ck_poll_status CHECK (status IN ('open','closed')),
        CONSTRAINT ck_poll_dots CHECK (dots_per_person BETWEEN 1 AND 20)
      )`);
    await q.query(`CREATE INDEX ix_poll_meeting ON poll (meeting_id)`);
    await q.query(`
      CREATE TABLE poll_vote (
        poll_id uuid NOT NULL,
        person_id uuid NOT NULL,
        option_id text NOT NULL,
        dots int NOT NULL,
        voted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_poll_vote PRIMARY KEY (poll_id, person_id, option_id),
        CONSTRAINT fk_poll_vote_poll FOREIGN KEY (poll_id) REFERENCES poll(id) ON DELETE CASCADE,
        CONSTRAINT fk_poll_vote_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT ck_poll_vote_dots CHECK (dots > 0)
      )`);

    await q.query(`
      CREATE TABLE decision (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        agenda_item_id uuid,
        poll_id uuid,
        text text NOT NULL,
        method text NOT NULL,
        participation_level text NOT NULL,
        outcome text NOT NULL,
        group_ids uuid[] NOT NULL DEFAULT '{}',
        decided_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        CONSTRAINT pk_decision PRIMARY KEY (id),
        CONSTRAINT fk_decision_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id) ON DELETE CASCADE,
        CONSTRAINT fk_decision_agenda_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_item(id) ON DELETE SET NULL,
        CONSTRAINT fk_decision_poll FOREIGN KEY (poll_id) REFERENCES poll(id) ON DELETE SET NULL,
        CONSTRAINT fk_decision_created_by FOREIGN KEY (created_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT ck_decision_method CHECK (method IN ('consensus','consent','dot_voting','majority')),
        CONSTRAINT ck_decision_level CHECK (participation_level IN ('inform','consult','co_decide'))
      )`);
    await q.query(`CREATE INDEX ix_decision_meeting ON decision (meeting_id, decided_at)`);

    // a personal calendar feed per person; the token is stored hashed and can be revoked
    await q.query(`
      CREATE TABLE calendar_feed (
        person_id uuid NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_calendar_feed PRIMARY KEY (person_id),
        CONSTRAINT uq_calendar_feed_token UNIQUE (token_hash),
        CONSTRAINT fk_calendar_feed_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['calendar_feed', 'decision', 'poll_vote', 'poll', 'agenda_item', 'meeting_registration', 'meeting']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
