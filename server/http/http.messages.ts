/** What the HTTP edge's own refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../platform/errors.ts';

export const HTTP_REFUSALS = {
  duplicateValue: { vi: 'Giá trị này đã có trong hệ thống (trùng {constraint})', en: 'duplicate value ({constraint})', fr: 'valeur en double ({constraint})' },
  idempotencyInProgress: { vi: 'Yêu cầu với khoá Idempotency-Key này vẫn đang được xử lý; hãy thử lại sau ít giây', en: 'a request with this Idempotency-Key is still being processed', fr: 'une requête avec cette Idempotency-Key est encore en cours ; réessayez dans quelques secondes' },
  permissionRequired: { vi: 'Thao tác này cần quyền {permission}', en: 'requires {permission}', fr: 'cette opération exige le droit {permission}' },
} as const satisfies Record<string, LocalizedText>;
