import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { roleGrants, users } from '../../accounts/accounts.schema.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { Participant } from './types.ts';
import { PREVIEW_ITEMS, pgArray } from './types.ts';

interface Row {
  id: string;
  userId: string;
  username: string;
  role: string;
  unitId: string;
  validFrom: string;
}

/** Officials' role grants on ended units: ended the day before, re-issued on the successor from the effective date. */
export const grantsParticipant: Participant<Row> = {
  key: 'grants',
  label: { vi: 'Phân quyền cán bộ (cấp lại trên đơn vị kế thừa)', en: "Officials' role grants (re-issued on the successor)", fr: 'Rôles des agents (réattribués au successeur)' },
  async collect(db, plan) {
    const res = (await db.execute(sql`
      SELECT g.id, g.user_id AS "userId", u.username, g.role, g.unit_id AS "unitId", g.valid_from AS "validFrom"
      FROM role_grants g JOIN users u ON u.id = g.user_id
      WHERE g.unit_id = ANY(${pgArray(plan.ended.keys())}::uuid[]) AND g.revoked_at IS NULL AND (g.valid_to IS NULL OR g.valid_to >= ${plan.effectiveDate})
      ORDER BY u.username, g.role`)) as unknown as { rows: Row[] };
    const rows = res.rows.map((r) => ({ ...r, validFrom: String(r.validFrom) }));
    return {
      count: rows.length,
      rows,
      conflicts: [],
      items: rows.slice(0, PREVIEW_ITEMS).map((r) => ({ id: r.id, label: `${r.username} · ${r.role}`, from: plan.nameOf(r.unitId), to: plan.nameOf(plan.target(r.unitId)) })),
    };
  },
  async execute(x, c) {
    const { tx, plan } = x;
    if (c.rows.length === 0) return 0;
    await x.log.snapshot('grants', 'role_grants', c.rows.map((r) => r.id));
    let n = 0;
    for (const r of c.rows) {
      const target = x.resolve(plan.target(r.unitId));
      // A grant that had not started yet is withdrawn rather than ended before its start.
      if (r.validFrom >= plan.effectiveDate) await tx.db.update(roleGrants).set({ revokedAt: x.now }).where(eq(roleGrants.id, r.id));
      else await tx.db.update(roleGrants).set({ validTo: plan.endDate }).where(eq(roleGrants.id, r.id));
      const [held] = await tx.db
        .select({ id: roleGrants.id })
        .from(roleGrants)
        .where(and(eq(roleGrants.userId, r.userId), eq(roleGrants.role, r.role), eq(roleGrants.unitId, target), isNull(roleGrants.revokedAt), sql`(${roleGrants.validTo} IS NULL OR ${roleGrants.validTo} >= ${plan.effectiveDate})`));
      let newId: string | null = null;
      if (!held) {
        const validFrom = r.validFrom > plan.effectiveDate ? r.validFrom : plan.effectiveDate;
        const [g] = await tx.db.insert(roleGrants).values({ userId: r.userId, role: r.role, unitId: target, validFrom, grantedBy: x.actor.userId }).returning({ id: roleGrants.id });
        newId = g.id;
        await x.log.inserted('grants', 'role_grants', [g.id]);
      }
      await recordAudit(tx, x.actor, { action: 'account.grant.reissue', subjectType: 'user', subjectId: r.userId, unitId: target, before: { grant: r.id, role: r.role, unitId: r.unitId }, after: { grant: newId ?? held?.id, role: r.role, unitId: target, validFrom: plan.effectiveDate, plan: x.planId } });
      n++;
    }
    return n;
  },
  async blockers(db, planId, executedAt, successorIds) {
    if (successorIds.length === 0) return [];
    const fresh = await db
      .select({ username: users.username })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(inArray(roleGrants.unitId, successorIds), gt(roleGrants.createdAt, executedAt), sql`NOT EXISTS (SELECT 1 FROM reorganisation_changes c WHERE c.plan_id = ${planId}::uuid AND c.table_name = 'role_grants' AND c.row_id = ${roleGrants.id})`));
    const used = (await db.execute(sql`
      SELECT DISTINCT u.username FROM reorganisation_changes c JOIN role_grants g ON g.id = c.row_id JOIN users u ON u.id = g.user_id
      WHERE c.plan_id = ${planId}::uuid AND c.table_name = 'role_grants' AND c.action = 'insert' AND u.last_login_at > ${executedAt.toISOString()}::timestamptz LIMIT 20`)) as unknown as { rows: Array<{ username: string }> };
    return [
      ...fresh.map((r) => ({ vi: `${r.username} được phân quyền mới tại đơn vị kế thừa`, en: `role granted to ${r.username} on a successor`, fr: `rôle attribué à ${r.username} chez un successeur` })),
      ...used.rows.map((r) => ({ vi: `${r.username} đã đăng nhập bằng quyền được cấp lại`, en: `${r.username} signed in with a re-issued grant`, fr: `${r.username} s'est connecté avec un rôle réattribué` })),
    ];
  },
};
