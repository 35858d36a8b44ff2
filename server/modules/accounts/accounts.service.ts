import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChangePasswordBody, CreateAccountBody, GrantInput, ListAccountsQuery, ResetPasswordBody, UpdateAccountBody } from '../../../contracts/accounts.ts';
import type { Database, Db, Tx } from '../../db/client.ts';
import { todayVn } from '../../platform/clock.ts';
import { AppError, conflict, fillEach, forbidden, notFound, ruleViolated } from '../../platform/errors.ts';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { findUnitById } from '../units/units.repository.ts';
import { ACCOUNT_REFUSALS, notGranted, roleLabel } from './accounts.messages.ts';
import { findAccounts, findActiveGrants, findSessionUser, findUserById, findUserByUsername, toGrant, type UserRow } from './accounts.repository.ts';
import { roleGrants, sessions, users } from './accounts.schema.ts';
import type { Context } from './context.ts';
import { dummyHash, hashPassword, verifyPassword } from './password.ts';
import { permissionsOf, type Principal, type Role } from './permissions.ts';
import { cacheSession, forgetUser, getCachedSession } from './session-cache.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface AuthSettings {
  maxFailures: number;
  lockMinutes: number;
  sessionTtlHours: number;
}

type GrantRow = Awaited<ReturnType<typeof findActiveGrants>>[number];
const presentGrant = (g: GrantRow) => ({ id: g.id, role: g.role as Role, unitId: g.unitId, unitName: g.unitName, validFrom: g.validFrom, validTo: g.validTo });

function presentAccount(u: UserRow, grants: GrantRow[]) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    status: u.status as 'active' | 'disabled',
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    isDemo: u.isDemo,
    version: u.version,
    grants: grants.filter((g) => g.userId === u.id).map(presentGrant),
  };
}
export type AccountView = ReturnType<typeof presentAccount>;

/** What the audit log keeps of an account: never the password hash. */
const auditable = (u: UserRow) => ({ id: u.id, username: u.username, fullName: u.fullName, email: u.email, phone: u.phone, status: u.status, mustChangePassword: u.mustChangePassword, version: u.version });

async function principalOf(db: Db, u: UserRow): Promise<Principal> {
  const grants = (await findActiveGrants(db, [u.id], todayVn())).map(toGrant);
  return { userId: u.id, username: u.username, fullName: u.fullName, grants, permissions: permissionsOf(grants), mustChangePassword: u.mustChangePassword };
}

/**
 * Checks a username and password. Repeated failures lock the account for a while (the failure is recorded
 * and audited even though the call then throws). Returns a new session token for the cookie.
 */
export async function login(
  database: Database,
  settings: AuthSettings,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  actor: Actor,
): Promise<{ token: string; principal: Principal; expiresAt: Date }> {
  const user = await findUserByUsername(database.db, input.username);
  const now = new Date();
  if (!user) {
    await verifyPassword(await dummyHash(), input.password); // same cost as a real check: no username probing by timing
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', { params: { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) } });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= settings.maxFailures;
    await database.transaction(async (tx) => {
      await tx.db
        .update(users)
        .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + settings.lockMinutes * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await recordAudit(tx, { ...actor, label: input.username }, { action: lock ? 'auth.locked' : 'auth.login_failed', subjectType: 'user', subjectId: user.id, after: { failures } });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', { params: { minutes: settings.lockMinutes } });
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.sessionTtlHours * 3600_000);
  await database.transaction(async (tx) => {
    await tx.db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    const [s] = await tx.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null }).returning({ id: sessions.id });
    await recordAudit(tx, { ...actor, userId: user.id, label: user.username }, { action: 'auth.login', subjectType: 'session', subjectId: s.id, after: { ip: input.ip } });
  });
  return { token, principal: await principalOf(database.db, user), expiresAt };
}

/**
 * Opens a session for an account identified another way than by password (the citizen portal's OpenID Connect
 * sign-in), inside the caller's transaction; audited `auth.login` with the method. Returns the cookie's token.
 * @throws ACCOUNT_DISABLED
 */
