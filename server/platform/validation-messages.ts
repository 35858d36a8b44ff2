import type { Lang } from './messages.ts';

/**
 * Vietnamese and French wording of the custom messages our zod schemas carry (written in English in
 * `contracts/`). The error mapper looks a message up here; one not listed is shown as written.
 */
export const CUSTOM_MESSAGES: Record<string, Record<Exclude<Lang, 'en'>, string>> = {
  'expected YYYY-MM-DD': { vi: 'Ngày phải có dạng YYYY-MM-DD', fr: 'Date attendue au format AAAA-MM-JJ' },
  'not a real date': { vi: 'Ngày không tồn tại', fr: "Cette date n'existe pas" },
  'expected MM-DD': { vi: 'Phải có dạng MM-DD (tháng-ngày)', fr: 'Format attendu MM-JJ' },
  'expected HH:MM': { vi: 'Giờ phải có dạng HH:MM', fr: 'Heure attendue au format HH:MM' },
  'must contain a letter and a digit': { vi: 'Mật khẩu phải có cả chữ và số', fr: 'Doit contenir une lettre et un chiffre' },
  'letters a-z, digits, dot, dash, underscore': { vi: 'Chỉ gồm chữ a-z, số, dấu chấm, gạch ngang, gạch dưới', fr: 'Lettres a-z, chiffres, point, tiret, tiret bas uniquement' },
  'phone number': { vi: 'Số điện thoại không hợp lệ', fr: 'Numéro de téléphone invalide' },
  'expected a Vietnamese phone number, e.g. 0912345678': { vi: 'Số điện thoại Việt Nam không hợp lệ, ví dụ 0912345678', fr: 'Numéro vietnamien attendu, par ex. 0912345678' },
  '2 to 5 digits': { vi: 'Gồm 2 đến 5 chữ số', fr: 'De 2 à 5 chiffres' },
  'letters, digits, dots and dashes only': { vi: 'Chỉ gồm chữ, số, dấu chấm và gạch ngang', fr: 'Lettres, chiffres, points et tirets uniquement' },
  'letters, digits, dots, dashes, underscores': { vi: 'Chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới', fr: 'Lettres, chiffres, points, tirets et tirets bas uniquement' },
  'lower-case letters, digits and dashes': { vi: 'Chỉ gồm chữ thường, số và gạch ngang', fr: 'Minuscules, chiffres et tirets uniquement' },
  'lower-case code': { vi: 'Mã phải viết thường', fr: 'Code en minuscules' },
  'must be positive': { vi: 'Phải là số dương', fr: 'Doit être positif' },
  'in halves of a day': { vi: 'Tính theo từng nửa ngày (0,5)', fr: 'Par demi-journées' },
  'at most 2 decimals': { vi: 'Tối đa 2 chữ số thập phân', fr: 'Au plus 2 décimales' },
  'expected d.dddddd, e.g. 1.001193': { vi: 'Mã thủ tục có dạng d.dddddd, ví dụ 1.001193', fr: 'Format attendu d.dddddd, par ex. 1.001193' },
  'the shares of the steps must add up to 100': { vi: 'Tổng tỷ lệ thời gian các bước phải bằng 100', fr: 'La somme des parts des étapes doit faire 100' },
  'two documents have the same name': { vi: 'Có hai giấy tờ trùng tên', fr: 'Deux documents portent le même nom' },
  'two fees have the same name': { vi: 'Có hai khoản phí trùng tên', fr: 'Deux frais portent le même nom' },
  'a unit is listed twice': { vi: 'Một đơn vị bị liệt kê hai lần', fr: 'Une unité figure deux fois' },
  'band thresholds must differ': { vi: 'Các ngưỡng xếp loại phải khác nhau', fr: 'Les seuils des classes doivent différer' },
  'band codes must differ': { vi: 'Các mã xếp loại phải khác nhau', fr: 'Les codes des classes doivent différer' },
};

/** Friendlier wording than zod's for the commonest string checks, in every language. */
export function stringLengthMessage(issue: { code: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint }, lang: Lang): string | undefined {
  if (issue.origin !== 'string') return undefined;
  if (issue.code === 'too_small') {
    const n = Number(issue.minimum);
    if (n <= 1) return { vi: 'Không được để trống', en: 'Required', fr: 'Obligatoire' }[lang];
    return { vi: `Cần ít nhất ${n} ký tự`, en: `At least ${n} characters`, fr: `Au moins ${n} caractères` }[lang];
  }
  if (issue.code === 'too_big') {
    const n = Number(issue.maximum);
    return { vi: `Tối đa ${n} ký tự`, en: `At most ${n} characters`, fr: `Au plus ${n} caractères` }[lang];
  }
  return undefined;
}
