import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../../../test-support/server.ts';
import { seedDemoReform } from '../demo/demo-reform.ts';
import { caller, count, fieldsOf, type Call } from '../test-helpers.ts';

/** The worked fixture of par.compute.test.ts, entered through the API as a 2030 commune framework of 20 points. */
describe('PAR index API', () => {
  let s: TestServer;
  let call: Call;
  let admin: string, cchc: string, thanhtra: string, lanhdao: string, motcua: string;
  let province: string, tienYen: string, haiLang: string;
  let fw: { id: string; version: number };
  const c: Record<string, string> = {};
  let tyAssessment: string, hlAssessment: string;

  before(async () => {
    s = await startTestServer();
    await seedDemoReform(s.database); // the demo reform data are there, as on a demo installation
    call = caller(s);
    [admin, cchc, thanhtra, lanhdao, motcua] = await Promise.all(['admin', 'cchc', 'thanhtra', 'lanhdao', 'motcua'].map((u) => s.login(u)));
    [province, tienYen, haiLang] = await Promise.all(['Tỉnh Quảng Ninh', 'Xã Tiên Yên', 'Xã Hải Lạng'].map((n) => s.unitId(n)));
  });
  after(() => s.close());

  describe('frameworks and criteria', () => {
    test('the province appraiser creates a year’s framework; bands default to the common pattern as data; audited', async () => {
      const res = await call('POST', '/api/v1/par/frameworks', thanhtra, { provinceUnitId: province, year: 2030, targetLevel: 'commune', name: 'Bộ chỉ số thử 2030', maxPoints: 20 });
      assert.equal(res.statusCode, 201, res.body);
      fw = res.json();
      assert.equal(res.json().status, 'draft');
      assert.deepEqual(res.json().bands.map((b: { code: string; minIndex: number }) => [b.code, b.minIndex]), [['excellent', 90], ['good', 80], ['fair', 70], ['average', 50], ['weak', 0]]);
      const audit = await s.auditFor(fw.id);
      assert.equal(audit[0].action, 'par.framework.create');
      assert.equal(audit[0].actor_id, await s.userId('thanhtra'));
    });

    test('refuses a second framework for the same province, year and level (409), saying so in Vietnamese by default and in English on request', async () => {
      const body = { provinceUnitId: province, year: 2030, targetLevel: 'commune', name: 'Trùng' };
      const res = await call('POST', '/api/v1/par/frameworks', thanhtra, body);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().detail, 'Đã có bộ chỉ số năm 2030 cho cấp này (Cấp xã, phường, đặc khu)');
      const en = await call('POST', '/api/v1/par/frameworks', thanhtra, body, { 'accept-language': 'en' });
      assert.equal(en.json().detail, 'a framework for 2030 exists already (Communes, wards, special zones)');
    });

    test('400 naming each bad field; 400 when the unit is not a province', async () => {
      const res = await call('POST', '/api/v1/par/frameworks', thanhtra, { provinceUnitId: province, year: 1999, targetLevel: 'village', name: ' ', bands: [{ code: 'X', minIndex: 120, label: { vi: 'a', en: 'b', fr: 'c' } }] });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(fieldsOf(res), ['bands.0.code', 'bands.0.minIndex', 'name', 'targetLevel', 'year']);
      const notProvince = await call('POST', '/api/v1/par/frameworks', thanhtra, { provinceUnitId: tienYen, year: 2031, targetLevel: 'commune', name: 'Xã' });
      assert.equal(notProvince.statusCode, 400);
      assert.deepEqual(fieldsOf(notProvince), ['provinceUnitId']);
    });

    test('401 without a session; 403 to a commune reform officer (no reform.appraise)', async () => {
      assert.equal((await call('POST', '/api/v1/par/frameworks', undefined, { provinceUnitId: province, year: 2031, targetLevel: 'commune', name: 'x' })).statusCode, 401);
      assert.equal((await call('POST', '/api/v1/par/frameworks', cchc, { provinceUnitId: province, year: 2031, targetLevel: 'commune', name: 'x' })).statusCode, 403);
    });

    test('the tree is entered node by node; the code must extend its parent’s; duplicates 409; unknown figure 400', async () => {
      const add = async (parent: string | null, code: string, maxPoints: number, extra: object = {}) => {
        const res = await call('POST', `/api/v1/par/frameworks/${fw.id}/criteria`, thanhtra, { parentId: parent ? c[parent] : null, code, title: `Tiêu chí ${code}`, maxPoints, ...extra });
        assert.equal(res.statusCode, 201, res.body);
        c[code] = res.json().id;
        return res.json();
      };
      assert.equal((await add(null, '1', 10)).level, 'area');
      await add('1', '1.1', 4, { liveFigureKey: 'training.trainees', guidance: 'Đủ kế hoạch: 4 điểm' });
      await add('1', '1.2', 6);
      assert.equal((await add('1.2', '1.2.1', 3, { liveFigureKey: 'dossiers.on_time_rate' })).level, 'sub_criterion');
      await add('1.2', '1.2.2', 3);
      await add(null, '2', 10);
      await add('2', '2.1', 10, { method: 'survey' });
      const wrongPrefix = await call('POST', `/api/v1/par/frameworks/${fw.id}/criteria`, thanhtra, { parentId: c['1'], code: '2.5', title: 'Sai mã', maxPoints: 1 });
      assert.deepEqual(fieldsOf(wrongPrefix), ['code']);
      const dup = await call('POST', `/api/v1/par/frameworks/${fw.id}/criteria`, thanhtra, { parentId: c['1'], code: '1.1', title: 'Trùng', maxPoints: 1 });
      assert.equal(dup.statusCode, 409);
      const fig = await call('POST', `/api/v1/par/frameworks/${fw.id}/criteria`, thanhtra, { parentId: c['1'], code: '1.3', title: 'x', maxPoints: 1, liveFigureKey: 'nothing.here' });
      assert.deepEqual(fieldsOf(fig), ['liveFigureKey']);
      assert.equal((await s.auditFor(fw.id))[0].action, 'par.criterion.create');
    });

    test('PATCH a criterion with a stale version is 409; 404 for an unknown criterion', async () => {
      const ok = await call('PATCH', `/api/v1/par/criteria/${c['1.2.2']}`, thanhtra, { version: 1, guidance: 'Có báo cáo: 3 điểm' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().version, 2);
      assert.equal((await call('PATCH', `/api/v1/par/criteria/${c['1.2.2']}`, thanhtra, { version: 1, title: 'Ghi đè' })).statusCode, 409);
      assert.equal((await call('PATCH', '/api/v1/par/criteria/00000000-0000-4000-8000-000000000000', thanhtra, { version: 1, title: 'x' })).statusCode, 404);
    });

    test('issuing checks the tree: children must add up to their parent, areas to the maximum (422), then 409 on a stale version', async () => {
      const bump = await call('PATCH', `/api/v1/par/criteria/${c['1.2.2']}`, thanhtra, { version: 2, maxPoints: 2.5 });
      assert.equal(bump.statusCode, 200);
      const refused = await call('PATCH', `/api/v1/par/frameworks/${fw.id}`, thanhtra, { version: fw.version, status: 'published' }, { 'accept-language': 'en' });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.json().detail, /1\.2 add up to 5\.5, not 6/);
      const vi = await call('PATCH', `/api/v1/par/frameworks/${fw.id}`, thanhtra, { version: fw.version, status: 'published' });
      assert.equal(vi.json().detail, 'Bộ chỉ số chưa khớp điểm: tổng điểm các mục con của 1.2 là 5,5, không bằng 6');
      await call('PATCH', `/api/v1/par/criteria/${c['1.2.2']}`, thanhtra, { version: 3, maxPoints: 3 });
      const issued = await call('PATCH', `/api/v1/par/frameworks/${fw.id}`, thanhtra, { version: fw.version, status: 'published' });
      assert.equal(issued.statusCode, 200, issued.body);
      assert.equal(issued.json().treeMaxPoints, 20);
      assert.equal((await s.auditFor(fw.id))[0].action, 'par.framework.issue');
      const stale = await call('PATCH', `/api/v1/par/frameworks/${fw.id}`, thanhtra, { version: fw.version, name: 'Cũ' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().detail, `Bộ chỉ số vừa được người khác cập nhật (phiên bản ${issued.json().version}, bạn đang xem phiên bản ${fw.version}); vui lòng tải lại`);
      const staleEn = await call('PATCH', `/api/v1/par/frameworks/${fw.id}`, thanhtra, { version: fw.version, name: 'Cũ' }, { 'accept-language': 'en' });
      assert.equal(staleEn.json().detail, `framework is at version ${issued.json().version}, not ${fw.version}`);
      fw = issued.json();
      const locked = await call('POST', `/api/v1/par/frameworks/${fw.id}/criteria`, thanhtra, { parentId: null, code: '3', title: 'Thêm', maxPoints: 1 });
      assert.equal(locked.statusCode, 422, 'an issued tree is not edited');
    });

    test('any reform reader reads the framework; 404 for an unknown one; 403 without reform.read', async () => {
      const res = await call('GET', `/api/v1/par/frameworks/${fw.id}`, lanhdao);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().criteria.map((x: { code: string }) => x.code), ['1', '1.1', '1.2', '1.2.1', '1.2.2', '2', '2.1']);
      assert.equal((await call('GET', '/api/v1/par/frameworks/00000000-0000-4000-8000-000000000000', lanhdao)).statusCode, 404);
      assert.equal((await call('GET', `/api/v1/par/frameworks/${fw.id}`, motcua)).statusCode, 403);
    });
  });

  describe('assessments', () => {
    test('the commune reform officer opens its own self-assessment (audited); not another commune’s (403)', async () => {
      const res = await call('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, cchc, { unitId: tienYen });
      assert.equal(res.statusCode, 201, res.body);
      tyAssessment = res.json().id;
      assert.equal(res.json().status, 'draft');
      assert.equal((await s.auditFor(tyAssessment))[0].action, 'par.assessment.open');
      const other = await call('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, cchc, { unitId: haiLang });
      assert.equal(other.statusCode, 403);
      assert.equal(other.json().detail, 'Bạn không có quyền cập nhật công tác cải cách hành chính hoặc thẩm định chỉ số cải cách hành chính đối với các đơn vị liên quan');
      assert.equal((await call('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, cchc, { unitId: tienYen })).statusCode, 409);
      assert.equal((await call('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, cchc, { localityName: 'Địa phương khác', publishedScore: 10 })).statusCode, 403, 'only the province records results');
    });

    test('the province opens another commune’s and records peers’ published results', async () => {
      const hl = await call('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, thanhtra, { unitId: haiLang });
      assert.equal(hl.statusCode, 201);
      hlAssessment = hl.json().id;
      const y = await call('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, thanhtra, { localityName: 'Địa phương Y', publishedScore: 17.1, illustrative: true });
      assert.equal(y.statusCode, 201, y.body);
      assert.equal(y.json().status, 'published');
      assert.equal((await s.auditFor(y.json().id))[0].action, 'par.result.record');
      await call('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, thanhtra, { localityName: 'Địa phương Z', publishedScore: 18.2, illustrative: true });
      const tooBig = await call('POST', `/api/v1/par/frameworks/${fw.id}/assessments`, thanhtra, { localityName: 'Địa phương W', publishedScore: 25 });
      assert.deepEqual(fieldsOf(tooBig), ['publishedScore']);
    });

    test('the reform officer self-assesses leaf criteria (audited, versioned: 409 on a stale version)', async () => {
      const put = (code: string, body: object, cookie = cchc) => call('PUT', `/api/v1/par/assessments/${tyAssessment}/scores/${c[code]}`, cookie, body);
      const first = await put('1.1', { version: 0, score: 3.5, comment: 'Có kế hoạch, chậm 1 lớp' });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 1);
      const audit = await s.auditFor(tyAssessment);
      assert.equal(audit[0].action, 'par.score.self');
      assert.equal((audit[0].after as { selfScore: number }).selfScore, 3.5);
      assert.equal((await put('1.1', { version: 0, score: 3 })).statusCode, 409);
      assert.equal((await put('1.2.1', { version: 0, score: 3 })).statusCode, 200);
      assert.equal((await put('1.2.2', { version: 0, score: 2.75 })).statusCode, 200);
      const rows = await s.database.query('SELECT self_score FROM par_scores WHERE assessment_id = $1 ORDER BY self_score', [tyAssessment]);
      assert.deepEqual(rows.rows.map((r) => Number(r.self_score)), [2.75, 3, 3.5]);
    });

    test('refuses: a score above the maximum (400 score), a parent criterion or a survey criterion (422), an unknown criterion (404), another commune (403), no session (401)', async () => {
      const put = (id: string, criterion: string, body: object, cookie: string | null = cchc) => call('PUT', `/api/v1/par/assessments/${id}/scores/${criterion}`, cookie ?? undefined, body);
      const big = await put(tyAssessment, c['1.2.1'], { version: 1, score: 3.5 });
      assert.equal(big.statusCode, 400);
      assert.deepEqual(fieldsOf(big), ['score']);
      assert.deepEqual(fieldsOf(await put(tyAssessment, c['1.1'], { version: 1, score: 1.234 })), ['score']);
      assert.equal((await put(tyAssessment, c['1.2'], { version: 0, score: 1 })).statusCode, 422);
      assert.equal((await put(tyAssessment, c['2.1'], { version: 0, score: 1 })).statusCode, 422);
      assert.equal((await put(tyAssessment, '00000000-0000-4000-8000-000000000000', { version: 0, score: 1 })).statusCode, 404);
      assert.equal((await put('00000000-0000-4000-8000-000000000000', c['1.1'], { version: 0, score: 1 })).statusCode, 404);
      assert.equal((await put(hlAssessment, c['1.1'], { version: 0, score: 1 })).statusCode, 403);
      assert.equal((await put(tyAssessment, c['1.1'], { version: 1, score: 1 }, null)).statusCode, 401);
      assert.equal((await put(tyAssessment, c['1.1'], { version: 1, score: 1 }, lanhdao)).statusCode, 403, 'a leader reads but does not self-assess');
    });

    test('evidence: a steering document, a link, a live training figure (snapshotted); a dossier figure over a year without dossiers has no value', async () => {
      const ev = (code: string, body: object) => call('POST', `/api/v1/par/assessments/${tyAssessment}/scores/${c[code]}/evidence`, cchc, body);
      const doc = await call('POST', '/api/v1/reform-documents', cchc, { unitId: tienYen, kind: 'plan', number: '01/KH-UBND', issuedOn: '2030-01-05', issuer: 'UBND xã Tiên Yên', summary: 'Kế hoạch CCHC năm 2030' });
      assert.equal(doc.statusCode, 201, doc.body);
      const d = await ev('1.1', { kind: 'document', documentId: doc.json().id });
      assert.equal(d.statusCode, 201, d.body);
      assert.equal(d.json().title, '01/KH-UBND — Kế hoạch CCHC năm 2030');
      assert.deepEqual(fieldsOf(await ev('1.1', { kind: 'link' })), ['url']);
      const foreign = await call('POST', '/api/v1/reform-documents', admin, { unitId: haiLang, kind: 'report', number: '09/BC-UBND', issuedOn: '2030-02-01', issuer: 'UBND xã Hải Lạng', summary: 'Báo cáo nội bộ của xã khác' });
      assert.deepEqual(fieldsOf(await ev('1.1', { kind: 'document', documentId: foreign.json().id })), ['documentId'], 'a document the officer may not read cannot be cited');
      assert.equal((await ev('1.1', { kind: 'link', url: 'https://tienyen.quangninh.gov.vn/cchc/ke-hoach-2030', title: 'Bài đăng trên cổng' })).statusCode, 201);
      await call('POST', '/api/v1/training/classes', cchc, { unitId: tienYen, title: 'Bồi dưỡng CCHC', organiser: 'UBND xã', level: 'commune', startOn: '2030-03-01', endOn: '2030-03-02', reportedParticipants: 37 });
      const fig = await ev('1.1', { kind: 'figure' });
      assert.equal(fig.statusCode, 201, fig.body);
      assert.equal(fig.json().figureKey, 'training.trainees');
      assert.equal(fig.json().figureValue, 37);
      assert.equal(fig.json().figurePeriod, '2030-01-01/2030-12-31');
      // The dossier figures are provided by the dashboard module; in 2030 there is no dossier, so a rate has no value.
      const dossier = await ev('1.2.1', { kind: 'figure' });
      assert.equal(dossier.statusCode, 201, dossier.body);
      assert.match(dossier.json().figureKey, /^dossiers\./);
      assert.equal(dossier.json().figureValue, null);
      assert.equal((await s.auditFor(tyAssessment))[0].action, 'par.evidence.add');
    });

    test('GET the assessment: tree with node totals, evidence, live figures; a leader of the commune reads it; another commune’s is 403; unknown 404', async () => {
      const res = await call('GET', `/api/v1/par/assessments/${tyAssessment}`, lanhdao);
      assert.equal(res.statusCode, 200, res.body);
      const a = res.json();
      const node = (code: string) => a.nodes.find((n: { code: string }) => n.code === code);
      assert.equal(node('1.2').selfPoints, 5.75);
      assert.equal(node('1').finalPoints, 9.25);
      assert.equal(node('1.1').evidence.length, 3);
      assert.deepEqual([node('1.1').liveFigure.status, node('1.1').liveFigure.value], ['available', 37]);
      assert.deepEqual([node('1.2.1').liveFigure.status, node('1.2.1').liveFigure.value], ['available', null]);
      assert.deepEqual(a.can, { selfAssess: false, appraise: false });
      assert.equal((await call('GET', `/api/v1/par/assessments/${tyAssessment}`, cchc)).json().can.selfAssess, true);
      assert.equal((await call('GET', `/api/v1/par/assessments/${hlAssessment}`, cchc)).statusCode, 403);
      assert.equal((await call('GET', '/api/v1/par/assessments/00000000-0000-4000-8000-000000000000', cchc)).statusCode, 404);
      assert.equal((await call('GET', `/api/v1/par/assessments/${tyAssessment}`, motcua)).statusCode, 403);
    });

    test('the list shows only what the caller may read', async () => {
      const mine = await call('GET', `/api/v1/par/assessments?frameworkId=${fw.id}`, cchc);
      assert.deepEqual(mine.json().map((a: { localityName: string }) => a.localityName), ['Xã Tiên Yên']);
      const all = await call('GET', `/api/v1/par/assessments?frameworkId=${fw.id}`, thanhtra);
      assert.equal(all.json().length, 4);
    });

    test('appraisal waits for the submission (422); submitting is versioned (409) and locks self-assessment', async () => {
      const early = await call('PUT', `/api/v1/par/assessments/${tyAssessment}/appraisals/${c['1.2.1']}`, thanhtra, { version: 1, score: 2.25, comment: 'Thiếu minh chứng' });
      assert.equal(early.statusCode, 422);
      assert.equal(early.json().detail, 'Chỉ thẩm định sau khi địa phương đã gửi bản tự đánh giá và trước khi công bố kết quả');
      assert.equal((await call('POST', `/api/v1/par/assessments/${tyAssessment}/submit`, cchc, { version: 9 })).statusCode, 409);
      const sub = await call('POST', `/api/v1/par/assessments/${tyAssessment}/submit`, cchc, { version: 1 });
      assert.equal(sub.statusCode, 200, sub.body);
      assert.equal(sub.json().status, 'submitted');
      assert.equal((await s.auditFor(tyAssessment))[0].action, 'par.assessment.submit');
      assert.equal((await call('PUT', `/api/v1/par/assessments/${tyAssessment}/scores/${c['1.1']}`, cchc, { version: 1, score: 4 })).statusCode, 422);
    });

    test('the appraiser adjusts a score with a comment (400 without one), versioned; a reform officer may not (403)', async () => {
      const url = `/api/v1/par/assessments/${tyAssessment}/appraisals/${c['1.2.1']}`;
      assert.deepEqual(fieldsOf(await call('PUT', url, thanhtra, { version: 1, score: 2.25 })), ['comment']);
      assert.equal((await call('PUT', url, cchc, { version: 1, score: 2.25, comment: 'x' })).statusCode, 403);
      const ok = await call('PUT', url, thanhtra, { version: 1, score: 2.25, comment: 'Thiếu minh chứng kết quả' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().selfScore, ok.json().appraisedScore], [3, 2.25]);
      const audit = await s.auditFor(tyAssessment);
      assert.equal(audit[0].action, 'par.score.appraise');
      assert.equal(audit[0].actor_id, await s.userId('thanhtra'));
      assert.equal((await call('PUT', url, thanhtra, { version: 1, score: 2, comment: 'x' })).statusCode, 409);
      const confirm = await call('PUT', `/api/v1/par/assessments/${tyAssessment}/appraisals/${c['1.1']}`, thanhtra, { version: 1, score: 3.5 });
      assert.equal(confirm.statusCode, 200, 'confirming the self score needs no comment');
    });

    test('survey results: only survey criteria (400 otherwise), versioned on the assessment (409)', async () => {
      const url = `/api/v1/par/assessments/${tyAssessment}/survey`;
      const bad = await call('PUT', url, thanhtra, { version: 2, results: [{ criterionId: c['1.1'], score: 1 }, { criterionId: c['2.1'], score: 11 }] });
      assert.deepEqual(fieldsOf(bad), ['results.0.criterionId', 'results.1.score']);
      assert.equal((await call('PUT', url, thanhtra, { version: 1, results: [{ criterionId: c['2.1'], score: 8.6 }] })).statusCode, 409);
      const ok = await call('PUT', url, thanhtra, { version: 2, results: [{ criterionId: c['2.1'], score: 8.6, respondents: 150 }] });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().totals.selfPoints, ok.json().totals.appraisedPoints, ok.json().totals.surveyPoints, ok.json().totals.finalPoints, ok.json().totals.index], [9.25, 8.5, 8.6, 17.1, 85.5]);
      assert.equal(ok.json().totals.classification.code, 'good');
      assert.equal((await s.auditFor(tyAssessment))[0].action, 'par.survey.enter');
    });

    test('the ranking shares rank 2 between Tiên Yên and the peer at the same index (competition rule; ties listed in Vietnamese order), next is 4', async () => {
      const res = await call('GET', `/api/v1/par/frameworks/${fw.id}/ranking`, cchc);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().provisional, true);
      assert.deepEqual(res.json().rows.map((r: { localityName: string; index: number; rank: number; tied: boolean }) => [r.localityName, r.index, r.rank, r.tied]), [
        ['Địa phương Z', 91, 1, false],
        ['Địa phương Y', 85.5, 2, true],
        ['Xã Tiên Yên', 85.5, 2, true],
        ['Xã Hải Lạng', 0, 4, false],
      ]);
      const dense = await call('PATCH', `/api/v1/par/frameworks/${fw.id}`, thanhtra, { version: fw.version, tieRule: 'dense' });
      assert.equal(dense.statusCode, 200);
      assert.equal((await call('GET', `/api/v1/par/frameworks/${fw.id}/ranking`, cchc)).json().rows.at(-1).rank, 3);
      fw = (await call('PATCH', `/api/v1/par/frameworks/${fw.id}`, thanhtra, { version: dense.json().version, tieRule: 'competition' })).json();
    });

    test('publication freezes the final points; the trend shows the year; 422 on a draft', async () => {
      assert.equal((await call('POST', `/api/v1/par/assessments/${hlAssessment}/publish`, thanhtra, { version: 1 })).statusCode, 422);
      const pub = await call('POST', `/api/v1/par/assessments/${tyAssessment}/publish`, thanhtra, { version: 3 });
      assert.equal(pub.statusCode, 200, pub.body);
      assert.equal(pub.json().totals.source, 'published');
      const { rows } = await s.database.query('SELECT published_score FROM par_assessments WHERE id = $1', [tyAssessment]);
      assert.equal(Number(rows[0].published_score), 17.1);
      const trend = await call('GET', `/api/v1/par/trend?unitId=${tienYen}`, cchc);
      assert.equal(trend.statusCode, 200);
      const p2030 = trend.json().points.find((p: { year: number }) => p.year === 2030);
      assert.deepEqual([p2030.finalPoints, p2030.index, p2030.rank, p2030.of], [17.1, 85.5, 2, 4]);
      assert.equal((await call('GET', `/api/v1/par/trend?unitId=${haiLang}`, cchc)).statusCode, 403);
      assert.deepEqual(fieldsOf(await call('GET', '/api/v1/par/trend?unitId=nope', cchc)), ['unitId']);
    });

    test('the live-figure catalogue says which figures are available', async () => {
      const res = await call('GET', '/api/v1/par/live-figures', cchc);
      const byKey = Object.fromEntries(res.json().map((f: { key: string; available: boolean }) => [f.key, f.available]));
      assert.equal(byKey['training.trainees'], true);
      assert.equal(byKey['dossiers.on_time_rate'], true, 'provided by the dashboard module');
      assert.equal(await count(s, 'SELECT count(*) AS n FROM par_frameworks WHERE year = 2030'), 1);
    });
  });
});
