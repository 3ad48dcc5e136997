import { MigrationInterface, QueryRunner } from 'typeorm';

export class Accounts1764100000000 implements MigrationInterface {
  name = 'Accounts1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE person
        ADD COLUMN phone text,
        ADD COLUMN bio text,
        ADD COLUMN locale text NOT NULL DEFAULT 'de',
        ADD COLUMN deleted_at timestamptz,
        ALTER COLUMN display_name DROP NOT NULL,
        ADD CONSTRAINT ck_person_locale CHECK (locale IN ('de','en'))`);

    await q.query(`
      CREATE TABLE person_interest (
        person_id uuid NOT NULL,
        action_field_id uuid NOT NULL,
        CONSTRAINT pk_person_interest PRIMARY KEY (person_id, action_field_id),
        CONSTRAINT fk_person_interest_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_person_interest_action_field FOREIGN KEY (action_field_id) REFERENCES action_field(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_person_interest_action_field ON person_interest (action_field_id)`);

    await q.query(`
      ALTER TABLE organisation ADD COLUMN description text`);
    await q.query(`
      ALTER TABLE affiliation
        ADD COLUMN confirmed_at timestamptz,
        ADD COLUMN confirmed_by uuid,
        ADD COLUMN ended_at timestamptz,
        ADD CONSTRAINT fk_affiliation_confirmed_by FOREIGN KEY (confirmed_by) REFERENCES person(id) ON DELETE SET NULL`);
    // one open link per person and organisation; ended links stay as history
    await q.query(`ALTER TABLE affiliation DROP CONSTRAINT uq_affiliation_person_organisation`);
    await q.query(`CREATE UNIQUE INDEX uq_affiliation_open ON affiliation (person_id, organisation_id) WHERE ended_at IS NULL`);
    await q.query(`UPDATE affiliation SET confirmed_at = created_at`);

    // sessions: one row per login (a refresh-token family)
    await q.query(`
      CREATE TABLE auth_session (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        user_agent text,
        CONSTRAINT pk_auth_session PRIMARY KEY (id),
        CONSTRAINT fk_auth_session_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_auth_session_person ON auth_session (person_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        CONSTRAINT pk_refresh_token PRIMARY KEY (id),
        CONSTRAINT uq_refresh_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_refresh_token_session FOREIGN KEY (session_id) REFERENCES auth_session(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_refresh_token_session ON refresh_token (session_id)`);
    await q.query(`
      CREATE TABLE email_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        purpose text NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_email_token PRIMARY KEY (id),
        CONSTRAINT uq_email_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_email_token_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT ck_email_token_purpose CHECK (purpose IN ('verify_email','reset_password'))
      )`);
    await q.query(`CREATE INDEX ix_email_token_person ON email_token (person_id)`);

    // the charter: mission statement (Leitbild) and goals (Leitziele), versioned
    await q.query(`
      CREATE TABLE charter_version (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        version int NOT NULL,
        mission_de text NOT NULL,
        mission_en text NOT NULL,
        goals jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid,
        CONSTRAINT pk_charter_version PRIMARY KEY (id),
        CONSTRAINT uq_charter_version_version UNIQUE (version),
        CONSTRAINT fk_charter_version_published_by FOREIGN KEY (published_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`
      CREATE TABLE charter_signature (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        charter_version_id uuid NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_charter_signature PRIMARY KEY (id),
        CONSTRAINT uq_charter_signature UNIQUE (person_id, charter_version_id),
        CONSTRAINT fk_charter_signature_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_charter_signature_version FOREIGN KEY (charter_version_id) REFERENCES charter_version(id)
      )`);
    await q.query(`CREATE INDEX ix_charter_signature_version ON charter_signature (charter_version_id)`);

    // alliance membership: current state plus its history
    await q.query(`
      CREATE TABLE alliance_membership (
        person_id uuid NOT NULL,
        status text NOT NULL DEFAULT 'interested',
        awaiting_approval boolean NOT NULL DEFAULT false,
        approved_at timestamptz,
        approved_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_alliance_membership PRIMARY KEY (person_id),
        CONSTRAINT fk_alliance_membership_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_alliance_membership_approved_by FOREIGN KEY (approved_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT ck_alliance_membership_status CHECK (status IN ('interested','signatory','active','dormant','left'))
      )`);
    await q.query(`CREATE INDEX ix_alliance_membership_queue ON alliance_membership (status) WHERE awaiting_approval`);
    await q.query(`
      CREATE TABLE alliance_membership_event (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        from_status text,
        to_status text NOT NULL,
        reason text,
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_alliance_membership_event PRIMARY KEY (id),
        CONSTRAINT fk_alliance_membership_event_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_alliance_membership_event_actor FOREIGN KEY (actor_id) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_alliance_membership_event_person ON alliance_membership_event (person_id, created_at)`);

    // consent per purpose: current state plus every change
    await q.query(`
      CREATE TABLE consent (
        person_id uuid NOT NULL,
        purpose text NOT NULL,
        granted boolean NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_consent PRIMARY KEY (person_id, purpose),
        CONSTRAINT fk_consent_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT ck_consent_purpose CHECK (purpose IN ('public_listing','publication','research'))
      )`);
    await q.query(`CREATE INDEX ix_consent_listing ON consent (person_id) WHERE purpose = 'public_listing' AND granted`);
    await q.query(`
      CREATE TABLE consent_event (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        purpose text NOT NULL,
        granted boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_consent_event PRIMARY KEY (id),
        CONSTRAINT fk_consent_event_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_consent_event_person ON consent_event (person_id, created_at)`);

    // participation: append-only, with the person's organisation as it was at that moment
    await q.query(`
      CREATE TABLE participation_event (
        id bigint GENERATED ALWAYS AS IDENTITY,
        person_id uuid NOT NULL,
        organisation_id uuid,
        actor_type text,
        sector text,
        kind text NOT NULL,
        subject_type text,
        subject_id uuid,
        data jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_participation_event PRIMARY KEY (id),
        CONSTRAINT fk_participation_event_person FOREIGN KEY (person_id) REFERENCES person(id),
        CONSTRAINT fk_participation_event_organisation FOREIGN KEY (organisation_id) REFERENCES organisation(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_participation_event_person ON participation_event (person_id, occurred_at)`);
    await q.query(`CREATE INDEX ix_participation_event_kind ON participation_event (kind, occurred_at)`);
    await q.query(`
      CREATE FUNCTION participation_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- the only permitted change: an organisation that is deleted is set to NULL by its foreign key
        IF TG_OP = 'UPDATE' AND NEW.organisation_id IS NULL AND OLD.organisation_id IS NOT NULL
           AND NEW.person_id = OLD.person_id AND NEW.kind = OLD.kind AND NEW.occurred_at = OLD.occurred_at THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'participation_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_participation_event_append_only BEFORE UPDATE OR DELETE ON participation_event
      FOR EACH ROW EXECUTE FUNCTION participation_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participation_event`);
    await q.query(`DROP FUNCTION participation_event_append_only`);
    await q.query(`DROP TABLE consent_event`);
    await q.query(`DROP TABLE consent`);
    await q.query(`DROP TABLE alliance_membership_event`);
    await q.query(`DROP TABLE alliance_membership`);
    await q.query(`DROP TABLE charter_signature`);
    await q.query(`DROP TABLE charter_version`);
    await q.query(`DROP TABLE email_token`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE auth_session`);
    await q.query(`DROP INDEX uq_affiliation_open`);
    await q.query(`DELETE FROM affiliation WHERE ended_at IS NOT NULL`);
    await q.query(`ALTER TABLE affiliation DROP COLUMN confirmed_at, DROP COLUMN confirmed_by, DROP COLUMN ended_at`);
    await q.query(`ALTER TABLE affiliation ADD CONSTRAINT uq_affiliation_person_organisation UNIQUE (person_id, organisation_id)`);
    await q.query(`ALTER TABLE organisation DROP COLUMN description`);
    await q.query(`DROP TABLE person_interest`);
    await q.query(`UPDATE person SET display_name = 'former member' WHERE display_name IS NULL`);
    await q.query(`ALTER TABLE person DROP COLUMN phone, DROP COLUMN bio, DROP COLUMN locale, DROP COLUMN deleted_at, ALTER COLUMN display_name SET NOT NULL`);
  }
}
