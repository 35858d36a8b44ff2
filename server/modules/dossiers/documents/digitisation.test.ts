import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ReceiveDossierBody } from '../../../../contracts/dossiers.ts';
import { diskFileStore } from '../../../platform/files.ts';
import type { Context } from '../../accounts/context.ts';
import { receiveDossier } from '../dossiers.receive.ts';
import { startDossierServer, vn, type DossierTestServer } from '../test-helpers.ts';
import { digitisationRates } from './digitisation.ts';
import { reuseFile, uploadDocumentFile, uploadResultFile, type ScanDeps } from './scans.service.ts';

describe('digitisation rates on a small fixture', () => {
  let s: DossierTestServer;
  let deps: ScanDeps;
  let ctx: Context;
  let dir: string;
  let tienYen: string;
  let hailang: string;
  const day = vn('2026-03-03T09:00'); // a Tuesday
  const pdf = (label: string) => async () => ({ bytes: Buffer.from(`%PDF-1.7\n% ${label}\n%%EOF\n`), fileName: `${label}.pdf` });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-rates-'));
    s = await startDossierServer({ DATA_DIR: dir });
    deps = { database: s.database, store: diskFileStore(join(dir, 'files')), maxBytes: 1 << 20 };
    ctx = await s.ctxOf('motcua');
    tienYen = await s.unitId('Xã Tiên Yên');
    hailang = await s.unitId('Xã Hải Lạng');
    const procedureId = await s.procedure('TY-HT-06');
    const receive = async (name: string, idNumber: string, at: Date) => {
      const input = ReceiveDossierBody.parse({ procedureId, receptionUnitId: tienYen, applicant: { name, idNumber, phone: '0912345678' }, documents: [0, 1, 2].map((index) => ({ index, received: true })) });
      const r = await receiveDossier(s.deps, ctx, input, { now: at });
      assert.equal(r.outcome, 'received');
      return (r as Extract<typeof r, { outcome: 'received' }>).dossier;
    };
    // TY-HT-06: documents 0 (form) and 1 (copy) need a scan; 2 (ID card) is only shown.
    const a = await receive('Nguyễn Văn A', '022090000001', day);
    const b = await receive('Trần Thị B', '022090000002', new Date(day.getTime() + 3_600_000));
    const c = await receive('Lê Văn C', '022090000003', new Date(day.getTime() + 2 * 3_600_000));
    const d = await receive('Nguyễn Văn A', '022090000001', vn('2026-03-04T14:00')); // A's next dossier
    const e = await receive('Phạm Thị E', '022090000005', vn('2026-02-24T09:00')); // before the period
    // A: fully digitised. B: one of two. C: nothing to scan (as if every document were only shown).
    // D: one document uploaded, the other reused from A (same applicant). E: fully digitised, outside the period.
    await uploadDocumentFile(deps, ctx, a.id, a.documents[0].id, pdf('a0'), {}, day);
    const a1 = await uploadDocumentFile(deps, ctx, a.id, a.documents[1].id, pdf('a1'), {}, day);
    await uploadDocumentFile(deps, ctx, b.id, b.documents[0].id, pdf('b0'), {}, day);
    await s.database.query('UPDATE dossier_documents SET scan_required = false WHERE dossier_id = $1', [c.id]);
    await uploadDocumentFile(deps, ctx, d.id, d.documents[0].id, pdf('d0'), {}, day);
    await reuseFile(deps, ctx, d.id, d.documents[1].id, a1.file.id, day);
    await uploadDocumentFile(deps, ctx, e.id, e.documents[0].id, pdf('e0'), {}, day);
    await uploadDocumentFile(deps, ctx, e.id, e.documents[1].id, pdf('e1'), {}, day);
    // Results returned on 4 March: A with a result file, B without, E with a result recorded on the dossier only.
    const returnedAt = vn('2026-03-04T10:00').toISOString();
    await s.database.query(`UPDATE dossiers SET status = 'returned', returned_at = $2, finished_at = $2 WHERE id = ANY($1::uuid[])`, [[a.id, b.id, e.id], returnedAt]);
    await uploadResultFile(deps, ctx, a.id, pdf('result-a'), day);
    await s.database.query(`UPDATE dossiers SET result_file_sha256 = repeat('e', 64) WHERE id = $1`, [e.id]);
  });
  after(async () => {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('counts received, nothing-to-scan, digitised, reused and returned dossiers, and the four rates', async () => {
    const r = await digitisationRates(s.database.db, { unitIds: null, from: '2026-03-03', to: '2026-03-04' });
    assert.deepEqual(r.totals, {
      received: 4,
      nothingToScan: 1,
      digitised: 2, // A and D
      reused: 1, // D
      returned: 3, // A, B, E (E was received before the period but returned in it)
      resultsDigitised: 2, // A (file) and E (recorded on the dossier)
      rate: 2 / 3,
      rateAll: 2 / 4,
      resultRate: 2 / 3,
      reuseRate: 1 / 4,
    });
    assert.deepEqual(r.byUnit.map((u) => [u.unitId, u.received, u.returned]), [[tienYen, 4, 3]]);
    assert.match(r.formula.dossiers, /dossiers received − dossiers with nothing to scan/);
  });

  test('the period is inclusive Vietnam dates: one day holds A, B, C only, and no return', async () => {
    const r = await digitisationRates(s.database.db, { unitIds: [tienYen], from: '2026-03-03', to: '2026-03-03' });
    assert.equal(r.totals.received, 3);
    assert.equal(r.totals.digitised, 1);
    assert.equal(r.totals.rate, 1 / 2);
    assert.equal(r.totals.returned, 0);
    assert.equal(r.totals.resultRate, null);
  });

  test('another unit, no unit, or an empty period: zero counts and null rates', async () => {
    for (const q of [{ unitIds: [hailang], from: '2026-03-01', to: '2026-03-31' }, { unitIds: [], from: '2026-03-01', to: '2026-03-31' }, { unitIds: null, from: '2026-01-01', to: '2026-01-31' }]) {
      const r = await digitisationRates(s.database.db, q);
      assert.deepEqual(r.byUnit, []);
      assert.equal(r.totals.received, 0);
      assert.equal(r.totals.rate, null);
      assert.equal(r.totals.rateAll, null);
      assert.equal(r.totals.resultRate, null);
      assert.equal(r.totals.reuseRate, null);
    }
  });
});
