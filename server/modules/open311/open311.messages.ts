/** What the Open311 module's refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../../platform/errors.ts';

export const OPEN311_REFUSALS = {
  keyForEveryUnit: {
    vi: 'Chỉ tài khoản được giao quyền trên toàn hệ thống mới cấp được khóa API dùng cho mọi đơn vị; hãy chọn một đơn vị',
    en: 'a key for every jurisdiction needs an installation-wide grant; choose a unit',
    fr: 'une clé valable pour toutes les juridictions demande un droit sur toute l’installation ; choisissez une unité',
  },
} as const satisfies Record<string, LocalizedText>;
