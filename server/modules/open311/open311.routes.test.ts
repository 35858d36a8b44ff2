import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDossierServer, type DossierTestServer } from '../dossiers/test-helpers.ts';

/**
 * GeoReport v2 against the spec's own examples (wiki.open311.org/GeoReport_v2): the POST example's parameters,
 * form-encoded, to requests.xml and requests.json; the GET examples' filters; the error format.
 */
describe('Open311 GeoReport v2', () => {
  let s: DossierTestServer;
  let key: string;
  let jurisdiction: string;
  let unitId: string;
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const spec = () => ({
    api_key: key,
    jurisdiction_id: jurisdiction,
    service_code: 'facilities',
    lat: '37.76524078',
    long: '-122.4212043',
    address_string: '1234 5th street',
    email: 'smit333@sfgov.edu',
    device_id: 'tt222111',
    account_id: '123456',
    first_name: 'john',
    last_name: 'smith',
    phone: '111111111',
    description: 'A large sinkhole is destroying the street',
    media_url: 'http://www.city.gov/media/12345.jpg',
  });
  const post = (fmt: 'json' | 'xml', body: Record<string, string>) => s.app.inject({ method: 'POST', url: `/open311/v2/requests.${fmt}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(body) });
  const count = async () => Number((await s.database.query('SELECT count(*)::int AS n FROM feedback_items')).rows[0].n);

  before(async () => {
    s = await startDossierServer();
    unitId = await s.unitId('Xã Tiên Yên');
    const { rows } = await s.database.query('SELECT code FROM units WHERE id = $1', [unitId]);
    jurisdiction = (rows[0].code as string | null) ?? '000.00.06.H56';
    if (!rows[0].code) await s.database.query('UPDATE units SET code = $1 WHERE id = $2', [jurisdiction, unitId]);
    const res = await s.app.inject({ method: 'POST', url: '/api/v1/open311-keys', headers: { cookie: s.cookies.admin }, payload: { name: 'Ứng dụng thử', unitId: null } });
    assert.equal(res.statusCode, 201, res.body);
    key = res.json().key;
  });
  after(() => s.close());

  test('services.json and services.xml list the fields with the spec’s fields', async () => {
    const json = await s.app.inject({ url: '/open311/v2/services.json' });
    assert.equal(json.statusCode, 200);
    assert.match(String(json.headers['content-type']), /application\/json/);
    const list = json.json();
    assert.ok(list.length >= 5);
    assert.deepEqual(Object.keys(list[0]).sort(), ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    assert.ok(list.some((x: { service_code: string }) => x.service_code === 'conduct'));
    const xml = await s.app.inject({ url: '/open311/v2/services.xml' });
    assert.match(String(xml.headers['content-type']), /text\/xml/);
    assert.match(xml.body, /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>regulation<\/service_code><service_name>[^<]+<\/service_name>/);
    assert.match(xml.body, /<metadata>false<\/metadata><type>realtime<\/type>/);
  });

  test('POST requests.xml with the spec’s example parameters creates a feedback item in the jurisdiction’s inbox', async () => {
    const res = await post('xml', spec());
    assert.equal(res.statusCode, 201, res.body);
    const m = /^<\?xml version="1.0" encoding="utf-8"\?><service_requests><request><service_request_id>(PAKN-\d{6}-\d{4})<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id\/><\/request><\/service_requests>$/.exec(res.body);
    assert.ok(m, res.body);
    const { rows } = await s.database.query('SELECT channel, field, unit_id, lat, long, sender_name, sender_email, media_url, open311_key_id FROM feedback_items WHERE code = $1', [m[1]]);
    assert.equal(rows[0].channel, 'open311');
    assert.equal(rows[0].field, 'facilities');
    assert.equal(rows[0].unit_id, unitId);
    assert.equal(rows[0].lat, 37.76524078);
    assert.equal(rows[0].sender_name, 'john smith');
    assert.equal(rows[0].media_url, 'http://www.city.gov/media/12345.jpg');
    assert.ok(rows[0].open311_key_id);
    const inbox = (await s.app.inject({ url: '/api/v1/feedback?channel=open311', headers: { cookie: s.cookies.motcua } })).json();
    assert.ok(inbox.items.some((i: { code: string }) => i.code === m[1]));
  });

  test('POST requests.json answers [{service_request_id, service_notice, account_id}]; GET requests/{id}.json and .xml read it back without contact data', async () => {
    const res = await post('json', spec());
    assert.equal(res.statusCode, 201, res.body);
    const [created] = res.json();
    assert.deepEqual(Object.keys(created).sort(), ['account_id', 'service_notice', 'service_request_id']);
    const one = await s.app.inject({ url: `/open311/v2/requests/${created.service_request_id}.json` });
    assert.equal(one.statusCode, 200, one.body);
    const [r] = one.json();
    for (const k of ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url']) assert.ok(k in r, k);
    assert.equal(r.status, 'open');
    assert.equal(r.service_code, 'facilities');
    assert.equal(r.lat, 37.76524078);
    assert.match(r.requested_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    assert.equal(r.description, null, 'no consent to publish: no description');
    assert.ok(!JSON.stringify(r).includes('smit333'));
    const xml = await s.app.inject({ url: `/open311/v2/requests/${created.service_request_id}.xml` });
    assert.match(xml.body, new RegExp(`<service_requests><request><service_request_id>${created.service_request_id}</service_request_id><status>open</status><status_notes/>`));
  });

  test('GET requests.json filters: status, service_code, start_date/end_date, service_request_id; an answer shows in status_notes', async () => {
    const a = (await post('json', { ...spec(), service_code: 'conduct', description: 'Cán bộ <không> nghe máy & không trả lời' })).json()[0];
    const list = await s.app.inject({ url: '/open311/v2/requests.json?status=open&service_code=conduct' });
    assert.equal(list.statusCode, 200, list.body);
    assert.ok(list.json().every((x: { status: string; service_code: string }) => x.status === 'open' && x.service_code === 'conduct'));
    assert.ok(list.json().some((x: { service_request_id: string }) => x.service_request_id === a.service_request_id));
    const old = await s.app.inject({ url: '/open311/v2/requests.json?start_date=2010-05-24T00:00:00Z&end_date=2010-06-24T00:00:00Z&status=open' });
    assert.deepEqual(old.json(), []);
    const id = (await s.database.query('SELECT id FROM feedback_items WHERE code = $1', [a.service_request_id])).rows[0].id as string;
    const ans = await s.app.inject({ method: 'POST', url: `/api/v1/feedback/${id}/answer`, headers: { cookie: s.cookies.motcua }, payload: { version: 1, answer: 'Đã nhắc nhở cán bộ; gọi lại cho ông smith.' } });
    assert.equal(ans.statusCode, 200, ans.body);
    const closed = (await s.app.inject({ url: `/open311/v2/requests.json?service_request_id=${a.service_request_id}` })).json();
    assert.equal(closed.length, 1);
    assert.equal(closed[0].status, 'closed');
    assert.match(closed[0].status_notes, /Đã nhắc nhở cán bộ/);
    const xml = await s.app.inject({ url: `/open311/v2/requests.xml?service_request_id=${a.service_request_id}&jurisdiction_id=${jurisdiction}` });
    assert.match(xml.body, /<status>closed<\/status><status_notes>Đã nhắc nhở cán bộ/);
    assert.equal((await s.app.inject({ url: '/open311/v2/requests.json?status=closed' })).json().filter((x: { status: string }) => x.status !== 'closed').length, 0);
  });

  test('errors follow the spec: [{code, description}] in JSON and <errors><error> in XML; nothing stored', async () => {
    const before = await count();
    const badKey = await post('json', { ...spec(), api_key: 'wrong' });
    assert.equal(badKey.statusCode, 403);
    assert.deepEqual(badKey.json(), [{ code: 403, description: 'Invalid api_key' }]);
    const noKeyXml = await post('xml', { ...spec(), api_key: '' });
    assert.equal(noKeyXml.statusCode, 400);
    assert.match(noKeyXml.body, /^<\?xml version="1.0" encoding="utf-8"\?><errors><error><code>400<\/code><description>api_key: [^<]+<\/description><\/error><\/errors>$/);
    const cases: Array<Record<string, string>> = [
      { ...spec(), service_code: 'nope' },
      { ...spec(), description: '' },
      { ...spec(), description: 'x'.repeat(100_000) },
      { ...spec(), description: '<script>alert(1)</script>' },
      { ...spec(), lat: '', long: '', address_string: '' },
    ];
    for (const c of cases) {
      const res = await post('json', Object.fromEntries(Object.entries(c).filter(([, v]) => v !== '' || c === cases[1])));
      assert.equal(res.statusCode, 400, res.body.slice(0, 200));
      assert.equal(res.json()[0].code, 400);
      assert.ok(res.json()[0].description.length > 0);
    }
    const unknownJurisdiction = await post('json', { ...spec(), jurisdiction_id: 'khong-co' });
    assert.equal(unknownJurisdiction.statusCode, 404);
    assert.equal((await s.app.inject({ url: '/open311/v2/requests/PAKN-000000-0000.json' })).json()[0].code, 404);
    assert.equal((await s.app.inject({ url: '/open311/v2/nothing.json' })).json()[0].code, 404);
    assert.equal(await count(), before);
  });

  test('a revoked key is refused; a key bound to another unit cannot post to this jurisdiction; key admin needs feedback.configure', async () => {
    const other = await s.unitId('Xã Hải Lạng').catch(() => null);
    if (other) {
      const bound = (await s.app.inject({ method: 'POST', url: '/api/v1/open311-keys', headers: { cookie: s.cookies.admin }, payload: { name: 'Hải Lạng', unitId: other } })).json();
      assert.equal((await post('json', { ...spec(), api_key: bound.key })).statusCode, 403);
    }
    const k = (await s.app.inject({ method: 'POST', url: '/api/v1/open311-keys', headers: { cookie: s.cookies.admin }, payload: { name: 'Tạm', unitId: null } })).json();
    const { rows } = await s.database.query('SELECT key_hash FROM open311_api_keys WHERE id = $1', [k.id]);
    assert.notEqual(rows[0].key_hash, k.key);
    assert.equal((await s.app.inject({ method: 'POST', url: `/api/v1/open311-keys/${k.id}/revoke`, headers: { cookie: s.cookies.admin } })).statusCode, 200);
    assert.equal((await post('json', { ...spec(), api_key: k.key })).statusCode, 403);
    assert.equal((await s.app.inject({ url: '/api/v1/open311-keys', headers: { cookie: s.cookies.motcua } })).statusCode, 403);
    assert.equal((await s.app.inject({ url: '/api/v1/open311-keys' })).statusCode, 401);
    const listed = (await s.app.inject({ url: '/api/v1/open311-keys', headers: { cookie: s.cookies.admin } })).json();
    assert.ok(listed.every((x: Record<string, unknown>) => !('key' in x) && !('keyHash' in x)));
    assert.ok((await s.auditFor(k.id)).some((a) => a.action === 'open311.key.revoke'));
  });

  test('a commune administrator issues keys for their commune only: a key for every jurisdiction is refused with 403, saying why in Vietnamese or English', async () => {
    const cookie = await s.login('quantri.tienyen');
    const issue = (unit: string | null, lang?: string) =>
      s.app.inject({ method: 'POST', url: '/api/v1/open311-keys', headers: { cookie, ...(lang ? { 'accept-language': lang } : {}) }, payload: { name: 'Ứng dụng của xã', unitId: unit } });
    const keys = async () => Number((await s.database.query('SELECT count(*)::int AS n FROM open311_api_keys')).rows[0].n);
    const before = await keys();
    const vi = await issue(null);
    assert.equal(vi.statusCode, 403, vi.body);
    assert.equal(vi.json().title, 'Bạn không có quyền thực hiện thao tác này');
    assert.equal(vi.json().detail, 'Chỉ tài khoản được giao quyền trên toàn hệ thống mới cấp được khóa API dùng cho mọi đơn vị; hãy chọn một đơn vị');
    assert.equal((await issue(null, 'en')).json().detail, 'a key for every jurisdiction needs an installation-wide grant; choose a unit');
    assert.equal(await keys(), before);
    const own = await issue(unitId);
    assert.equal(own.statusCode, 201, own.body);
    assert.equal(own.json().unitId, unitId);
  });
});
