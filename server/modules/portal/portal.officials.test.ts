import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';
import { DEMO_CITIZENS } from '../../test-support/idp.ts';
import { signInCitizen } from './test-helpers.ts';

describe('officials signing in through the identity provider (OIDC_ALLOW_OFFICIALS=true)', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ OIDC_DEV_IDP_PORT: '0', OIDC_ALLOW_OFFICIALS: 'true' });
  });
  after(() => s.close());

  test('an administrator links an official to an ID number; the official then signs in with the identity into their own account', async () => {
    const admin = await s.login('admin');
    const motcua = await s.userId('motcua');
    const cccd = DEMO_CITIZENS.congdan3.cccd;
    const wrongRole = await s.app.inject({ method: 'PUT', url: `/api/v1/portal/official-ids/${motcua}`, headers: { cookie: await s.login('motcua') }, payload: { idNumber: cccd } });
    assert.equal(wrongRole.statusCode, 403);
    const bad = await s.app.inject({ method: 'PUT', url: `/api/v1/portal/official-ids/${motcua}`, headers: { cookie: admin }, payload: { idNumber: 'abc' } });
    assert.equal(bad.statusCode, 400);
    const ok = await s.app.inject({ method: 'PUT', url: `/api/v1/portal/official-ids/${motcua}`, headers: { cookie: admin }, payload: { idNumber: cccd } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await s.auditFor(motcua))[0].action, 'portal.official_id.set');

    const cookie = await signInCitizen(s, 'congdan3');
    const me = await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    assert.equal(me.json().username, 'motcua', 'the official’s own account, not a new citizen one');
    const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM users WHERE username LIKE 'eid-%'`);
    assert.equal(rows[0].n, 0, 'no citizen account was created');
    assert.equal((await s.auditFor(motcua)).some((a) => a.action === 'portal.identity.link_official'), true);
  });

  test('a citizen account cannot be given an official link', async () => {
    await signInCitizen(s, 'congdan');
    const { rows } = await s.database.query(`SELECT user_id FROM portal_identities WHERE subject = 'congdan'`);
    const res = await s.app.inject({ method: 'PUT', url: `/api/v1/portal/official-ids/${rows[0].user_id}`, headers: { cookie: await s.login('admin') }, payload: { idNumber: '022090000000' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].code, 'not_official');
  });
});
