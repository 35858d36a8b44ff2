/**
 * E-identity coverage of officials: official accounts (active, holding a current non-citizen role on a unit of the
 * subtree), those that signed in during the last 30 days, and those linked to a national e-ID (VNeID) — an ID
 * number an administrator linked for sign-in through the identity provider (`portal_official_ids`), or an identity
 * the account already signed in with (`portal_identities`). Read-only SQL over the accounts and portal tables
 * (neither module has a counting service).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { todayVn } from '../../../platform/clock.ts';
import type { LiveFigureProvider } from '../par/live-figures.ts';
import { subtreeOf } from '../shared.ts';

export interface EIdFigures {
  officialAccounts: number;
  activeLast30Days: number;
  /** Official accounts linked to a national e-ID. */
  eIdLinked: number | null;
  /** eIdLinked ÷ officialAccounts in %, 2 decimals: null without official accounts. */
  coverage: number | null;
  note: string;
}

export const EID_NOTE = 'officialAccounts and activeLast30Days are counted from accounts and role grants; eIdLinked counts those with an ID number linked for e-ID sign-in or an e-ID identity they signed in with (citizen portal, OpenID Connect).';

export async function eIdFigures(db: Db, rootUnitId: string, now: Date = new Date()): Promise<EIdFigures> {
  const today = todayVn(now);
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const res = (await db.execute(sql`
    SELECT count(*)::int AS accounts,
           count(*) FILTER (WHERE u.last_login_at >= ${since.toISOString()}::timestamptz)::int AS active,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM portal_official_ids p WHERE p.user_id = u.id)
                               OR EXISTS (SELECT 1 FROM portal_identities i WHERE i.user_id = u.id))::int AS linked
    FROM users u
    WHERE u.status = 'active' AND EXISTS (
      SELECT 1 FROM role_grants g
      WHERE g.user_id = u.id AND g.role <> 'citizen' AND g.revoked_at IS NULL
        AND g.valid_from <= ${today}::date AND (g.valid_to IS NULL OR g.valid_to >= ${today}::date)
        AND g.unit_id IN ${subtreeOf(rootUnitId)})`)) as unknown as { rows: Array<{ accounts: number; active: number; linked: number }> };
  const r = res.rows[0] ?? { accounts: 0, active: 0, linked: 0 };
  const accounts = Number(r.accounts);
  const linked = Number(r.linked);
  return { officialAccounts: accounts, activeLast30Days: Number(r.active), eIdLinked: linked, coverage: accounts === 0 ? null : Math.round((linked / accounts) * 10000) / 100, note: EID_NOTE };
}

export const eIdFigureProviders: LiveFigureProvider[] = [
  {
    key: 'accounts.official_accounts',
    source: 'accounts',
    unit: 'count',
    label: { vi: 'Tài khoản cán bộ trên motcua', en: 'Official accounts on motcua', fr: "Comptes d'agents sur motcua" },
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
  {
    key: 'accounts.eid_coverage',
    source: 'accounts',
    unit: 'percent',
    label: { vi: 'Tỷ lệ tài khoản cán bộ liên kết định danh điện tử', en: 'Official accounts linked to the national e-ID', fr: "Comptes d'agents liés à l'identité numérique nationale" },
    compute: async (q) => (await eIdFigures(q.db, q.rootUnitId)).coverage,
  },
];