export async function openSession(tx: Tx, settings: Pick<AuthSettings, 'sessionTtlHours'>, user: { id: string; username: string; status: string }, input: { ip: string | null; userAgent: string | null; method: string }, actor: Actor, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.sessionTtlHours * 3600_000);
  await tx.db.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
  const [s] = await tx.db.insert(sessions).values({ tokenHash: sha256(token), userId: user.id, expiresAt, ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null }).returning({ id: sessions.id });
  await recordAudit(tx, { ...actor, userId: user.id, label: user.username }, { action: 'auth.login', subjectType: 'session', subjectId: s.id, after: { ip: input.ip, method: input.method } });
  return { token, expiresAt };
}

/** The principal behind a session token, or null when the token is unknown, expired or the account disabled. */
export async function authenticate(db: Db, token: string): Promise<(Principal & { sessionId: string }) | null> {
  const hash = sha256(token);
  const cached = getCachedSession(db, hash);
  if (cached) return cached;
  const row = await findSessionUser(db, hash, new Date());
  if (!row || row.user.status !== 'active') return null;
  const principal = { ...(await principalOf(db, row.user)), sessionId: row.sessionId };
  cacheSession(db, hash, principal, row.expiresAt);
  return principal;
}

export async function logout(database: Database, ctx: Context, sessionId: string) {
  await database.transaction(async (tx) => {
    await tx.db.delete(sessions).where(eq(sessions.id, sessionId));
    await recordAudit(tx, ctx.actor, { action: 'auth.logout', subjectType: 'session', subjectId: sessionId });
  });
  if (ctx.actor.userId) forgetUser(database.db, ctx.actor.userId);
}

/** The caller's own account, roles and permissions (for the web app's menu). */
export function me(principal: Principal) {
  return {
    id: principal.userId,
    username: principal.username,
    fullName: principal.fullName,
    mustChangePassword: principal.mustChangePassword,
    roles: [...new Set(principal.grants.map((g) => g.role))],
    permissions: [...principal.permissions].sort(),
    grants: principal.grants.map((g) => ({ id: g.id, role: g.role, unitId: g.unitId, unitName: g.unitName ?? null, validFrom: g.validFrom ?? '', validTo: g.validTo ?? null })),
  };
}

/** Changes one's own password; every other session of the account is closed. */
export async function changePassword(database: Database, ctx: Context, sessionId: string, input: z.infer<typeof ChangePasswordBody>) {
  const user = await findUserById(database.db, ctx.principal!.userId);
  if (!user) throw notFound('user');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', { detail: 'current password is wrong', fields: [{ field: 'currentPassword', code: 'wrong_password', message: { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong', fr: 'Le mot de passe actuel est incorrect' } }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await database.transaction(async (tx) => {
    await tx.db.update(users).set({ passwordHash, passwordChangedAt: new Date(), mustChangePassword: false, version: user.version + 1, updatedAt: new Date() }).where(eq(users.id, user.id));
    await tx.db.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, sessionId)));
    await recordAudit(tx, ctx.actor, { action: 'user.password_change', subjectType: 'user', subjectId: user.id });
  });
  forgetUser(database.db, user.id);
}

/** Unit ids where the caller may see or manage accounts; 'all' for a global administrator. */
async function accountScope(ctx: Context, permission: 'accounts.read' | 'accounts.write'): Promise<string[] | 'all'> {
  const s = await ctx.scope(permission);
  return s.all ? 'all' : [...s.ids];
}

/** Loads an account the caller may see; NOT_FOUND otherwise (another unit's staff are invisible, not forbidden). */
async function getVisibleAccount(database: Database, ctx: Context, id: string, permission: 'accounts.read' | 'accounts.write') {
  const user = await findUserById(database.db, id);
  if (!user) throw notFound('account');
  const grants = await findActiveGrants(database.db, [id], todayVn());
  const scope = await ctx.scope(permission);
  if (!scope.all && !grants.some((g) => scope.covers(g.unitId))) {
    if (permission === 'accounts.write' && (await ctx.scope('accounts.read')).all) throw forbidden(ACCOUNT_REFUSALS.accountOutsideScope);
    throw notFound('account');
  }
  return { user, grants };
}

