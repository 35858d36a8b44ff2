/** What the audit module's refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../../platform/errors.ts';

export const AUDIT_REFUSALS = {
  verifyNeedsGlobalRights: { vi: 'Chỉ người có quyền xem nhật ký trên toàn hệ thống mới kiểm tra được chuỗi băm', en: 'verifying the whole chain needs installation-wide audit rights', fr: 'vérifier toute la chaîne exige le droit de consulter le journal pour toute l’installation' },
} as const satisfies Record<string, LocalizedText>;
