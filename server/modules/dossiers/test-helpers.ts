/** Shared set-up of the dossier module's tests: a test server with the demo procedures, and small helpers. */
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { seedDemoProcedures } from '../procedures/index.ts';
import type { DossierDeps } from './dossiers.service.ts';
import { makeContext, type Context } from '../accounts/context.ts';
import { permissionsOf, type Grant, type Role } from '../accounts/permissions.ts';

export interface DossierTestServer extends TestServer {
  deps: DossierDeps;
  /** Procedure id by demo catalogue code (e.g. TY-HT-04: 3 working days, steps receive/appraise/sign/return). */
  procedure(code: string): Promise<string>;
  /** A service-level context acting as a demo user (with that user's grants in force today, as at sign-in). */
  ctxOf(username: string): Promise<Context>;
  cookies: Record<string, string>;
}

/** Boots the app on a fresh database and seeds the demo procedure catalogue (when the installation seed did not). */
export async function startDossierServer(env: Record<string, string> = {}): Promise<DossierTestServer> {
  const s = await startTestServer(env);
  const keyOf: Record<string, string> = {
    p_qn: 'Tỉnh Quảng Ninh',
    n_tien_yen: 'Xã Tiên Yên',
    p_qn_ttpvhcc: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh',
    d_tien_yen: 'Huyện Tiên Yên',
    d_tien_yen_hcc: 'Trung tâm Hành chính công huyện Tiên Yên',
  };
  const ids: Record<string, string> = {};
  for (const [k, name] of Object.entries(keyOf)) ids[k] = await s.unitId(name);
  await s.database.transaction((tx) => seedDemoProcedures(tx, ids).then(() => undefined));
  const cookies: Record<string, string> = {};
  for (const u of ['motcua', 'chuyenvien', 'lanhdao', 'motcua.hailang', 'congdan', 'admin']) cookies[u] = await s.login(u);
  return {
    ...s,
    deps: { database: s.database, queue: s.queue },
    cookies,
    async procedure(code) {
      const { rows } = await s.database.query('SELECT id FROM procedures WHERE code = $1', [code]);
      if (!rows[0]) throw new Error(`no procedure ${code}`);
      return rows[0].id as string;
    },
    async ctxOf(username) {
      const { rows } = await s.database.query(
        `SELECT u.id, u.full_name, g.id AS gid, g.role, g.unit_id FROM users u JOIN role_grants g ON g.user_id = u.id WHERE u.username = $1 AND g.revoked_at IS NULL AND g.valid_from <= CURRENT_DATE AND (g.valid_to IS NULL OR g.valid_to >= CURRENT_DATE)`,
        [username],
      );
      const grants: Grant[] = rows.map((r) => ({ id: String(r.gid), role: r.role as Role, unitId: (r.unit_id as string | null) ?? null }));
      const userId = String(rows[0].id);
      return makeContext(s.database.db, { userId, label: username, requestId: null }, { userId, username, fullName: String(rows[0].full_name), grants, permissions: permissionsOf(grants), mustChangePassword: false }, 'vi');
    },
  };
}

/** A checklist with every required document ticked, for a procedure with `n` documents. */
export const allDocuments = (n: number) => Array.from({ length: n }, (_, index) => ({ index, received: true }));

/** Vietnam local time → Date. */
export const vn = (local: string) => new Date(`${local}:00+07:00`);
