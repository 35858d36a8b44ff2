import { z } from 'zod';
import { Account, AccountPage, ChangePasswordBody, CreateAccountBody, GrantInput, ListAccountsQuery, LoginBody, Me, ResetPasswordBody, UpdateAccountBody } from '../../../contracts/accounts.ts';
import { Uuid } from '../../../contracts/common.ts';
import { SESSION_COOKIE } from '../../http/constants.ts';
import { idempotent } from '../../http/idempotency.ts';
import type { App, Deps } from '../../http/types.ts';
import { addGrant, changePassword, createAccount, getAccount, listAccounts, login, logout, me, resetPassword, revokeGrant, updateAccount } from './accounts.service.ts';
import { ROLE_LABELS } from './permissions.ts';

export async function accountsRoutes(app: App, { database, config }: Deps) {
  const settings = { maxFailures: config.LOGIN_MAX_FAILURES, lockMinutes: config.LOGIN_LOCK_MINUTES, sessionTtlHours: config.SESSION_TTL_HOURS };

  app.post('/api/v1/auth/login', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags: ['auth'], summary: 'Sign in with username and password; sets the session cookie', body: LoginBody, response: { 200: Me } },
  }, async (request, reply) => {
    const { token, principal, expiresAt } = await login(database, settings, { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null }, request.ctx.actor);
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: config.COOKIE_SECURE, path: '/', expires: expiresAt });
    return me(principal);
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'End the session' },
  }, async (request, reply) => {
    await logout(database, request.ctx, request.principal!.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The signed-in account, its roles and permissions', response: { 200: Me } },
  }, async (request) => me(request.principal!));

  app.post('/api/v1/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Change one’s own password (other sessions end)', body: ChangePasswordBody },
  }, async (request, reply) => {
    await changePassword(database, request.ctx, request.principal!.sessionId, request.body);
    return reply.code(204).send();
  });

  app.get('/api/v1/roles', {
    config: { access: 'authenticated' },
    schema: { tags: ['accounts'], summary: 'Roles and their labels' },
  }, async () => Object.entries(ROLE_LABELS).map(([role, label]) => ({ role, label })));

  const tags = ['accounts'];
  app.get('/api/v1/accounts', {
    config: { access: 'accounts.read' },
    schema: { tags, summary: 'Accounts holding a role in your units, a page at a time (limit, offset) with the total', querystring: ListAccountsQuery, response: { 200: AccountPage } },
  }, async (request) => listAccounts(database, request.ctx, request.query));

  app.get('/api/v1/accounts/:id', {
    config: { access: 'accounts.read' },
    schema: { tags, params: z.object({ id: Uuid }), response: { 200: Account } },
  }, async (request) => getAccount(database, request.ctx, request.params.id));

  app.post('/api/v1/accounts', {
    config: { access: 'accounts.write' },
    schema: { tags, summary: 'Create an account with its role grants (Idempotency-Key supported)', body: CreateAccountBody, response: { 201: Account } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createAccount(database, request.ctx, request.body)));

  app.patch('/api/v1/accounts/:id', {
    config: { access: 'accounts.write' },
    schema: { tags, summary: 'Edit, disable or unlock an account (send the version you read)', params: z.object({ id: Uuid }), body: UpdateAccountBody, response: { 200: Account } },
  }, async (request) => updateAccount(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/accounts/:id/reset-password', {
    config: { access: 'accounts.write' },
    schema: { tags, params: z.object({ id: Uuid }), body: ResetPasswordBody },
  }, async (request, reply) => {
    await resetPassword(database, request.ctx, request.params.id, request.body);
    return reply.code(204).send();
  });

  app.post('/api/v1/accounts/:id/grants', {
    config: { access: 'accounts.write' },
    schema: { tags, summary: 'Grant a role on a unit (covers its subtree)', params: z.object({ id: Uuid }), body: GrantInput, response: { 201: Account } },
  }, async (request, reply) => {
    reply.code(201);
    return addGrant(database, request.ctx, request.params.id, request.body);
  });

  app.delete('/api/v1/accounts/:id/grants/:grantId', {
    config: { access: 'accounts.write' },
    schema: { tags, summary: 'Revoke a role grant', params: z.object({ id: Uuid, grantId: Uuid }), response: { 200: Account } },
  }, async (request) => revokeGrant(database, request.ctx, request.params.id, request.params.grantId));
}