/**
 * A page of the accounts holding a role in force in the caller's units (every account for a global
 * administrator), filtered by name or username (accent-insensitive), unit and role; with the total count.
 */
export async function listAccounts(database: Database, ctx: Context, q: z.infer<typeof ListAccountsQuery>): Promise<{ total: number; items: AccountView[] }> {
  let unitIds = await accountScope(ctx, 'accounts.read');
  if (q.unitId) {
    if (unitIds !== 'all' && !unitIds.includes(q.unitId)) throw notGranted('accounts.read', q.unitId);
    unitIds = [q.unitId];
  }
  const today = todayVn();
  const { total, rows } = await findAccounts(database.db, { q: q.q, unitIds, role: q.role, limit: q.limit, offset: q.offset, today });
  const grants = await findActiveGrants(database.db, rows.map((r) => r.id), today);
  return { total, items: rows.map((u) => presentAccount(u, grants)) };
}

export async function getAccount(database: Database, ctx: Context, id: string): Promise<AccountView> {
  const { user, grants } = await getVisibleAccount(database, ctx, id, 'accounts.read');
  return presentAccount(user, grants);
}

/** Checks each grant's unit exists and lies in the caller's `accounts.write` scope (no privilege escalation). */
async function checkGrantable(database: Database, ctx: Context, grants: Array<z.infer<typeof GrantInput>>) {
  const scope = await ctx.scope('accounts.write');
  for (const [i, g] of grants.entries()) {
    if (g.unitId === null) {
      if (!scope.all) throw forbidden(fillEach(ACCOUNT_REFUSALS.installationWideRoleByGlobalAdmin, { role: roleLabel(g.role) }), { grant: i });
      continue;
    }
    const unit = await findUnitById(database.db, g.unitId);
    if (!unit) {
      throw new AppError('VALIDATION_FAILED', { detail: 'unit does not exist', fields: [{ field: `grants.${i}.unitId`, code: 'not_found', message: { vi: 'Đơn vị không tồn tại', en: 'Unit does not exist', fr: "L'unité n'existe pas" } }] });
    }
    if (!scope.covers(g.unitId)) throw forbidden(fillEach(ACCOUNT_REFUSALS.grantOutsideScope, { role: roleLabel(g.role) }), { grant: i, unit: unit.name });
  }
}

export async function createAccount(database: Database, ctx: Context, input: z.infer<typeof CreateAccountBody>): Promise<AccountView> {
  const scope = await ctx.scope('accounts.write');
  if (!scope.all && input.grants.length === 0) throw forbidden(ACCOUNT_REFUSALS.unitAdminMustGrant);
  await checkGrantable(database, ctx, input.grants);
  if (await findUserByUsername(database.db, input.username)) {
    throw new AppError('CONFLICT', { detail: ACCOUNT_REFUSALS.usernameTaken, params: { username: input.username }, fields: [{ field: 'username', code: 'taken', message: { vi: 'Tên đăng nhập đã được dùng', en: 'Username already taken', fr: "Nom d'utilisateur déjà pris" } }] });
  }
  const passwordHash = await hashPassword(input.password);
  const id = await database.transaction(async (tx) => {
    const [u] = await tx.db
      .insert(users)
      .values({ username: input.username, fullName: input.fullName, email: input.email ?? null, phone: input.phone ?? null, passwordHash, mustChangePassword: input.mustChangePassword ?? true, passwordChangedAt: new Date() })
      .returning();
    for (const g of input.grants) {
      await tx.db.insert(roleGrants).values({ userId: u.id, role: g.role, unitId: g.unitId, validFrom: g.validFrom ?? todayVn(), validTo: g.validTo ?? null, grantedBy: ctx.actor.userId });
    }
    await recordAudit(tx, ctx.actor, { action: 'user.create', subjectType: 'user', subjectId: u.id, unitId: input.grants[0]?.unitId ?? null, after: { ...auditable(u), grants: input.grants } });
    return u.id;
  });
  return presentAccount((await findUserById(database.db, id))!, await findActiveGrants(database.db, [id], todayVn()));
}

