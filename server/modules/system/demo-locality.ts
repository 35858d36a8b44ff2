/**
 * The demo locality: Quảng Ninh province and Tiên Yên district as it was until 30 June 2025 (seeded here), and the
 * communes that succeeded it on 1 July 2025 — produced by the re-organisation module from the plans in
 * `server/modules/reorganisation/demo-2025.ts`, not seeded directly. Everything here is marked demo. Names of the district's former communes follow
 * public sources; codes, village names and the exact 2025 merger mapping could not be confirmed here and are
 * flagged `unconfirmed` — correct them in the admin pages (or in this file) against NQ 1679/NQ-UBTVQH15.
 */
export interface DemoUnit {
  key: string;
  name: string;
  kind: string;
  parent: string | null;
  code?: string;
  adminCode?: string;
  validFrom: string;
  validTo?: string;
  unconfirmed?: boolean;
  notes?: string;
}

/** The day the district level ended (NQ 203/2025/QH15, Law 72/2025/QH15). */
export const DISTRICT_END = '2025-06-30';
export const COMMUNE_START = '2025-07-01';
/** Records start here; it is the start of the data, not of the units' legal existence. */
const SINCE = '2015-01-01';

const oldCommunes: Array<[string, string, string]> = [
  ['tt_tien_yen', 'Thị trấn Tiên Yên', 'township'],
  ['x_dai_duc', 'Xã Đại Dực', 'commune'],
  ['x_dong_hai', 'Xã Đông Hải', 'commune'],
  ['x_dong_ngu', 'Xã Đông Ngũ', 'commune'],
  ['x_dong_rui', 'Xã Đồng Rui', 'commune'],
  ['x_dien_xa', 'Xã Điền Xá', 'commune'],
  ['x_ha_lau', 'Xã Hà Lâu', 'commune'],
  ['x_hai_lang', 'Xã Hải Lạng', 'commune'],
  ['x_phong_du', 'Xã Phong Dụ', 'commune'],
  ['x_tien_lang', 'Xã Tiên Lãng', 'commune'],
  ['x_yen_than', 'Xã Yên Than', 'commune'],
];

/** New commune → former communes it absorbed on 1 July 2025 (mapping unconfirmed, see file comment). */
export const MERGERS: Record<string, string[]> = {
  n_tien_yen: ['tt_tien_yen', 'x_yen_than', 'x_phong_du'],
  n_dien_xa: ['x_dien_xa', 'x_ha_lau'],
  n_dong_ngu: ['x_dong_ngu', 'x_dong_hai', 'x_dai_duc'],
  n_hai_lang: ['x_hai_lang', 'x_dong_rui', 'x_tien_lang'],
};

const newCommunes: Array<[string, string]> = [
  ['n_tien_yen', 'Xã Tiên Yên'],
  ['n_dien_xa', 'Xã Điền Xá'],
  ['n_dong_ngu', 'Xã Đông Ngũ'],
  ['n_hai_lang', 'Xã Hải Lạng'],
];

const villages: Record<string, string[]> = {
  tt_tien_yen: ['Khu phố Lý Thường Kiệt', 'Khu phố Hòa Bình'],
  x_dai_duc: ['Thôn Khe Tiên', 'Thôn Nà Cam'],
  x_dong_hai: ['Thôn Đông Hà', 'Thôn Đồng Và'],
  x_dong_ngu: ['Thôn Đông Thắng', 'Thôn Thác Bưởi'],
  x_dong_rui: ['Thôn Đồng Rui', 'Thôn Đồng Tâm'],
  x_dien_xa: ['Thôn Khe Lục', 'Thôn Tềnh Pò'],
  x_ha_lau: ['Thôn Pạc Sủi', 'Thôn Khe Và'],
  x_hai_lang: ['Thôn Nam Hải', 'Thôn Hải Yến'],
  x_phong_du: ['Thôn Khe Mười', 'Thôn Khe Tâm'],
  x_tien_lang: ['Thôn Thủy Cơ', 'Thôn Tiên Phong'],
  x_yen_than: ['Thôn Yên Trung', 'Thôn Đồng Châu'],
};

const districtOffices = [
  'Văn phòng HĐND và UBND huyện',
  'Phòng Nội vụ',
  'Phòng Tư pháp',
  'Phòng Tài chính - Kế hoạch',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Kinh tế và Hạ tầng',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Văn hóa và Thông tin',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Y tế',
  'Phòng Dân tộc',
  'Thanh tra huyện',
];

