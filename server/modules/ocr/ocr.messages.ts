/** What the OCR module's refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../../platform/errors.ts';

export const OCR_REFUSALS = {
  receiveRightNeeded: {
    vi: 'Chỉ cán bộ được giao tiếp nhận hồ sơ tại một đơn vị mới được đọc bản quét',
    en: 'reading a scan needs the right to receive dossiers (dossiers.receive) at a unit',
    fr: 'la lecture d’un scan demande le droit de recevoir des dossiers (dossiers.receive) dans une unité',
  },
  pdfUnavailable: {
    vi: 'Máy chủ không chạy được {program} (gói poppler-utils) nên chưa đọc được bản quét PDF; hãy dùng ảnh JPEG, PNG hoặc nhập tay',
    en: '{program} could not be run: install poppler-utils to read PDF scans, or send a JPEG or PNG image',
    fr: '{program} n’a pas pu être lancé : installez poppler-utils pour lire les scans PDF, ou envoyez une image JPEG ou PNG',
  },
  pdfWithoutPage: {
    vi: 'Không lấy được trang nào từ tệp PDF (tệp hỏng hoặc có mật khẩu); hãy quét lại hoặc lưu lại tệp',
    en: 'no page could be rendered from the PDF (damaged or password-protected); scan it again or save it anew',
    fr: 'aucune page du PDF n’a pu être rendue (fichier endommagé ou protégé par mot de passe) ; numérisez-le à nouveau ou réenregistrez-le',
  },
  textUnreadable: {
    vi: 'Không nhận dạng được chữ trên bản quét; hãy quét lại rõ hơn hoặc chọn tệp khác',
    en: 'tesseract could not read the file; scan it again more clearly or choose another file',
    fr: 'tesseract n’a pas pu lire le fichier ; numérisez-le plus nettement ou choisissez un autre fichier',
  },
} as const satisfies Record<string, LocalizedText>;