export async function updateAccount(database: Database, ctx: Context, id: string, input: z.infer<typeof UpdateAccountBody>): Promise<AccountView> {
  const { user, grants } = await getVisibleAccount(database, ctx, id, 'accounts.write');
  if (id === ctx.actor.userId && input.status === 'disabled') throw ruleViolated(ACCOUNT_REFUSALS.cannotDisableSelf);
  const { version, unlock, ...changes } = input;
  return database.transaction(async (tx) => {
    const [row] = await tx.db
      .update(users)
      .set({ ...changes, ...(unlock ? { lockedUntil: null, failedLogins: 0 } : {}), version: user.version + 1, updatedAt: new Date() })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    if (!row) throw conflict(ACCOUNT_REFUSALS.staleVersion, { username: user.username, current: user.version, sent: version });
    if (changes.status === 'disabled') await tx.db.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx.actor, { action: 'user.update', subjectType: 'user', subjectId: id, unitId: grants[0]?.unitId ?? null, before: auditable(user), after: auditable(row) });
    tx.afterCommit(() => forgetUser(database.db, id));
    return presentAccount(row, grants);
  });
}

/** Sets a new password for someone else; their sessions end and (by default) they must change it at next login. */
export async function resetPassword(database: Database, ctx: Context, id: string, input: z.infer<typeof ResetPasswordBody>) {
  const { user, grants } = await getVisibleAccount(database, ctx, id, 'accounts.write');
  const passwordHash = await hashPassword(input.newPassword);
  await database.transaction(async (tx) => {
    await tx.db.update(users).set({ passwordHash, mustChangePassword: input.mustChangePassword, failedLogins: 0, lockedUntil: null, passwordChangedAt: new Date(), version: user.version + 1, updatedAt: new Date() }).where(eq(users.id, id));
    await tx.db.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx.actor, { action: 'user.password_reset', subjectType: 'user', subjectId: id, unitId: grants[0]?.unitId ?? null });
  });
  forgetUser(database.db, id);
}

export async function addGrant(database: Database, ctx: Context, userId: string, input: z.infer<typeof GrantInput>): Promise<AccountView> {
  const user = await findUserById(database.db, userId);
  if (!user) throw notFound('account');
  await checkGrantable(database, ctx, [input]);
  await database.transaction(async (tx) => {
    const [g] = await tx.db.insert(roleGrants).values({ userId, role: input.role, unitId: input.unitId, validFrom: input.validFrom ?? todayVn(), validTo: input.validTo ?? null, grantedBy: ctx.actor.userId }).returning();
    await recordAudit(tx, ctx.actor, { action: 'grant.add', subjectType: 'user', subjectId: userId, unitId: input.unitId, after: g });
  });
  forgetUser(database.db, userId);
  return presentAccount(user, await findActiveGrants(database.db, [userId], todayVn()));
}

export async function revokeGrant(database: Database, ctx: Context, userId: string, grantId: string): Promise<AccountView> {
  const [grant] = await database.db.select().from(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
  if (!grant) throw notFound('grant');
  const scope = await ctx.scope('accounts.write');
  if (!(grant.unitId === null ? scope.all : scope.covers(grant.unitId))) throw notGranted('accounts.write', grant.unitId);
  if (userId === ctx.actor.userId && grant.role === 'admin') throw ruleViolated(ACCOUNT_REFUSALS.cannotRevokeOwnAdmin);
  await database.transaction(async (tx) => {
    const [g] = await tx.db.update(roleGrants).set({ revokedAt: new Date() }).where(eq(roleGrants.id, grantId)).returning();
    await recordAudit(tx, ctx.actor, { action: 'grant.revoke', subjectType: 'user', subjectId: userId, unitId: grant.unitId, before: grant, after: g });
  });
  forgetUser(database.db, userId);
  const user = (await findUserById(database.db, userId))!;
  return presentAccount(user, await findActiveGrants(database.db, [userId], todayVn()));
}
