import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every API instance when a session ends or its person changes (NOTIFY is sent
 * at commit, to every connection that LISTENs), so each can forget the sessions it
 * remembers as open (OpenSessions). Triggers, so any writer is covered, also a
 * statement typed into psql.
 */
export class SessionEndedNotifications1765000000000 implements MigrationInterface {
  name = 'SessionEndedNotifications1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'person' THEN
          PERFORM pg_notify('allmende_session_ended', 'person:' || OLD.id);
        ELSE
          PERFORM pg_notify('allmende_session_ended', 'session:' || OLD.id);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_auth_session_ended AFTER UPDATE ON auth_session FOR EACH ROW
        WHEN (OLD.revoked_at IS NULL AND (NEW.revoked_at IS NOT NULL OR NEW.expires_at < OLD.expires_at OR NEW.person_id <> OLD.person_id))
        EXECUTE FUNCTION notify_session_ended()`);
    await q.query(`
      CREATE TRIGGER tr_auth_session_deleted AFTER DELETE ON auth_session FOR EACH ROW
        WHEN (OLD.revoked_at IS NULL) EXECUTE FUNCTION notify_session_ended()`);
    await q.query(`
      CREATE TRIGGER tr_person_sessions_changed AFTER UPDATE OF roles, deleted_at ON person FOR EACH ROW
        WHEN (OLD.roles IS DISTINCT FROM NEW.roles OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at) EXECUTE FUNCTION notify_session_ended()`);
    await q.query(`CREATE TRIGGER tr_person_deleted AFTER DELETE ON person FOR EACH ROW EXECUTE FUNCTION notify_session_ended()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_person_deleted ON person`);
    await q.query(`DROP TRIGGER tr_person_sessions_changed ON person`);
    await q.query(`DROP TRIGGER tr_auth_session_deleted ON auth_session`);
    await q.query(`DROP TRIGGER tr_auth_session_ended ON auth_session`);
    await q.query(`DROP FUNCTION notify_session_ended()`);
  }
}
