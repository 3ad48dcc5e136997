import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE action_field (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        name_de text NOT NULL,
        name_en text NOT NULL,
        description_de text NOT NULL DEFAULT '',
        description_en text NOT NULL DEFAULT '',
        color text NOT NULL,
        icon text NOT NULL,
        position int NOT NULL,
        archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_action_field PRIMARY KEY (id),
        CONSTRAINT uq_action_field_slug UNIQUE (slug),
        CONSTRAINT ck_action_field_color CHECK (color ~ '^#[0-9a-fA-F]{6}$')
      )`);
    await q.query(`
      CREATE TABLE organisation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        actor_type text NOT NULL,
        sector text,
        wz_code text,
        district text,
        website text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organisation PRIMARY KEY (id),
        CONSTRAINT ck_organisation_actor_type CHECK (actor_type IN ('business','public_administration','science','civil_society','intermediary')),
        CONSTRAINT ck_organisation_sector CHECK (sector IS NULL OR (actor_type = 'business' AND sector IN ('crafts','retail','industry','services','hospitality','start_up')))
      )`);
    await q.query(`
      CREATE TABLE person (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text,
        display_name text NOT NULL,
        roles text[] NOT NULL DEFAULT '{member}',
        email_verified_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_person PRIMARY KEY (id),
        CONSTRAINT uq_person_email UNIQUE (email),
        CONSTRAINT ck_person_email_lower CHECK (email = lower(email)),
        CONSTRAINT ck_person_roles CHECK (roles <@ ARRAY['member','moderator','researcher','admin']::text[])
      )`);
    await q.query(`
      CREATE TABLE affiliation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_affiliation PRIMARY KEY (id),
        CONSTRAINT uq_affiliation_person_organisation UNIQUE (person_id, organisation_id),
        CONSTRAINT fk_affiliation_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_affiliation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation(id) ON DELETE CASCADE,
        CONSTRAINT ck_affiliation_role CHECK (role IN ('representative','employee'))
      )`);
    await q.query(`CREATE INDEX ix_affiliation_organisation ON affiliation (organisation_id)`);
    // Records which one-off data loads (e.g. the demo data) have run, so they never run twice.
    await q.query(`
      CREATE TABLE seed_run (
        key text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_seed_run PRIMARY KEY (key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE seed_run`);
    await q.query(`DROP TABLE affiliation`);
    await q.query(`DROP TABLE person`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP TABLE action_field`);
  }
}