/** The structure before 1 July 2025: the province, the district, its offices, communes and villages. */
export function demoUnits(): DemoUnit[] {
  const list: DemoUnit[] = [
    { key: 'p_qn', name: 'Tỉnh Quảng Ninh', kind: 'province', parent: null, adminCode: '22', validFrom: SINCE, notes: 'Mã đơn vị hành chính 22 (QĐ 124/2004/QĐ-TTg).' },
    { key: 'p_qn_ttpvhcc', name: 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh', kind: 'service_center', parent: 'p_qn', validFrom: SINCE, unconfirmed: true },
    { key: 'p_qn_snv', name: 'Sở Nội vụ tỉnh Quảng Ninh', kind: 'department', parent: 'p_qn', validFrom: SINCE },
    { key: 'd_tien_yen', name: 'Huyện Tiên Yên', kind: 'district', parent: 'p_qn', validFrom: SINCE, unconfirmed: true, notes: 'Kết thúc hoạt động cấp huyện từ ngày 01/7/2025 (NQ 203/2025/QH15).' },
    { key: 'd_tien_yen_hcc', name: 'Trung tâm Hành chính công huyện Tiên Yên', kind: 'service_center', parent: 'd_tien_yen', validFrom: SINCE, unconfirmed: true },
  ];
  districtOffices.forEach((name, i) => list.push({ key: `d_office_${i}`, name, kind: 'specialised_office', parent: 'd_tien_yen', validFrom: SINCE, unconfirmed: true }));
  for (const [key, name, kind] of oldCommunes) {
    list.push({ key, name, kind, parent: 'd_tien_yen', validFrom: SINCE, unconfirmed: true });
    villages[key].forEach((v, i) =>
      list.push({ key: `${key}_v${i}`, name: v, kind: kind === 'township' ? 'residential_group' : 'village', parent: key, validFrom: SINCE, unconfirmed: true }),
    );
  }
  return list;
}

/**
 * The units the 2025 commune merger creates (the re-organisation plan declares them; the former villages are
 * carried under the new communes by the plan itself). Keys are the plan's `#refs` without the `#`.
 */
export function demoNewUnits(): DemoUnit[] {
  const list: DemoUnit[] = [];
  for (const [key, name] of newCommunes) {
    const formedFrom = MERGERS[key].map((k) => oldCommunes.find(([ok]) => ok === k)![1]).join(', ');
    list.push({ key, name, kind: 'commune', parent: 'p_qn', validFrom: COMMUNE_START, unconfirmed: true, notes: `Thành lập từ ngày 01/7/2025 trên cơ sở: ${formedFrom} (phương án sắp xếp chưa xác minh với nghị quyết).` });
    list.push({ key: `${key}_ttpvhcc`, name: `Trung tâm Phục vụ hành chính công ${name.replace(/^Xã/, 'xã')}`, kind: 'service_center', parent: key, validFrom: COMMUNE_START, unconfirmed: true });
    list.push({ key: `${key}_vp`, name: 'Văn phòng HĐND và UBND', kind: 'specialised_office', parent: key, validFrom: COMMUNE_START });
    list.push({ key: `${key}_kt`, name: 'Phòng Kinh tế', kind: 'specialised_office', parent: key, validFrom: COMMUNE_START });
    list.push({ key: `${key}_vhxh`, name: 'Phòng Văn hóa - Xã hội', kind: 'specialised_office', parent: key, validFrom: COMMUNE_START });
  }
  return list;
}

/** Where a demo account worked before 1 July 2025: the former commune its new commune is named after. */
export const preReformUnitOf = (unitKey: string | null) => (unitKey && MERGERS[unitKey] ? MERGERS[unitKey][0] : unitKey);

/** Demo password of every demo account (printed at start; change it on a real installation). */
export const DEMO_PASSWORD = 'motcua2026';

export interface DemoAccount {
  username: string;
  fullName: string;
  role: string;
  unit: string | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', unit: null },
  { username: 'quantri.tienyen', fullName: 'Hoàng Văn Quản', role: 'admin', unit: 'n_tien_yen' },
  { username: 'motcua', fullName: 'Nguyễn Thị Hoa', role: 'counter_officer', unit: 'n_tien_yen' },
  { username: 'chuyenvien', fullName: 'Trần Văn Bình', role: 'specialist', unit: 'n_tien_yen' },
  { username: 'lanhdao', fullName: 'Lê Minh Đức', role: 'unit_leader', unit: 'n_tien_yen' },
  { username: 'cchc', fullName: 'Phạm Thị Lan', role: 'reform_officer', unit: 'n_tien_yen' },
  { username: 'thanhtra', fullName: 'Vũ Quang Huy', role: 'inspector', unit: 'p_qn' },
  { username: 'motcua.hailang', fullName: 'Đặng Thu Hà', role: 'counter_officer', unit: 'n_hai_lang' },
  { username: 'congdan', fullName: 'Nguyễn Văn An', role: 'citizen', unit: null },
];
