import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../test-support/server.ts';

describe('sign-in and sessions', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' });
  });
  after(() => s.close());

  test('a counter officer signs in: httpOnly SameSite cookie, roles and permissions in the answer', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'MotCua', password: 'motcua2026' } });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'motcua_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.deepEqual(res.json().roles, ['counter_officer']);
    assert.ok(res.json().permissions.includes('dossiers.receive'));
    const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.login' AND actor_id = $1`, [await s.userId('motcua')]);
    assert.equal(rows[0].n, 1);
  });

  test('a wrong password gets 401 with the same message as an unknown user', async () => {
    const wrong = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'chuyenvien', password: 'wrong-password-1' } });
    const unknown = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'khong-ton-tai', password: 'wrong-password-1' } });
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().title, unknown.json().title);
    assert.equal(wrong.json().title, 'Tên đăng nhập hoặc mật khẩu không đúng');
  });

  test('repeated failures lock the account; even the right password is refused until unlocked', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'thanhtra', password: 'bad-password-9' } });
      assert.equal(r.statusCode, 401);
    }
    const locked = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'thanhtra', password: 'bad-password-9' } });
    assert.equal(locked.statusCode, 423);
    assert.match(locked.json().title, /15 phút/);
    const right = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'thanhtra', password: 'motcua2026' } });
    assert.equal(right.statusCode, 423);
    const admin = await s.login('admin');
    const id = await s.userId('thanhtra');
    const acc = (await s.app.inject({ url: `/api/v1/accounts/${id}`, headers: { cookie: admin } })).json();
    assert.ok(acc.lockedUntil);
    const unlock = await s.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: { cookie: admin }, payload: { version: acc.version, unlock: true } });
    assert.equal(unlock.statusCode, 200);
    assert.equal(unlock.json().lockedUntil, null);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'thanhtra', password: 'motcua2026' } })).statusCode, 200);
  });

  test('GET /api/v1/auth/me needs a session; logout ends it', async () => {
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me' })).statusCode, 401);
    const cookie = await s.login('lanhdao');
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().username, 'lanhdao');
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode, 204);
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 401);
  });

  test('a forged or expired cookie is not a session', async () => {
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie: 'motcua_session=forged' } })).statusCode, 401);
    const cookie = await s.login('cchc');
    await s.database.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [await s.userId('cchc')]);
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 401);
  });

  test('changing one’s password checks the current one, ends other sessions and keeps this one', async () => {
    const a = await s.login('chuyenvien');
    const b = await s.login('chuyenvien');
    const bad = await s.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: a }, payload: { currentPassword: 'nope', newPassword: 'mat-khau-moi-2026' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'currentPassword');
    const weak = await s.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: a }, payload: { currentPassword: 'motcua2026', newPassword: 'short' } });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().errors[0].field, 'newPassword');
    const ok = await s.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie: a }, payload: { currentPassword: 'motcua2026', newPassword: 'mat-khau-moi-2026' } });
    assert.equal(ok.statusCode, 204);
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie: a } })).statusCode, 200);
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie: b } })).statusCode, 401);
    await s.login('chuyenvien', 'mat-khau-moi-2026');
    const { rows } = await s.database.query(`SELECT action FROM audit_log WHERE subject_id = $1 AND action = 'user.password_change'`, [await s.userId('chuyenvien')]);
    assert.equal(rows.length, 1);
  });
});

