/** Dossiers whose result was returned, for the satisfaction and feedback tests. */
import assert from 'node:assert/strict';
import type { DossierTestServer } from '../dossiers/test-helpers.ts';

export const APPLICANT = { kind: 'individual', name: 'Nguyễn Văn Thử', idNumber: '022090001234', phone: '0912345678', email: 'thu@example.vn', address: 'Thôn Yên Trung, xã Tiên Yên' };

/** Receives a dossier of TY-HT-06 at the demo commune, and (unless `stopAt`) carries it to the returned result. */
export async function makeDossier(s: DossierTestServer, opts: { applicant?: Partial<typeof APPLICANT>; stopAt?: 'received' | 'result_ready' } = {}): Promise<{ id: string; code: string }> {
  const c = s.cookies;
  const procedureId = await s.procedure('TY-HT-06');
  const cl = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers/checklist', headers: { cookie: c.motcua }, payload: { procedureId } });
  const documents = cl.json().documents.map((_: unknown, index: number) => ({ index, received: true }));
  const res = await s.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie: c.motcua }, payload: { procedureId, applicant: { ...APPLICANT, ...opts.applicant }, documents } });
  assert.equal(res.statusCode, 201, res.body);
  let d = res.json().dossier as { id: string; code: string; version: number };
  if (opts.stopAt === 'received') return d;
  const act = async (action: string, cookie: string, body: Record<string, unknown> = {}) => {
    const r = await s.app.inject({ method: 'POST', url: `/api/v1/dossiers/${d.id}/${action}`, headers: { cookie }, payload: { version: d.version, ...body } });
    assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    d = r.json();
  };
  await act('accept', c.chuyenvien);
  await act('complete', c.chuyenvien);
  await act('approve', c.lanhdao);
  if (opts.stopAt === 'result_ready') return d;
  await act('return-result', c.motcua, { method: 'counter', receivedBy: APPLICANT.name });
  return d;
}
