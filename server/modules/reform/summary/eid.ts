/**
 * E-identity coverage of officials. Today motcua knows accounts, not e-ID links: the OpenID Connect link to
 * the national e-ID (VNeID) arrives with the citizen-portal issue. So the figures are computed from the rows
 * that exist — official accounts (active, holding a current non-citizen role on a unit of the subtree) and those
 * that signed in during the last 30 days — and `eIdLinked` stays null ("not yet recorded") until the link exists.
 * Read-only SQL over the accounts tables (the accounts module has no counting service yet).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { todayVn } from '../../../platform/clock.ts';
import type { LiveFigureProvider } from '../par/live-figures.ts';
import { subtreeOf } from '../shared.ts';

export interface EIdFigures {
  officialAccounts: number;
  activeLast30Days: number;
  /** Accounts linked to a national e-ID: not recorded yet (null). */
  eIdLinked: number | null;
  /** eIdLinked ÷ officialAccounts in %: null while eIdLinked is. */
  coverage: number | null;
  note: string;
}

export const EID_NOTE = 'eIdLinked is not recorded yet (the OpenID Connect link to VNeID comes with the citizen-portal issue); officialAccounts and activeLast30Days are counted from accounts and role grants.';

export async function eIdFigures(db: Db, rootUnitId: string, now: Date = new Date()): Promise<EIdFigures> {
  const today = todayVn(now);
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const res = (await db.execute(sql`
    SELECT count(*)::int AS accounts,
           count(*) FILTER (WHERE u.last_login_at >= ${since.toISOString()}::timestamptz)::int AS active
    FROM users u
    WHERE u.status = 'active' AND EXISTS (
      SELECT 1 FROM role_grants g
      WHERE g.user_id = u.id AND g.role <> 'citizen' AND g.revoked_at IS NULL
        AND g.valid_from <= ${today}::date AND (g.valid_to IS NULL OR g.valid_to >= ${today}::date)
        AND g.unit_id IN ${subtreeOf(rootUnitId)})`)) as unknown as { rows: Array<{ accounts: number; active: number }> };
  const r = res.rows[0] ?? { accounts: 0, active: 0 };
  return { officialAccounts: Number(r.accounts), activeLast30Days: Number(r.active), eIdLinked: null, coverage: null, note: EID_NOTE };
}

export const eIdFigureProviders: LiveFigureProvider[] = [
  {
    key: 'accounts.official_accounts',
    source: 'accounts',
    unit: 'count',
    label: { vi: 'Tài khoản cán bộ trên motcua (chưa gồm liên kết định danh điện tử)', en: 'Official accounts on motcua (e-ID link not recorded yet)', fr: "Comptes d'agents sur motcua (lien e-ID pas encore enregistré)" },
    compute: async (q) => (await eIdFigures(q.db, q.rootUnitId)).officialAccounts,
  },
  {
    key: 'accounts.active_rate',
    source: 'accounts',
    unit: 'percent',
    label: { vi: 'Tỷ lệ tài khoản cán bộ đăng nhập trong 30 ngày', en: 'Official accounts used in the last 30 days', fr: 'Comptes utilisés ces 30 derniers jours' },
    compute: async (q) => {
      const f = await eIdFigures(q.db, q.rootUnitId);
      return f.officialAccounts === 0 ? null : Math.round((f.activeLast30Days / f.officialAccounts) * 10000) / 100;
    },
  },
];
