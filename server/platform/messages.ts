import { fillParams, type ErrorCode } from './errors.ts';

export type Lang = 'vi' | 'en' | 'fr';
export const LANGS: Lang[] = ['vi', 'en', 'fr'];

/** Title of each error code in the three interface languages. Vietnamese is the reference text. */
export const ERROR_TITLES: Record<ErrorCode, Record<Lang, string>> = {
  VALIDATION_FAILED: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data', fr: 'Données invalides' },
  MALFORMED_BODY: { vi: 'Nội dung yêu cầu không đọc được (JSON sai cú pháp)', en: 'The request body could not be read (malformed JSON)', fr: 'Le corps de la requête est illisible (JSON mal formé)' },
  UNAUTHENTICATED: { vi: 'Bạn cần đăng nhập', en: 'You need to sign in', fr: 'Vous devez vous connecter' },
  BAD_CREDENTIALS: { vi: 'Tên đăng nhập hoặc mật khẩu không đúng', en: 'Wrong username or password', fr: 'Identifiant ou mot de passe incorrect' },
  ACCOUNT_LOCKED: { vi: 'Tài khoản tạm khoá do đăng nhập sai nhiều lần; thử lại sau {minutes} phút', en: 'Account locked after repeated failed sign-ins; try again in {minutes} minutes', fr: 'Compte verrouillé après plusieurs échecs ; réessayez dans {minutes} minutes' },
  ACCOUNT_DISABLED: { vi: 'Tài khoản đã bị vô hiệu hoá', en: 'This account is disabled', fr: 'Ce compte est désactivé' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this', fr: "Vous n'êtes pas autorisé à faire cela" },
  NOT_FOUND: { vi: 'Không tìm thấy', en: 'Not found', fr: 'Introuvable' },
  CONFLICT: { vi: 'Dữ liệu đã thay đổi hoặc bị trùng; hãy tải lại và thử lại', en: 'The data changed or is a duplicate; reload and try again', fr: 'Les données ont changé ou sont en double ; rechargez et réessayez' },
  IDEMPOTENCY_MISMATCH: { vi: 'Khoá Idempotency-Key đã được dùng cho một yêu cầu khác', en: 'This Idempotency-Key was used for a different request', fr: 'Cette Idempotency-Key a servi à une autre requête' },
  RULE_VIOLATED: { vi: 'Thao tác trái quy định', en: 'This breaks a rule', fr: 'Cette opération enfreint une règle' },
  DEADLINE_RULE: { vi: 'Thông tin lịch làm việc hoặc thời hạn không hợp lệ', en: 'Invalid calendar or deadline input', fr: 'Calendrier ou délai invalide' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn (tối đa {limit} byte)', en: 'Request too large (at most {limit} bytes)', fr: 'Requête trop volumineuse (au plus {limit} octets)' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Định dạng không được hỗ trợ', en: 'Unsupported media type', fr: 'Type de contenu non pris en charge' },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu; vui lòng thử lại sau', en: 'Too many requests; try again later', fr: 'Trop de requêtes ; réessayez plus tard' },
  SIGN_IN_REFUSED: { vi: 'Đăng nhập bằng định danh điện tử không thành công; vui lòng đăng nhập lại', en: 'The electronic-identity sign-in was refused; please sign in again', fr: "La connexion par identité électronique a été refusée ; veuillez vous reconnecter" },
  OCR_UNAVAILABLE: { vi: 'Chức năng đọc bản quét chưa sẵn sàng trên máy chủ (chưa cài tesseract-ocr, tesseract-ocr-vie); vui lòng nhập tay', en: 'Reading scans is not available on this server (tesseract-ocr and tesseract-ocr-vie are not installed); please type the details', fr: 'La lecture des scans n’est pas disponible sur ce serveur (tesseract-ocr et tesseract-ocr-vie ne sont pas installés) ; saisissez les informations' },
  OCR_BUSY: { vi: 'Máy chủ đang đọc nhiều bản quét; vui lòng thử lại sau ít giây', en: 'The server is reading many scans; please try again in a few seconds', fr: 'Le serveur lit de nombreux scans ; réessayez dans quelques secondes' },
  OCR_TIMEOUT: { vi: 'Đọc bản quét quá thời gian cho phép; thử lại với bản quét rõ hơn hoặc ít trang hơn', en: 'Reading the scan took too long; try again with a clearer scan or fewer pages', fr: 'La lecture du scan a pris trop de temps ; réessayez avec un scan plus net ou moins de pages' },
  OCR_UNREADABLE: { vi: 'Không đọc được tệp này (tệp hỏng hoặc không có trang nào)', en: 'This file could not be read (damaged, or without any page)', fr: 'Ce fichier n’a pas pu être lu (endommagé ou sans page)' },
  INTERNAL: { vi: 'Lỗi hệ thống; vui lòng thử lại hoặc báo mã yêu cầu cho quản trị viên', en: 'Internal error; try again or give the request id to your administrator', fr: "Erreur interne ; réessayez ou communiquez l'identifiant de requête à l'administrateur" },
};

/** Picks the first supported language of an Accept-Language header; Vietnamese by default. */
export function pickLang(header: string | undefined): Lang {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) if ((LANGS as string[]).includes(tag)) return tag as Lang;
  return 'vi';
}

/** Replaces `{name}` placeholders. */
export const fill = fillParams;
