import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { hashPassword } from '../accounts/password.ts';
import { roleGrants, users } from '../accounts/accounts.schema.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import { units } from '../units/units.schema.ts';
import { seedCalendar } from '../calendar/calendar.service.ts';
import { seedDemoProcedures } from '../procedures/index.ts';
import { seedDemoReform } from '../reform/demo/demo-reform.ts';
import { seedDemoDossiers } from '../dossiers/dossiers.seed.ts';
import { seedDemoPaymentAccounts } from '../portal/portal.service.ts';
import { settings } from './system.schema.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoUnits, preReformUnitOf } from './demo-locality.ts';
import { demoCommunePlan, demoDistrictPlan, finishPreReformDossiers, runDemoPlan, seedPreReformDossiers } from '../reorganisation/demo-2025.ts';

export type SeedResult = { seeded: false } | { seeded: true; kind: 'demo'; accounts: Array<{ username: string; role: string }>; password: string } | { seeded: true; kind: 'none'; username: string; password: string };

/** Whether the installation was seeded already (first start only). */
export async function seedState(database: Database): Promise<string | null> {
  const [row] = await database.db.select().from(settings).where(eq(settings.key, 'seed'));
  return row ? String((row.value as { kind: string }).kind) : null;
}

/**
 * Seeds a new installation once: `demo` = the demo locality with one account per role; `none` = only an
 * administrator (with the given or a random password). Runs in one transaction; a second call does nothing.
 */
export async function seed(database: Database, kind: 'demo' | 'none', adminPassword?: string, opts: { demoActivity?: boolean } = {}): Promise<SeedResult> {
  // Reference data every installation needs, added to older installations too (each seeder is idempotent).
  await database.transaction((tx) => seedCalendar(tx));
  if (await seedState(database)) return { seeded: false };
  if (kind === 'none') {
    const password = adminPassword ?? randomBytes(9).toString('base64url') + '7';
    const passwordHash = await hashPassword(password);
    await database.transaction(async (tx) => {
      const [u] = await tx.db.insert(users).values({ username: 'admin', fullName: 'Quản trị hệ thống', passwordHash, mustChangePassword: !adminPassword }).returning();
      await tx.db.insert(roleGrants).values({ userId: u.id, role: 'admin', unitId: null, validFrom: '2000-01-01' });
      await tx.db.insert(settings).values({ key: 'seed', value: { kind: 'none', at: new Date().toISOString() } });
      await recordAudit(tx, systemActor('seed'), { action: 'seed.none', subjectType: 'installation', after: { admin: u.id } });
    });
    return { seeded: true, kind: 'none', username: 'admin', password };
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const list = demoUnits();
  const ids = new Map<string, string>();
  await database.transaction(async (tx) => {
    for (const u of list) {
      const [row] = await tx.db
        .insert(units)
        .values({ name: u.name, kind: u.kind, parentId: u.parent ? ids.get(u.parent)! : null, code: u.code ?? null, adminCode: u.adminCode ?? null, validFrom: u.validFrom, validTo: u.validTo ?? null, isDemo: true, unconfirmed: u.unconfirmed ?? false, notes: u.notes ?? null })
        .returning({ id: units.id });
      ids.set(u.key, row.id);
    }
    // Accounts as before the 2025 reform (on the former commune their new commune is named after); the commune
    // merger plan re-issues their grants on the new communes from 1 July 2025.
    for (const a of DEMO_ACCOUNTS) {
      const [u] = await tx.db.insert(users).values({ username: a.username, fullName: a.fullName, passwordHash, isDemo: true }).returning();
      await tx.db.insert(roleGrants).values({ userId: u.id, role: a.role, unitId: a.unit ? ids.get(preReformUnitOf(a.unit)!)! : null, validFrom: '2015-01-01' });
    }
    // The 2025 reform goes through the re-organisation module: the commune merger now (the catalogue needs the new
    // communes), the end of the district after the demo activity (so that its open dossiers are carried over).
    for (const [k, v] of await runDemoPlan(tx, demoCommunePlan(ids))) ids.set(k, v);
    await seedDemoProcedures(tx, ids);
    await seedDemoPaymentAccounts(tx.db);
    if (opts.demoActivity === false) await runDemoPlan(tx, demoDistrictPlan(ids));
    await tx.db.insert(settings).values({ key: 'seed', value: { kind: 'demo', at: new Date().toISOString() } });
    await recordAudit(tx, systemActor('seed'), { action: 'seed.demo', subjectType: 'installation', after: { units: list.length, accounts: DEMO_ACCOUNTS.length } });
  });
  // A year and more of activity for the demo: reform programme records and dossiers in every state, some open
  // across 1 July 2025. Tests that do not need them skip them (they seed what they test).
  if (opts.demoActivity !== false) {
    await seedDemoReform(database);
    await seedDemoDossiers(database);
    const carried = await seedPreReformDossiers(database);
    await database.transaction((tx) => runDemoPlan(tx, demoDistrictPlan(ids)));
    await finishPreReformDossiers(database, carried);
    await (await import('../feedback/feedback.seed.ts')).seedDemoFeedback(database);
  }
  return { seeded: true, kind: 'demo', accounts: DEMO_ACCOUNTS.map((a) => ({ username: a.username, role: a.role })), password: DEMO_PASSWORD };
}
