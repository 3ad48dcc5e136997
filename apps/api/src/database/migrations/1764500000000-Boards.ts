import { MigrationInterface, QueryRunner } from 'typeorm';

/** Boards (alliance and per group), cards with their history and attachments, strategic goals. */
export class Boards1764500000000 implements MigrationInterface {
  name = 'Boards1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // strategic goals sit under a Leitziel of the charter (by its number) and carry measures (cards)
    await q.query(`
      CREATE TABLE strategic_goal (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        goal_number int NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        action_field_id uuid,
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_strategic_goal PRIMARY KEY (id),
        CONSTRAINT fk_strategic_goal_action_field FOREIGN KEY (action_field_id) REFERENCES action_field(id) ON DELETE SET NULL,
        CONSTRAINT ck_strategic_goal_number CHECK (goal_number > 0)
      )`);

    await q.query(`
      CREATE TABLE board (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        group_id uuid,
        title text NOT NULL,
        column_labels jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_board PRIMARY KEY (id),
        CONSTRAINT uq_board_group UNIQUE (group_id),
        CONSTRAINT fk_board_group FOREIGN KEY (group_id) REFERENCES working_group(id) ON DELETE CASCADE,
        CONSTRAINT ck_board_kind CHECK ((kind = 'group') = (group_id IS NOT NULL) AND kind IN ('alliance','group'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_board_alliance ON board (kind) WHERE kind = 'alliance'`);
    await q.query(`INSERT INTO board (kind, title) VALUES ('alliance', 'Zukunftsplan')`);
    await q.query(`INSERT INTO board (kind, group_id, title) SELECT 'group', id, name FROM working_group`);

    // rank: a fractional key compared byte by byte (COLLATE "C"), so a move rewrites only the moved card
    await q.query(`
      CREATE TABLE card (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        board_id uuid NOT NULL,
        stage text NOT NULL,
        rank text COLLATE "C" NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        action_field_id uuid,
        strategic_goal_id uuid,
        responsibility text,
        due_date date,
        labels text[] NOT NULL DEFAULT '{}',
        checklist jsonb NOT NULL DEFAULT '[]',
        lab jsonb,
        public boolean NOT NULL DEFAULT false,
        decision_id uuid,
        version int NOT NULL DEFAULT 1,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT pk_card PRIMARY KEY (id),
        CONSTRAINT fk_card_board FOREIGN KEY (board_id) REFERENCES board(id) ON DELETE CASCADE,
        CONSTRAINT fk_card_action_field FOREIGN KEY (action_field_id) REFERENCES action_field(id) ON DELETE SET NULL,
        CONSTRAINT fk_card_strategic_goal FOREIGN KEY (strategic_goal_id) REFERENCES strategic_goal(id) ON DELETE SET NULL,
        CONSTRAINT fk_card_decision FOREIGN KEY (decision_id) REFERENCES decision(id) ON DELETE SET NULL,
        CONSTRAINT fk_card_created_by FOREIGN KEY (created_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT ck_card_stage CHECK (stage IN ('idea','measure','lab','project','permanent','stopped')),
        CONSTRAINT ck_card_responsibility CHECK (responsibility IS NULL OR responsibility IN ('city_office','companies','cooperative'))
      )`);
    // two cards never share a place: a concurrent move into the same gap fails and is retried
    await q.query(`CREATE UNIQUE INDEX uq_card_rank ON card (board_id, stage, rank) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX ix_card_strategic_goal ON card (strategic_goal_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX ix_card_decision ON card (decision_id) WHERE decision_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE card_organisation (
        card_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        CONSTRAINT pk_card_organisation PRIMARY KEY (card_id, organisation_id),
        CONSTRAINT fk_card_organisation_card FOREIGN KEY (card_id) REFERENCES card(id) ON DELETE CASCADE,
        CONSTRAINT fk_card_organisation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation(id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE card_person (
        card_id uuid NOT NULL,
        person_id uuid NOT NULL,
        CONSTRAINT pk_card_person PRIMARY KEY (card_id, person_id),
        CONSTRAINT fk_card_person_card FOREIGN KEY (card_id) REFERENCES card(id) ON DELETE CASCADE,
        CONSTRAINT fk_card_person_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_card_person_person ON card_person (person_id)`);

    await q.query(`
      CREATE TABLE card_attachment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        card_id uuid NOT NULL,
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_card_attachment PRIMARY KEY (id),
        CONSTRAINT fk_card_attachment_card FOREIGN KEY (card_id) REFERENCES card(id) ON DELETE CASCADE,
        CONSTRAINT fk_card_attachment_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_card_attachment_card ON card_attachment (card_id)`);

    // the card's history: every creation, move and edit, append-only
    await q.query(`
      CREATE TABLE card_event (
        id bigint GENERATED ALWAYS AS IDENTITY,
        card_id uuid NOT NULL,
        person_id uuid,
        kind text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_card_event PRIMARY KEY (id),
        CONSTRAINT fk_card_event_card FOREIGN KEY (card_id) REFERENCES card(id) ON DELETE CASCADE,
        CONSTRAINT fk_card_event_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_card_event_card ON card_event (card_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['card_event', 'card_attachment', 'card_person', 'card_organisation', 'card', 'board', 'strategic_goal']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
