import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingGroups1764200000000 implements MigrationInterface {
  name = 'WorkingGroups1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_group (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        action_field_id uuid NOT NULL,
        name text NOT NULL,
        purpose text NOT NULL,
        goals text NOT NULL DEFAULT '',
        meeting_rhythm text,
        real_world_lab boolean NOT NULL DEFAULT false,
        access text NOT NULL DEFAULT 'open',
        state text NOT NULL DEFAULT 'proposed',
        proposed_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_working_group PRIMARY KEY (id),
        CONSTRAINT fk_working_group_action_field FOREIGN KEY (action_field_id) REFERENCES action_field(id),
        CONSTRAINT fk_working_group_proposed_by FOREIGN KEY (proposed_by) REFERENCES person(id) ON DELETE SET NULL,
        CONSTRAINT ck_working_group_state CHECK (state IN ('proposed','approved','active','dormant','dissolved','permanent')),
        CONSTRAINT ck_working_group_access CHECK (access IN ('open','closed'))
      )`);
    await q.query(`CREATE INDEX ix_working_group_field_state ON working_group (action_field_id, state, name)`);
    await q.query(`CREATE INDEX ix_working_group_state_name ON working_group (state, name)`);
    await q.query(`CREATE INDEX ix_working_group_name ON working_group (name, id)`);

    await q.query(`
      CREATE TABLE working_group_transition (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL,
        from_state text,
        to_state text NOT NULL,
        reason text NOT NULL,
        effective_on date NOT NULL DEFAULT current_date,
        actor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_working_group_transition PRIMARY KEY (id),
        CONSTRAINT fk_working_group_transition_group FOREIGN KEY (group_id) REFERENCES working_group(id) ON DELETE CASCADE,
        CONSTRAINT fk_working_group_transition_actor FOREIGN KEY (actor_id) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX ix_working_group_transition_group ON working_group_transition (group_id, created_at)`);

    await q.query(`
      CREATE TABLE group_membership (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        group_id uuid NOT NULL,
        person_id uuid NOT NULL,
        role text NOT NULL DEFAULT 'member',
        status text NOT NULL,
        organisation_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        joined_at timestamptz,
        ended_at timestamptz,
        CONSTRAINT pk_group_membership PRIMARY KEY (id),
        CONSTRAINT fk_group_membership_group FOREIGN KEY (group_id) REFERENCES working_group(id) ON DELETE CASCADE,
        CONSTRAINT fk_group_membership_person FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE,
        CONSTRAINT fk_group_membership_organisation FOREIGN KEY (organisation_id) REFERENCES organisation(id) ON DELETE SET NULL,
        CONSTRAINT ck_group_membership_role CHECK (role IN ('lead','co_lead','member')),
        CONSTRAINT ck_group_membership_status CHECK (status IN ('member','requested','invited'))
      )`);
    // one open membership, request or invitation per person and group; ended ones stay as history
    await q.query(`CREATE UNIQUE INDEX uq_group_membership_open ON group_membership (group_id, person_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX ix_group_membership_group_members ON group_membership (group_id) WHERE ended_at IS NULL AND status = 'member'`);
    await q.query(`CREATE INDEX ix_group_membership_person ON group_membership (person_id) WHERE ended_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE group_membership`);
    await q.query(`DROP TABLE working_group_transition`);
    await q.query(`DROP TABLE working_group`);
  }
}
