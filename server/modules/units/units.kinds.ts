/**
 * Kinds of unit. Administrative units form the territorial tree; agencies hang under the People's Committee
 * of their level (represented by the territorial unit itself).
 */
export const UNIT_KINDS = {
  province: { vi: 'Tỉnh, thành phố trực thuộc TW', en: 'Province', fr: 'Province', territorial: true },
  district: { vi: 'Huyện, quận, thị xã, thành phố thuộc tỉnh (đến 30/6/2025)', en: 'District (until 30 June 2025)', fr: "District (jusqu'au 30 juin 2025)", territorial: true },
  commune: { vi: 'Xã', en: 'Commune', fr: 'Commune', territorial: true },
  ward: { vi: 'Phường', en: 'Ward', fr: 'Quartier urbain', territorial: true },
  township: { vi: 'Thị trấn (đến 30/6/2025)', en: 'Township (until 30 June 2025)', fr: "Bourg (jusqu'au 30 juin 2025)", territorial: true },
  special_zone: { vi: 'Đặc khu', en: 'Special zone', fr: 'Zone spéciale', territorial: true },
  village: { vi: 'Thôn, bản', en: 'Village', fr: 'Village', territorial: true },
  residential_group: { vi: 'Khu phố, tổ dân phố', en: 'Residential group', fr: "Groupe d'habitation", territorial: true },
  department: { vi: 'Sở, ban, ngành', en: 'Provincial department', fr: 'Service provincial', territorial: false },
  specialised_office: { vi: 'Phòng chuyên môn', en: 'Specialised office', fr: 'Bureau spécialisé', territorial: false },
  public_service_unit: { vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit', fr: 'Établissement public', territorial: false },
  service_center: { vi: 'Trung tâm Phục vụ hành chính công / Bộ phận Một cửa', en: 'Public Administration Service Center', fr: 'Centre de services administratifs publics', territorial: false },
  service_center_branch: { vi: 'Chi nhánh Trung tâm Phục vụ hành chính công', en: 'Service Center branch', fr: 'Antenne du centre de services', territorial: false },
} as const;

export type UnitKind = keyof typeof UNIT_KINDS;
export const UNIT_KIND_VALUES = Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]];

/** Which kinds may sit directly under which (null = a root). Kept loose where practice varies. */
export const ALLOWED_PARENTS: Record<UnitKind, Array<UnitKind | null>> = {
  province: [null],
  district: ['province'],
  commune: ['district', 'province'],
  ward: ['district', 'province'],
  township: ['district'],
  special_zone: ['province'],
  village: ['commune', 'township', 'special_zone'],
  residential_group: ['ward', 'township', 'commune', 'special_zone'],
  department: ['province'],
  specialised_office: ['district', 'commune', 'ward', 'special_zone', 'province'],
  public_service_unit: ['province', 'district', 'commune', 'ward', 'special_zone', 'department'],
  service_center: ['province', 'district', 'commune', 'ward', 'special_zone'],
  service_center_branch: ['service_center'],
};

export const LINEAGE_KINDS = ['merge', 'split', 'rename', 'move', 'abolish', 'absorb', 'reclassify'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];
