/** Helpers shared by the reform sub-areas: field errors, unit-scope filters, subtree checks, paging. */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { AppError, conflict, forbidden, type FieldError, type LocalizedText } from '../../platform/errors.ts';
import type { Context, Scope } from '../accounts/context.ts';
import type { Permission } from '../accounts/permissions.ts';
import { units } from '../units/units.schema.ts';
import type { Lang3 } from './reform.kinds.ts';
import { noRightOnUnits, staleVersionText, type ReformRecord } from './reform.messages.ts';

/** A 400 naming one field. */
export function invalidField(field: string, code: string, message: Lang3, detail?: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail: detail ?? `${field}: ${message.en}`, fields: [{ field, code, message }] });
}

/** A 400 naming several fields. */
export function invalidFields(fields: FieldError[], detail = 'validation failed'): AppError {
  return new AppError('VALIDATION_FAILED', { detail, fields });
}

export const MSG = {
  unitMissing: { vi: 'Đơn vị không tồn tại', en: 'This unit does not exist', fr: "Cette unité n'existe pas" },
  notInSubtree: { vi: 'Đơn vị không thuộc phạm vi của đơn vị chủ quản', en: 'The unit is not under the owning unit', fr: "L'unité ne relève pas de l'unité responsable" },
  endBeforeStart: { vi: 'Ngày kết thúc trước ngày bắt đầu', en: 'End date is before start date', fr: 'La date de fin précède la date de début' },
} satisfies Record<string, Lang3>;

/** Throws 400 on `field` unless the unit exists; returns it. */
export async function requireUnitExists(db: Db, unitId: string, field: string) {
  const [u] = await db.select().from(units).where(eq(units.id, unitId));
  if (!u) throw invalidField(field, 'not_found', MSG.unitMissing);
  return u;
}

/** SQL: the ids of `rootId` and every unit below it, whatever their dates. */
export const subtreeOf = (rootId: string): SQL =>
  sql`(WITH RECURSIVE t(id) AS (SELECT id FROM units WHERE id = ${rootId}::uuid UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t)`;

/** Whether `unitId` is `rootId` or lies below it. */
export async function isInSubtree(db: Db, rootId: string, unitId: string): Promise<boolean> {
  const res = (await db.execute(sql`SELECT ${unitId}::uuid IN ${subtreeOf(rootId)} AS inside`)) as unknown as { rows: Array<{ inside: boolean }> };
  return !!res.rows[0]?.inside;
}

/**
 * The condition "column lies in the caller's scope": undefined when the scope is everything, `sql false`
 * when it is empty.
 */
export function inScope(scope: Scope, column: AnyPgColumn): SQL | undefined {
  if (scope.all) return undefined;
  if (scope.ids.size === 0) return sql`false`;
  return inArray(column, [...scope.ids]);
}

/** Passes when any of the (permission, unit) pairs is granted; otherwise FORBIDDEN. */
export async function requireAnyUnit(ctx: Context, pairs: Array<[Permission, string | null | undefined]>): Promise<void> {
  for (const [p, u] of pairs) if ((await ctx.scope(p)).covers(u)) return;
  throw forbidden(noRightOnUnits(pairs.map(([p]) => p)));
}

/** Whether the caller holds `permission` on `unitId`. */
export async function can(ctx: Context, permission: Permission, unitId: string | null | undefined): Promise<boolean> {
  return (await ctx.scope(permission)).covers(unitId);
}

/** A unique-constraint violation (directly or wrapped by drizzle) becomes 409, saying what is taken (reform.messages.ts). */
export function conflictOnDuplicate(err: unknown, detail: LocalizedText, params: Record<string, string | number> = {}): never {
  const e = err as { code?: string; cause?: { code?: string } };
  if (e?.code === '23505' || e?.cause?.code === '23505') throw conflict(detail, params);
  throw err;
}

/** Stale optimistic lock on a reform record. */
export const staleVersion = (what: ReformRecord, current: number, sent: number) => conflict(staleVersionText(what), { current, sent });

/** [first day, last day] of a year. */
export const yearBounds = (year: number): [string, string] => [`${year}-01-01`, `${year}-12-31`];

/** A date column within a year, when a year is given. */
export function inYear(column: AnyPgColumn, year: number | undefined): SQL | undefined {
  if (year === undefined) return undefined;
  const [from, to] = yearBounds(year);
  return sql`${column} BETWEEN ${from} AND ${to}`;
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const andAll = (conds: Array<SQL | undefined>): SQL | undefined => and(...conds.filter((c): c is SQL => c !== undefined));

/** Unit names by id (one query), for presenting rows. */
export async function unitNames(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Full names of accounts by id (who reported, who closed), read-only. */
export async function userNames(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const res = (await db.execute(sql`SELECT id, full_name FROM users WHERE id IN (${sql.join(list.map((i) => sql`${i}::uuid`), sql`, `)})`)) as unknown as { rows: Array<{ id: string; full_name: string }> };
  return new Map(res.rows.map((r) => [r.id, r.full_name]));
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Serialises a timestamp for the API. */
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
