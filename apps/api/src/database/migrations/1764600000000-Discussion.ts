import { MigrationInterface, QueryRunner } from 'typeorm';

/** Threads and messages with revisions, reactions, mentions, attachments; moderation; notifications. */
export class Discussion1764600000000 implements MigrationInterface {
  name = 'Discussion1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE thread (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        subject_type text NOT NULL,
        subject_id uuid,
        title text NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_message_at timestamptz,
        message_count int NOT NULL DEFAULT 0,
        locked_at timestamptz,
        locked_by uuid,
        lock_reason text,
        CONSTRAINT pk_thread PRIMARY KEY (id),
        CONSTRAINT fk_thread_created_by FOREIGN KEY (created_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT fk_thread_locked_by FOREIGN KEY (locked_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT ck_thread_subject CHECK (subject_type IN ('group','meeting','card','alliance') AND ((subject_type = 'alliance') = (subject_id IS NULL)))
      )`);
    await q.query(`CREATE INDEX ix_thread_subject ON thread (subject_type, subject_id, last_message_at DESC)`);

    // the id is global and increasing: clients resume "after the last id they saw"
    await q.query(`
      CREATE TABLE message (
        id bigint GENERATED ALWAYS AS IDENTITY,
        thread_id uuid NOT NULL,
        author_id uuid,
        client_id uuid NOT NULL,
        parent_id bigint,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        deleted_at timestamptz,
        hidden_at timestamptz,
        hidden_by uuid,
        hidden_reason text,
        CONSTRAINT pk_message PRIMARY KEY (id),
        CONSTRAINT fk_message_thread FOREIGN KEY (thread_id) REFERENCES thread(id) ON DELETE CASCADE,
        CONSTRAINT fk_message_author FOREIGN KEY (author_id) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT fk_message_parent FOREIGN KEY (parent_id) REFERENCES message(id) ON DELETE SET NULL,
        CONSTRAINT fk_message_hidden_by FOREIGN KEY (hidden_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
    // a retried post (same author, same client id) is stored once
    await q.query(`CREATE UNIQUE INDEX uq_message_client ON message (author_id, client_id)`);
    await q.query(`CREATE INDEX ix_message_thread ON message (thread_id, id)`);
    await q.query(`CREATE INDEX ix_message_author_time ON message (author_id, created_at)`);

    await q.query(`
      CREATE TABLE message_revision (
        id bigint GENERATED ALWAYS AS IDENTITY,
        message_id bigint NOT NULL,
        body text NOT NULL,
        edited_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_message_revision PRIMARY KEY (id),
        CONSTRAINT fk_message_revision_message FOREIGN KEY (message_id) REFERENCES message(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_message_revision_message ON message_revision (message_id, id)`);
    await q.query(`
      CREATE TABLE message_reaction (
        message_id bigint NOT NULL,
        person_id uuid NOT NULL,
        emoji text NOT NULL,
        CONSTRAINT pk_message_reaction PRIMARY KEY (message_id, person_id, emoji),
        CONSTRAINT fk_message_reaction_message FOREIGN KEY (message_id) REFERENCES message(id) ON DELETE CASCADE,
        CONSTRAINT fk_message_reaction_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE message_mention (
        message_id bigint NOT NULL,
        person_id uuid NOT NULL,
        CONSTRAINT pk_message_mention PRIMARY KEY (message_id, person_id),
        CONSTRAINT fk_message_mention_message FOREIGN KEY (message_id) REFERENCES message(id) ON DELETE CASCADE,
        CONSTRAINT fk_message_mention_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE
      )`);
    // uploaded before the message is posted (message_id NULL until then)
    await q.query(`
      CREATE TABLE message_attachment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL,
        message_id bigint,
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes int NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_message_attachment PRIMARY KEY (id),
        CONSTRAINT fk_message_attachment_thread FOREIGN KEY (thread_id) REFERENCES thread(id) ON DELETE CASCADE,
        CONSTRAINT fk_message_attachment_message FOREIGN KEY (message_id) REFERENCES message(id) ON DELETE CASCADE,
        CONSTRAINT fk_message_attachment_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES person(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_message_attachment_message ON message_attachment (message_id)`);

    await q.query(`
      CREATE TABLE thread_read (
        thread_id uuid NOT NULL,
        person_id uuid NOT NULL,
        last_read_id bigint NOT NULL DEFAULT 0,
        CONSTRAINT pk_thread_read PRIMARY KEY (thread_id, person_id),
        CONSTRAINT fk_thread_read_thread FOREIGN KEY (thread_id) REFERENCES thread(id) ON DELETE CASCADE,
        CONSTRAINT fk_thread_read_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE message_report (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        message_id bigint NOT NULL,
        reporter_id uuid,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid,
        CONSTRAINT pk_message_report PRIMARY KEY (id),
        CONSTRAINT fk_message_report_message FOREIGN KEY (message_id) REFERENCES message(id) ON DELETE CASCADE,
        CONSTRAINT fk_message_report_reporter FOREIGN KEY (reporter_id) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT fk_message_report_resolved_by FOREIGN KEY (resolved_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_message_report_open ON message_report (message_id, reporter_id) WHERE resolved_at IS NULL`);
    await q.query(`
      CREATE TABLE group_mute (
        group_id uuid NOT NULL,
        person_id uuid NOT NULL,
        until timestamptz NOT NULL,
        reason text NOT NULL,
        muted_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_group_mute PRIMARY KEY (group_id, person_id),
        CONSTRAINT fk_group_mute_group FOREIGN KEY (group_id) REFERENCES working_group(id) ON DELETE CASCADE,
        CONSTRAINT fk_group_mute_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_group_mute_muted_by FOREIGN KEY (muted_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
    // append-only: every moderation step with who, why and when
    await q.query(`
      CREATE TABLE moderation_log (
        id bigint GENERATED ALWAYS AS IDENTITY,
        actor_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        reason text,
        data jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_moderation_log PRIMARY KEY (id),
        CONSTRAINT fk_moderation_log_actor FOREIGN KEY (actor_id) REFERENCES person(id) ON DELETE SET NULL
      )`);

    await q.query(`
      CREATE TABLE notification (
        id bigint GENERATED ALWAYS AS IDENTITY,
        person_id uuid NOT NULL,
        kind text NOT NULL,
        thread_id uuid,
        message_id bigint,
        meeting_id uuid,
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        digested_at timestamptz,
        CONSTRAINT pk_notification PRIMARY KEY (id),
        CONSTRAINT fk_notification_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_notification_thread FOREIGN KEY (thread_id) REFERENCES thread(id) ON DELETE CASCADE,
        CONSTRAINT fk_notification_message FOREIGN KEY (message_id) REFERENCES message(id) ON DELETE CASCADE,
        CONSTRAINT fk_notification_meeting FOREIGN KEY (meeting_id) REFERENCES meeting(id) ON DELETE CASCADE,
        CONSTRAINT ck_notification_kind CHECK (kind IN ('mention','reply','new_thread','meeting_changed'))
      )`);
    await q.query(`CREATE INDEX ix_notification_person ON notification (person_id, id DESC)`);
    await q.query(`CREATE INDEX ix_notification_digest ON notification (person_id) WHERE read_at IS NULL AND digested_at IS NULL`);
    await q.query(`ALTER TABLE person ADD COLUMN digest text NOT NULL DEFAULT 'weekly', ADD COLUMN last_digest_at timestamptz,
                   ADD CONSTRAINT ck_person_digest CHECK (digest IN ('off','daily','weekly'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP COLUMN digest, DROP COLUMN last_digest_at`);
    for (const t of ['notification', 'moderation_log', 'group_mute', 'message_report', 'thread_read', 'message_attachment', 'message_mention',
      'message_reaction', 'message_revision', 'message', 'thread']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
