import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../platform/messages.ts';
import type { Actor } from '../audit/audit.service.ts';
import { notGranted } from './accounts.messages.ts';
import { scopeRoots, type Permission, type Principal } from './permissions.ts';

/** The set of units on which the caller holds a permission: either everything, or explicit unit ids. */
export interface Scope {
  all: boolean;
  ids: ReadonlySet<string>;
  covers(unitId: string | null | undefined): boolean;
}

/** What a use case knows of its caller: who (for audit), their rights, their language. */
export interface Context {
  actor: Actor;
  principal: Principal | null;
  lang: Lang;
  /** Units covered by `permission` (subtrees of the granted units, across all dates). Cached per context. */
  scope(permission: Permission): Promise<Scope>;
  /** Throws FORBIDDEN (naming the right in the caller's language) unless `unitId` lies in the scope of `permission`. */
  requireUnit(permission: Permission, unitId: string | null | undefined): Promise<void>;
}

/** Ids of the given units and of every unit below them, whatever their validity dates. */
export async function subtreeIds(db: Db, roots: string[]): Promise<string[]> {
  if (roots.length === 0) return [];
  const res = (await db.execute(sql`
    WITH RECURSIVE t(id) AS (
      SELECT id FROM units WHERE id IN (${sql.join(roots.map((r) => sql`${r}::uuid`), sql`, `)})
      UNION
      SELECT u.id FROM units u JOIN t ON u.parent_id = t.id
    ) SELECT id FROM t`)) as unknown as { rows: Array<{ id: string }> };
  return res.rows.map((r) => r.id);
}

export function makeContext(db: Db, actor: Actor, principal: Principal | null, lang: Lang): Context {
  const cache = new Map<Permission, Promise<Scope>>();
  const ctx: Context = {
    actor,
    principal,
    lang,
    scope(permission) {
      let s = cache.get(permission);
      if (!s) {
        s = (async (): Promise<Scope> => {
          if (!principal) return { all: false, ids: new Set(), covers: () => false };
          const roots = scopeRoots(principal, permission);
          if (roots === 'all') return { all: true, ids: new Set(), covers: () => true };
          const ids = new Set(await subtreeIds(db, roots));
          return { all: false, ids, covers: (u) => !!u && ids.has(u) };
        })();
        cache.set(permission, s);
      }
      return s;
    },
    async requireUnit(permission, unitId) {
      const s = await ctx.scope(permission);
      if (!s.covers(unitId)) throw notGranted(permission, unitId);
    },
  };
  return ctx;
}
