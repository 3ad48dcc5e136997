import { MigrationInterface, QueryRunner } from 'typeorm';

/** Documents of meetings, their mailing seven days before, small groups (Kleingruppen), cancelling. */
export class MeetingDocuments1764400000000 implements MigrationInterface {
  name = 'MeetingDocuments1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE meeting ADD COLUMN cancel_reason text`);

    // documents are small (10 MB at most) and few, so they live in the database:
    // one backup holds everything and every API instance can serve them
    await q.query(`
      CREATE TABLE meeting_document (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        agenda_item_id uuid,
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_meeting_document PRIMARY KEY (id),
        CONSTRAINT fk_meeting_document_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id) ON DELETE CASCADE,
        CONSTRAINT fk_meeting_document_agenda_item FOREIGN KEY (agenda_item_id) REFERENCES agenda_item(id) ON DELETE SET NULL,
        CONSTRAINT fk_meeting_document_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_meeting_document_meeting ON meeting_document (meeting_id, uploaded_at)`);

    // one row per registration that is (or was) mailed the documents: the primary key is what
    // guarantees a registration is never mailed twice, whichever instance or restart runs the job
    await q.query(`
      CREATE TABLE meeting_document_mailing (
        meeting_id uuid NOT NULL,
        registration_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'claimed',
        attempts int NOT NULL DEFAULT 0,
        claimed_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        last_error text,
        CONSTRAINT pk_meeting_document_mailing PRIMARY KEY (meeting_id, registration_id),
        CONSTRAINT fk_meeting_document_mailing_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id) ON DELETE CASCADE,
        CONSTRAINT fk_meeting_document_mailing_registration FOREIGN KEY (registration_id) REFERENCES meeting_registration(id) ON DELETE CASCADE,
        CONSTRAINT ck_meeting_document_mailing_status CHECK (status IN ('claimed','sent','failed','abandoned'))
      )`);
    await q.query(`CREATE INDEX ix_meeting_document_mailing_status ON meeting_document_mailing (status, claimed_at) WHERE status <> 'sent'`);

    await q.query(`
      CREATE TABLE small_group (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL,
        name text NOT NULL,
        position int NOT NULL,
        note text NOT NULL DEFAULT '',
        note_updated_at timestamptz,
        note_updated_by uuid,
        CONSTRAINT pk_small_group PRIMARY KEY (id),
        CONSTRAINT fk_small_group_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id) ON DELETE CASCADE,
        CONSTRAINT fk_small_group_note_updated_by FOREIGN KEY (note_updated_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_small_group_meeting ON small_group (meeting_id, position)`);
    // a registration sits in at most one small group of its meeting
    await q.query(`
      CREATE TABLE small_group_member (
        small_group_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        registration_id uuid NOT NULL,
        CONSTRAINT pk_small_group_member PRIMARY KEY (small_group_id, registration_id),
        CONSTRAINT uq_small_group_member_meeting UNIQUE (meeting_id, registration_id),
        CONSTRAINT fk_small_group_member_group FOREIGN KEY (small_group_id) REFERENCES small_group(id) ON DELETE CASCADE,
        CONSTRAINT fk_small_group_member_registration FOREIGN KEY (registration_id) REFERENCES meeting_registration(id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['small_group_member', 'small_group', 'meeting_document_mailing', 'meeting_document']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`ALTER TABLE meeting DROP COLUMN cancel_reason`);
  }
}
