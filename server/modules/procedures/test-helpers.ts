/** Test helpers of the procedures module: the demo catalogue on a test server, and a valid creation body. */
import type { TestServer } from '../../test-support/server.ts';
import { seedDemoProcedures } from './demo-catalogue.ts';

/** The demo-locality keys the catalogue seed uses, resolved by unit name on a demo-seeded test server. */
export async function demoUnitIds(s: TestServer): Promise<Map<string, string>> {
  const names: Record<string, string> = {
    p_qn: 'Tỉnh Quảng Ninh',
    p_qn_ttpvhcc: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh',
    n_tien_yen: 'Xã Tiên Yên',
    n_hai_lang: 'Xã Hải Lạng',
    d_tien_yen: 'Huyện Tiên Yên',
    d_tien_yen_hcc: 'Trung tâm Hành chính công huyện Tiên Yên',
  };
  const out = new Map<string, string>();
  for (const [k, name] of Object.entries(names)) out.set(k, await s.unitId(name));
  return out;
}

/** Seeds the demo catalogue (a no-op when the installation seed did it already). */
export async function seedCatalogue(s: TestServer): Promise<Map<string, string>> {
  const ids = await demoUnitIds(s);
  await s.database.transaction((tx) => seedDemoProcedures(tx, ids));
  return ids;
}

/** A complete, valid creation body for a procedure of `ownerUnitId`. */
export function procedureBody(ownerUnitId: string, code: string, over: Record<string, unknown> = {}) {
  return {
    ownerUnitId,
    code,
    effectiveFrom: '2026-01-01',
    nationalCode: null,
    name: 'Xác nhận đơn đề nghị cấp thẻ thử nghiệm',
    field: 'other',
    authorityLevel: 'commune',
    implementingUnitIds: [ownerUnitId],
    processingTime: { value: 5, unit: 'working_day' },
    onlineLevel: 'partial',
    resultType: 'Văn bản xác nhận',
    documents: [
      { name: 'Đơn đề nghị', form: 'original', count: 1, templateFile: 'Don.docx' },
      { name: 'Bản sao giấy tờ tùy thân', form: 'copy', count: 1 },
    ],
    fees: [{ name: 'Lệ phí', amount: 20_000 }],
    steps: [
      { kind: 'receive', role: 'counter_officer', unitKind: 'service_center', sharePercent: 10 },
      { kind: 'appraise', role: 'specialist', unitKind: 'specialised_office', sharePercent: 70 },
      { kind: 'sign', role: 'unit_leader', unitKind: 'commune', sharePercent: 10 },
      { kind: 'return', role: 'counter_officer', unitKind: 'service_center', sharePercent: 10 },
    ],
    ...over,
  };
}
