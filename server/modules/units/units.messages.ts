/** What the units module's refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../../platform/errors.ts';
import { UNIT_KINDS, type UnitKind } from './units.kinds.ts';

export const UNIT_REFUSALS = {
  /** `{kind}` and `{parentKind}` are filled per language from the kind labels (`kindLabel`). */
  needsParent: { vi: 'Đơn vị loại “{kind}” phải trực thuộc một đơn vị cấp trên', en: 'a unit of kind “{kind}” needs a parent unit', fr: 'une unité de type « {kind} » doit relever d’une unité parente' },
  cannotSitUnder: { vi: 'Đơn vị loại “{kind}” không thể trực thuộc đơn vị loại “{parentKind}”', en: 'a unit of kind “{kind}” cannot sit under a unit of kind “{parentKind}”', fr: 'une unité de type « {kind} » ne peut relever d’une unité de type « {parentKind} »' },
  outlivesParent: { vi: 'Thời gian hiệu lực của đơn vị phải nằm trong thời gian hiệu lực của đơn vị cấp trên ({parent})', en: 'the unit must be valid only while its parent ({parent}) is valid', fr: 'l’unité ne peut être valide qu’au cours de la validité de son unité parente ({parent})' },
  rootByGlobalAdmin: { vi: 'Chỉ quản trị viên toàn hệ thống mới tạo được đơn vị cấp cao nhất', en: 'only a global administrator creates root units', fr: 'seul un administrateur global crée des unités racines' },
  staleVersion: { vi: 'Đơn vị {name} vừa được người khác cập nhật (phiên bản {current}, bạn đang xem {sent}); hãy tải lại', en: 'unit {name} is at version {current}, not {sent}', fr: 'l’unité {name} est à la version {current}, pas {sent} ; rechargez' },
  cannotSucceedItself: { vi: 'Một đơn vị không thể kế thừa chính nó', en: 'a unit cannot succeed itself', fr: 'une unité ne peut se succéder à elle-même' },
  lineageExists: { vi: 'Quan hệ kế thừa này đã được ghi nhận: {successor} kế thừa {predecessor}', en: 'this lineage link exists already ({successor} succeeds {predecessor})', fr: 'ce lien de filiation existe déjà ({successor} succède à {predecessor})' },
} as const satisfies Record<string, LocalizedText>;

/** A unit kind's label in each language ("Xã", "Commune"), for `fillEach`. */
export function kindLabel(kind: UnitKind | string): LocalizedText {
  const k = UNIT_KINDS[kind as UnitKind];
  return k ? { vi: k.vi, en: k.en, fr: k.fr } : { vi: kind, en: kind, fr: kind };
}
