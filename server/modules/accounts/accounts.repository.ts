import { and, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { searchNorm } from '../../platform/text.ts';
import { units } from '../units/units.schema.ts';
import { roleGrants, sessions, users } from './accounts.schema.ts';
import type { Grant, Role } from './permissions.ts';

export type UserRow = typeof users.$inferSelect;

/** Grants in force today (not revoked, within their dates), with the unit's name. */
export async function findActiveGrants(db: Db, userIds: string[], today: string) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: roleGrants.id, userId: roleGrants.userId, role: roleGrants.role, unitId: roleGrants.unitId, unitName: units.name, validFrom: roleGrants.validFrom, validTo: roleGrants.validTo })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(
      and(
        inArray(roleGrants.userId, userIds),
        isNull(roleGrants.revokedAt),
        sql`${roleGrants.validFrom} <= ${today}`,
        or(isNull(roleGrants.validTo), sql`${roleGrants.validTo} >= ${today}`),
      ),
    )
    .orderBy(roleGrants.createdAt);
}

export async function findUserByUsername(db: Db, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u;
}

export async function findUserById(db: Db, id: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

/** The session's user if the token is live; one round trip on the hot path of every request. */
export async function findSessionUser(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ sessionId: sessions.id, expiresAt: sessions.expiresAt, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

export interface AccountFilter {
  q?: string;
  /** Only accounts with a live grant on one of these units; 'all' = no restriction. */
  unitIds: string[] | 'all';
  role?: Role;
  limit: number;
  offset: number;
  today: string;
}

function accountConditions(f: AccountFilter): SQL | undefined | false {
  const conds: SQL[] = [];
  const q = f.q ? searchNorm(f.q).trim().replace(/\s+/g, ' ') : '';
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conds.push(or(sql`search_norm(${users.fullName}) LIKE ${like}`, sql`${users.username} LIKE ${like}`)!);
  }
  const grantConds: SQL[] = [isNull(roleGrants.revokedAt), sql`${roleGrants.validFrom} <= ${f.today}`, or(isNull(roleGrants.validTo), sql`${roleGrants.validTo} >= ${f.today}`)!];
  if (f.unitIds !== 'all') {
    if (f.unitIds.length === 0) return false;
    grantConds.push(inArray(roleGrants.unitId, f.unitIds));
  }
  if (f.role) grantConds.push(eq(roleGrants.role, f.role));
  if (f.unitIds !== 'all' || f.role) {
    conds.push(sql`EXISTS (SELECT 1 FROM ${roleGrants} WHERE ${roleGrants.userId} = ${users.id} AND ${and(...grantConds)})`);
  }
  return and(...conds);
}

/**
 * One page of the accounts matching the filter, in Vietnamese alphabetical order of full name (username breaks
 * ties, so pages neither repeat nor skip anyone), and how many match in all.
 */
export async function findAccounts(db: Db, f: AccountFilter): Promise<{ total: number; rows: UserRow[] }> {
  const where = accountConditions(f);
  if (where === false) return { total: 0, rows: [] };
  // One after the other: the handle may be a transaction's single connection.
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  const rows = Number(n) === 0 ? [] : await db.select().from(users).where(where).orderBy(sql`vi_sort_key(${users.fullName}) COLLATE "C"`, users.username).limit(f.limit).offset(f.offset);
  return { total: Number(n), rows };
}

export const toGrant = (g: { id: string; role: string; unitId: string | null; unitName: string | null; validFrom: string; validTo: string | null }): Grant => ({
  id: g.id,
  role: g.role as Role,
  unitId: g.unitId,
  unitName: g.unitName,
  validFrom: g.validFrom,
  validTo: g.validTo,
});
