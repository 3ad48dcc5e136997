import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first definition (an SQL function: planned anew on every call, see ParticipationContextPlpgsql). */
export const PARTICIPATION_CONTEXT_V1 = `
      CREATE OR REPLACE FUNCTION participation_context(p_type text, p_id uuid, OUT group_id uuid, OUT action_field_id uuid) LANGUAGE sql STABLE AS $$
        WITH g AS (
          SELECT CASE p_type
            WHEN 'working_group' THEN p_id
            WHEN 'meeting' THEN (SELECT m.group_id FROM meeting m WHERE m.id = p_id)
            WHEN 'poll' THEN (SELECT m.group_id FROM poll p JOIN meeting m ON m.id = p.meeting_id WHERE p.id = p_id)
            WHEN 'card' THEN (SELECT b.group_id FROM card c JOIN board b ON b.id = c.board_id WHERE c.id = p_id)
            WHEN 'thread' THEN (SELECT CASE t.subject_type
                                  WHEN 'group' THEN t.subject_id
                                  WHEN 'meeting' THEN (SELECT m.group_id FROM meeting m WHERE m.id = t.subject_id)
                                  WHEN 'card' THEN (SELECT b.group_id FROM card c JOIN board b ON b.id = c.board_id WHERE c.id = t.subject_id)
                                END FROM thread t WHERE t.id = p_id)
          END AS gid)
        SELECT g.gid,
               coalesce((SELECT wg.action_field_id FROM working_group wg WHERE wg.id = g.gid),
                        CASE WHEN p_type = 'card' THEN (SELECT c.action_field_id FROM card c WHERE c.id = p_id) END)
          FROM g
      $$`;

/**
 * Research: every participation event carries the working group and action field of
 * what it was about (as it was then), studies with their pseudonym secrets, the export
 * log, and a monthly per-person roll-up that keeps the dashboard fast at a million events.
 */
export class Research1764700000000 implements MigrationInterface {
  name = 'Research1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participation_event ADD COLUMN group_id uuid, ADD COLUMN action_field_id uuid`);
    // the group and field of a subject at this moment; a trigger fills them for every writer
    await q.query(PARTICIPATION_CONTEXT_V1);
    await q.query(`
      CREATE FUNCTION participation_event_context() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.group_id IS NULL AND NEW.action_field_id IS NULL AND NEW.subject_id IS NOT NULL THEN
          SELECT c.group_id, c.action_field_id INTO NEW.group_id, NEW.action_field_id FROM participation_context(NEW.subject_type, NEW.subject_id) c;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tr_participation_event_context BEFORE INSERT ON participation_event FOR EACH ROW EXECUTE FUNCTION participation_event_context()`);
    await q.query(`
      UPDATE participation_event e SET (group_id, action_field_id) = (SELECT c.group_id, c.action_field_id FROM participation_context(e.subject_type, e.subject_id) c)
       WHERE e.subject_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_participation_event_time ON participation_event (occurred_at)`);
    // continuity: who attended which plenary
    await q.query(`CREATE INDEX ix_participation_event_attended ON participation_event (subject_id, person_id) WHERE kind = 'meeting_attended'`);

    // one row per person, month and context: the dashboard aggregates this instead of every event;
    // "none" is '' or the nil uuid, so a plain unique index allows REFRESH … CONCURRENTLY
    await q.query(`
      CREATE MATERIALIZED VIEW participation_monthly AS
        SELECT date_trunc('month', occurred_at AT TIME ZONE 'Europe/Berlin')::date AS month, person_id,
               coalesce(actor_type, '') AS actor_type, coalesce(sector, '') AS sector,
               coalesce(group_id, '00000000-0000-0000-0000-000000000000') AS group_id,
               coalesce(action_field_id, '00000000-0000-0000-0000-000000000000') AS action_field_id,
               count(*)::int AS events
          FROM participation_event GROUP BY 1, 2, 3, 4, 5, 6`);
    await q.query(`CREATE UNIQUE INDEX uq_participation_monthly ON participation_monthly (month, person_id, actor_type, sector, group_id, action_field_id)`);
    await q.query(`CREATE INDEX ix_participation_monthly_person ON participation_monthly (person_id)`);

    // a study's secret keys its pseudonyms: stable within the study, different between studies
    await q.query(`
      CREATE TABLE research_study (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        secret bytea NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_research_study PRIMARY KEY (id),
        CONSTRAINT uq_research_study_name UNIQUE (name),
        CONSTRAINT fk_research_study_created_by FOREIGN KEY (created_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
    await q.query(`
      CREATE TABLE research_export (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        study_id uuid NOT NULL,
        exported_by uuid,
        filters jsonb NOT NULL,
        persons int NOT NULL,
        events int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_research_export PRIMARY KEY (id),
        CONSTRAINT fk_research_export_study FOREIGN KEY (study_id) REFERENCES research_study(id) ON DELETE CASCADE,
        CONSTRAINT fk_research_export_by FOREIGN KEY (exported_by) REFERENCES person(id) ON DELETE SET NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE research_export`);
    await q.query(`DROP TABLE research_study`);
    await q.query(`DROP MATERIALIZED VIEW participation_monthly`);
    await q.query(`DROP TRIGGER tr_participation_event_context ON participation_event`);
    await q.query(`DROP FUNCTION participation_event_context()`);
    await q.query(`DROP FUNCTION participation_context(text, uuid)`);
    await q.query(`DROP INDEX ix_participation_event_attended`);
    await q.query(`DROP INDEX ix_participation_event_time`);
    await q.query(`ALTER TABLE participation_event DROP COLUMN group_id, DROP COLUMN action_field_id`);
  }
}