describe('accounts API', () => {
  let s: TestServer;
  let admin: string;
  let communeAdmin: string;
  let leader: string;
  let counter: string;
  let tienYen: string;
  let haiLang: string;
  before(async () => {
    s = await startTestServer();
    [admin, communeAdmin, leader, counter] = await Promise.all([s.login('admin'), s.login('quantri.tienyen'), s.login('lanhdao'), s.login('motcua')]);
    tienYen = await s.unitId('Xã Tiên Yên');
    haiLang = await s.unitId('Xã Hải Lạng');
  });
  after(() => s.close());

  test('GET /api/v1/roles gives each role its labels; 401 without a session', async () => {
    const res = await s.app.inject({ url: '/api/v1/roles', headers: { cookie: counter } });
    assert.equal(res.json().find((r: { role: string }) => r.role === 'counter_officer').label.vi, 'Cán bộ một cửa');
    assert.equal((await s.app.inject({ url: '/api/v1/roles' })).statusCode, 401);
  });

  test('a commune administrator lists only the accounts of their commune', async () => {
    const res = await s.app.inject({ url: '/api/v1/accounts', headers: { cookie: communeAdmin } });
    assert.equal(res.statusCode, 200);
    const names = res.json().items.map((a: { username: string }) => a.username);
    assert.ok(names.includes('motcua'));
    assert.ok(!names.includes('motcua.hailang'));
    assert.ok(!names.includes('admin'));
  });

  test('search is accent-insensitive', async () => {
    const res = await s.app.inject({ url: '/api/v1/accounts?q=nguyen%20thi%20hoa', headers: { cookie: admin } });
    assert.deepEqual(res.json().items.map((a: { username: string }) => a.username), ['motcua']);
    assert.equal(res.json().total, 1);
  });

  test('a unit leader reads accounts but cannot create them (403); a counter officer cannot list (403); anonymous 401', async () => {
    assert.equal((await s.app.inject({ url: '/api/v1/accounts', headers: { cookie: leader } })).statusCode, 200);
    const create = await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: leader }, payload: { username: 'x.y', fullName: 'X Y', password: 'matkhau12345', grants: [] } });
    assert.equal(create.statusCode, 403);
    assert.equal((await s.app.inject({ url: '/api/v1/accounts', headers: { cookie: counter } })).statusCode, 403);
    assert.equal((await s.app.inject({ url: '/api/v1/accounts' })).statusCode, 401);
  });

  test('another commune’s official is invisible to a commune administrator (404)', async () => {
    const id = await s.userId('motcua.hailang');
    assert.equal((await s.app.inject({ url: `/api/v1/accounts/${id}`, headers: { cookie: communeAdmin } })).statusCode, 404);
  });

  test('a commune administrator creates a specialist in their commune; the account must change its password; audited without the hash', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      headers: { cookie: communeAdmin },
      payload: { username: 'Chuyenvien.Moi', fullName: 'Ngô Văn Mới', email: 'moi@tienyen.example', password: 'matkhau-2026', grants: [{ role: 'specialist', unitId: tienYen }] },
    });
    assert.equal(res.statusCode, 201, res.body);
    const acc = res.json();
    assert.equal(acc.username, 'chuyenvien.moi');
    assert.equal(acc.mustChangePassword, true);
    assert.equal(acc.grants[0].role, 'specialist');
    const [audit] = await s.auditFor(acc.id);
    assert.equal(audit.action, 'user.create');
    assert.ok(!JSON.stringify(audit.after).includes('argon2'));
    const me = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'chuyenvien.moi', password: 'matkhau-2026' } });
    assert.equal(me.json().mustChangePassword, true);
  });

  test('no privilege escalation: a commune administrator cannot grant on another commune or installation-wide, and is told why in Vietnamese by default, in English or French on request', async () => {
    const payload = { username: 'leo.thang', fullName: 'Leo Thang', password: 'matkhau-2026', grants: [{ role: 'admin', unitId: haiLang }] };
    const other = await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: communeAdmin }, payload });
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().title, 'Bạn không có quyền thực hiện thao tác này');
    assert.equal(other.json().detail, 'Không thể giao vai trò “Quản trị hệ thống” tại Xã Hải Lạng: đơn vị này nằm ngoài phạm vi bạn quản lý');
    const en = await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: communeAdmin, 'accept-language': 'en' }, payload });
    assert.equal(en.json().detail, 'cannot grant the role “Administrator” on Xã Hải Lạng: this unit is outside your scope');
    const fr = await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: communeAdmin, 'accept-language': 'fr' }, payload });
    assert.equal(fr.json().detail, 'impossible d’attribuer le rôle « Administrateur » sur Xã Hải Lạng : cette unité est hors de votre périmètre');
    const global = await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: communeAdmin }, payload: { ...payload, grants: [{ role: 'admin', unitId: null }] } });
    assert.equal(global.statusCode, 403);
    assert.equal(global.json().detail, 'Chỉ quản trị viên toàn hệ thống mới giao được vai trò “Quản trị hệ thống” trên phạm vi toàn hệ thống');
    const none = await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: communeAdmin }, payload: { ...payload, grants: [] } });
    assert.equal(none.statusCode, 403);
    assert.equal(none.json().detail, 'Tài khoản mới phải được giao ít nhất một vai trò tại đơn vị bạn quản lý');
    const { rows } = await s.database.query(`SELECT count(*)::int AS n FROM users WHERE username = 'leo.thang'`);
    assert.equal(rows[0].n, 0);
  });

  test('a taken username is a 409 naming the field; bad input is a 400 naming fields', async () => {
    const dup = await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: admin }, payload: { username: 'motcua', fullName: 'Trùng', password: 'matkhau-2026', grants: [] } });
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().errors[0].field, 'username');
    assert.equal(dup.json().detail, 'Tên đăng nhập motcua đã được dùng cho một tài khoản khác');
    const bad = await s.app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { cookie: admin }, payload: { username: 'a b', fullName: '', email: 'not-an-email', password: 'abc', grants: [{ role: 'emperor', unitId: null }] } });
    assert.equal(bad.statusCode, 400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    for (const f of ['username', 'fullName', 'email', 'password', 'grants.0.role']) assert.ok(fields.includes(f), `missing ${f} in ${fields}`);
  });

  test('disabling an account ends its sessions; a stale version is a 409', async () => {
    const cookie = await s.login('cchc');
    const id = await s.userId('cchc');
    const acc = (await s.app.inject({ url: `/api/v1/accounts/${id}`, headers: { cookie: admin } })).json();
    const res = await s.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: { cookie: communeAdmin }, payload: { version: acc.version, status: 'disabled' } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 401);
    const login = await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'cchc', password: 'motcua2026' } });
    assert.equal(login.statusCode, 403);
    const stale = await s.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: { cookie: communeAdmin }, payload: { version: acc.version, status: 'active' } });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().detail, `Tài khoản cchc vừa được người khác cập nhật (phiên bản ${acc.version + 1}, bạn đang xem ${acc.version}); hãy tải lại`);
    const audit = await s.auditFor(id);
    assert.equal(audit[0].action, 'user.update');
    assert.equal((audit[0].after as { status: string }).status, 'disabled');
  });

  test('a commune administrator cannot edit another commune’s official (404) and the global admin gets 404 for unknown ids', async () => {
    const id = await s.userId('motcua.hailang');
    assert.equal((await s.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: { cookie: communeAdmin }, payload: { version: 1, fullName: 'Đổi' } })).statusCode, 404);
    assert.equal((await s.app.inject({ url: '/api/v1/accounts/00000000-0000-4000-8000-000000000000', headers: { cookie: admin } })).statusCode, 404);
  });

  test('reset password: the old password stops working and sessions end', async () => {
    const id = await s.userId('motcua');
    const cookie = await s.login('motcua');
    const res = await s.app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/reset-password`, headers: { cookie: admin }, payload: { newPassword: 'dat-lai-2026' } });
    assert.equal(res.statusCode, 204);
    assert.equal((await s.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode, 401);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'motcua', password: 'motcua2026' } })).statusCode, 401);
    assert.equal((await s.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'motcua', password: 'dat-lai-2026' } })).statusCode, 200);
    assert.ok((await s.auditFor(id)).some((a) => a.action === 'user.password_reset'));
  });

  test('grant and revoke a role: the grant covers the subtree; revoking removes the permission', async () => {
    const id = await s.userId('motcua.hailang');
    const cookie = await s.login('motcua.hailang');
    const unitsBefore = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie }, payload: { name: 'Thôn Thử', kind: 'village', parentId: haiLang, validFrom: '2026-01-01' } });
    assert.equal(unitsBefore.statusCode, 403);
    const granted = await s.app.inject({ method: 'POST', url: `/api/v1/accounts/${id}/grants`, headers: { cookie: admin }, payload: { role: 'admin', unitId: haiLang } });
    assert.equal(granted.statusCode, 201, granted.body);
    const grant = granted.json().grants.find((g: { role: string }) => g.role === 'admin');
    const created = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie }, payload: { name: 'Thôn Thử', kind: 'village', parentId: haiLang, validFrom: '2026-01-01' } });
    assert.equal(created.statusCode, 201);
    const revoked = await s.app.inject({ method: 'DELETE', url: `/api/v1/accounts/${id}/grants/${grant.id}`, headers: { cookie: admin } });
    assert.equal(revoked.statusCode, 200);
    assert.ok(!revoked.json().grants.some((g: { role: string }) => g.role === 'admin'));
    const after = await s.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie }, payload: { name: 'Thôn Thử 2', kind: 'village', parentId: haiLang, validFrom: '2026-01-01' } });
    assert.equal(after.statusCode, 403);
    const actions = (await s.auditFor(id)).map((a) => a.action);
    assert.ok(actions.includes('grant.add') && actions.includes('grant.revoke'));
  });

  test('a commune administrator cannot revoke a grant on another commune (403)', async () => {
    const id = await s.userId('motcua.hailang');
    const acc = (await s.app.inject({ url: `/api/v1/accounts/${id}`, headers: { cookie: admin } })).json();
    const res = await s.app.inject({ method: 'DELETE', url: `/api/v1/accounts/${id}/grants/${acc.grants[0].id}`, headers: { cookie: communeAdmin } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().detail, 'Tài khoản của bạn chưa được giao quyền quản lý tài khoản tại đơn vị này');
    const en = await s.app.inject({ method: 'DELETE', url: `/api/v1/accounts/${id}/grants/${acc.grants[0].id}`, headers: { cookie: communeAdmin, 'accept-language': 'en' } });
    assert.equal(en.json().detail, 'your account is not granted the right to manage accounts in this unit');
  });

  test('an administrator cannot disable their own account nor revoke their own administrator role (422, said in Vietnamese)', async () => {
    const id = await s.userId('quantri.tienyen');
    const acc = (await s.app.inject({ url: `/api/v1/accounts/${id}`, headers: { cookie: communeAdmin } })).json();
    const disable = await s.app.inject({ method: 'PATCH', url: `/api/v1/accounts/${id}`, headers: { cookie: communeAdmin }, payload: { version: acc.version, status: 'disabled' } });
    assert.equal(disable.statusCode, 422);
    assert.equal(disable.json().detail, 'Không thể tự vô hiệu hoá tài khoản của chính mình');
    const adminGrant = acc.grants.find((g: { role: string }) => g.role === 'admin');
    const revoke = await s.app.inject({ method: 'DELETE', url: `/api/v1/accounts/${id}/grants/${adminGrant.id}`, headers: { cookie: communeAdmin } });
    assert.equal(revoke.statusCode, 422);
    assert.equal(revoke.json().detail, 'Không thể tự thu hồi vai trò quản trị của chính mình');
    assert.equal((await s.app.inject({ url: `/api/v1/accounts/${id}`, headers: { cookie: communeAdmin } })).json().status, 'active');
  });
});

describe('GET /api/v1/accounts, a page at a time', () => {
  let s: TestServer;
  let admin: string;
  let communeAdmin: string;
  let haiLang: string;
  type Page = { total: number; items: Array<{ id: string; username: string; fullName: string }> };
  const list = async (cookie: string, query: Record<string, string> = {}) => s.app.inject({ url: `/api/v1/accounts?${new URLSearchParams(query)}`, headers: { cookie } });
  const page = async (cookie: string, query: Record<string, string> = {}): Promise<Page> => {
    const res = await list(cookie, query);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const named = [
    ['binh.tran2', 'Trần Văn Bình'],
    ['binh.tran1', 'Trần Văn Bình'],
    ['binh.tran3', 'Trần Văn Bình'],
    ['mai.dang', 'Đặng Thị Mai'],
    ['khoa.duong', 'Dương Văn Khoa'],
    ['huong.le', 'Lê Thị Hương'],
  ];

  before(async () => {
    s = await startTestServer();
    [admin, communeAdmin] = await Promise.all([s.login('admin'), s.login('quantri.tienyen')]);
    haiLang = await s.unitId('Xã Hải Lạng');
    // A commune with many officials: 120 numbered ones and a few namesakes, all specialists of Hải Lạng.
    await s.database.query(`INSERT INTO users (username, full_name) SELECT 'canbo_' || lpad(i::text, 3, '0'), 'Cán bộ Hải Lạng ' || lpad(i::text, 3, '0') FROM generate_series(1, 120) AS i`);
    for (const [username, fullName] of named) await s.database.query('INSERT INTO users (username, full_name) VALUES ($1, $2)', [username, fullName]);
    await s.database.query(`INSERT INTO role_grants (user_id, role, unit_id, valid_from) SELECT id, 'specialist', $1, '2025-07-01' FROM users WHERE username LIKE 'canbo\\_%' OR username = ANY($2)`, [haiLang, named.map((n) => n[0])]);
  });
  after(() => s.close());

  test('pages follow one another without repeat or gap, in Vietnamese order of full name then username, each with the total', async () => {
    const { rows } = await s.database.query('SELECT count(*)::int AS n FROM users');
    const all = await page(admin, { limit: '500' });
    assert.equal(all.total, rows[0].n);
    assert.equal(all.items.length, all.total);
    const walked: Page['items'] = [];
    for (let offset = 0; offset < all.total; offset += 7) {
      const p = await page(admin, { limit: '7', offset: String(offset) });
      assert.equal(p.total, all.total);
      assert.equal(p.items.length, Math.min(7, all.total - offset));
      walked.push(...p.items);
    }
    assert.deepEqual(walked.map((a) => a.id), all.items.map((a) => a.id));
    assert.equal(new Set(walked.map((a) => a.id)).size, all.total);
    const usernames = all.items.map((a) => a.username);
    const binh = usernames.indexOf('binh.tran1');
    assert.deepEqual(usernames.slice(binh, binh + 4), ['binh.tran1', 'binh.tran2', 'binh.tran3', 'chuyenvien'], 'namesakes in username order');
    assert.ok(usernames.indexOf('khoa.duong') < usernames.indexOf('mai.dang'), 'D before Đ');
    assert.ok(usernames.indexOf('canbo_009') < usernames.indexOf('canbo_010'));
  });

  test('without paging parameters the answer is the first 100 accounts, with the total of all', async () => {
    const first = await page(admin);
    const all = await page(admin, { limit: '500' });
    assert.ok(all.total > 100);
    assert.equal(first.total, all.total);
    assert.deepEqual(first.items.map((a) => a.id), all.items.slice(0, 100).map((a) => a.id));
  });

  test('an offset past the end gives no account and still the total', async () => {
    const p = await page(admin, { offset: '100000' });
    assert.deepEqual(p.items, []);
    assert.ok(p.total > 120);
  });

  test('q finds full names whatever the accents and case, and usernames; its pages have their own total', async () => {
    const byName = await page(admin, { q: 'tran van binh' });
    assert.equal(byName.total, 4);
    assert.deepEqual(byName.items.map((a) => a.username), ['binh.tran1', 'binh.tran2', 'binh.tran3', 'chuyenvien']);
    assert.equal((await page(admin, { q: '  TRẦN   văn  BÌNH ' })).total, 4);
    assert.deepEqual((await page(admin, { q: 'dang thi' })).items.map((a) => a.username), ['mai.dang']);
    assert.deepEqual((await page(admin, { q: 'Đặng' })).items.map((a) => a.username), ['mai.dang', 'motcua.hailang']);
    const byUsername = await page(admin, { q: 'binh.tran', limit: '2', offset: '2' });
    assert.equal(byUsername.total, 3);
    assert.deepEqual(byUsername.items.map((a) => a.username), ['binh.tran3']);
    const numbered = await page(admin, { q: 'hai lang 1', limit: '5' });
    assert.equal(numbered.total, 21, 'Cán bộ Hải Lạng 100–120');
    assert.deepEqual(numbered.items.map((a) => a.username), ['canbo_100', 'canbo_101', 'canbo_102', 'canbo_103', 'canbo_104']);
    assert.equal((await page(admin, { q: '%' })).total, 0, '% is a character, not a wildcard');
    assert.equal((await page(admin, { q: 'canbo_00' })).total, 9, '_ is a character, not a wildcard');
  });

  test('q, unit and role filters combine, and a commune administrator counts only the accounts of their commune', async () => {
    assert.equal((await page(admin, { unitId: haiLang, role: 'specialist', q: 'binh' })).total, 3);
    assert.equal((await page(admin, { unitId: haiLang, role: 'unit_leader', q: 'binh' })).total, 0);
    const own = await page(communeAdmin, { q: 'tran van binh' });
    assert.deepEqual([own.total, own.items.map((a) => a.username)], [1, ['chuyenvien']], 'the namesakes of Hải Lạng are not counted');
    const mine = await page(communeAdmin, { limit: '500' });
    assert.ok(mine.total > 0 && mine.total === mine.items.length);
    assert.ok(!mine.items.some((a) => a.username.startsWith('canbo_')));
    const other = await list(communeAdmin, { unitId: haiLang });
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().detail, 'Tài khoản của bạn chưa được giao quyền xem tài khoản tại đơn vị này');
  });

  test('refuses paging parameters out of range, naming the field (400)', async () => {
    for (const [query, field] of [[{ limit: '0' }, 'limit'], [{ limit: '501' }, 'limit'], [{ offset: '-1' }, 'offset'], [{ offset: 'abc' }, 'offset'], [{ offset: '100001' }, 'offset']] as const) {
      const res = await list(admin, query);
      assert.equal(res.statusCode, 400, JSON.stringify(query));
      assert.equal(res.json().errors[0].field, field);
    }
  });
});
