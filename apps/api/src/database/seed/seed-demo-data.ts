import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { DEMO_ACTION_FIELDS, DEMO_ORGANISATIONS, DEMO_PERSONS } from './demo-data';

export const DEMO_SEED_KEY = 'demo-data-v1';

/**
 * Loads the Bottrop demo data once. The marker row in `seed_run` is written in the
 * same transaction as the data, and an advisory lock keeps two starting instances
 * from loading it twice. Returns false when the data was already there.
 */
export async function seedDemoData(ds: DataSource, password: string): Promise<boolean> {
  // One hash for all demo accounts: they share the demo password anyway.
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('allmende:seed'))`);
    const done = await em.query(`SELECT 1 FROM seed_run WHERE key = $1`, [DEMO_SEED_KEY]);
    if (done.length) return false;
    await insertDemoData(em, passwordHash);
    await em.query(`INSERT INTO seed_run (key) VALUES ($1)`, [DEMO_SEED_KEY]);
    return true;
  });
}

async function insertDemoData(em: EntityManager, passwordHash: string): Promise<void> {
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
      await em.query(
        `INSERT INTO affiliation (person_id, organisation_id, role) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING`,
        [row.id, organisationId, role],
      );
    }
  }
}
