/** What the portal module's refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../../platform/errors.ts';

export const PORTAL_REFUSALS = {
  anotherPersonsApplication: {
    vi: 'Hồ sơ này là của người khác, bạn không xem hoặc thao tác được',
    en: 'this application is another person’s',
    fr: 'cette demande est celle d’une autre personne',
  },
  staleApplication: {
    vi: 'Hồ sơ đã được cập nhật ở nơi khác (phiên bản hiện tại {current}, không phải {sent}); vui lòng tải lại trang',
    en: 'application is at version {current}, not {sent}',
    fr: 'la demande est à la version {current}, et non {sent} ; rechargez la page',
  },
  applicationChangedMeanwhile: {
    vi: 'Hồ sơ vừa được cập nhật ở nơi khác; vui lòng tải lại trang',
    en: 'application changed meanwhile',
    fr: 'la demande a été modifiée entre-temps ; rechargez la page',
  },
  notFiledOnline: {
    vi: 'Thủ tục này hiện không tiếp nhận hồ sơ trực tuyến',
    en: 'this procedure cannot be filed online',
    fr: 'cette démarche ne peut pas être déposée en ligne',
  },
  filesOnlyDraftOrSupplement: {
    vi: 'Chỉ tải tệp lên hồ sơ đang soạn hoặc hồ sơ đang chờ bổ sung',
    en: 'files are added to a draft, or to a dossier waiting for a supplement',
    fr: 'les fichiers s’ajoutent à un brouillon, ou à un dossier en attente de complément',
  },
  reuseOnlyDraft: {
    vi: 'Chỉ dùng lại giấy tờ đã số hóa cho hồ sơ đang soạn',
    en: 'earlier files are reused in a draft only',
    fr: 'les fichiers déjà numérisés ne se réutilisent que dans un brouillon',
  },
  onlyDraftSubmitted: {
    vi: 'Chỉ nộp được hồ sơ đang soạn; hồ sơ này đã được nộp hoặc đã kết thúc',
    en: 'only a draft is submitted',
    fr: 'seul un brouillon peut être déposé',
  },
  applicationClosed: {
    vi: 'Hồ sơ này đã kết thúc (không được tiếp nhận hoặc đã rút), không rút được nữa',
    en: 'this application is closed',
    fr: 'cette demande est close (non reçue ou retirée)',
  },
  noSupplementAwaited: {
    vi: 'Hồ sơ này không có yêu cầu bổ sung nào đang chờ',
    en: 'no supplement is awaited',
    fr: 'aucun complément n’est attendu pour ce dossier',
  },
  onlySubmittedAccepted: {
    vi: 'Chỉ tiếp nhận được hồ sơ đã nộp và đang chờ kiểm tra',
    en: 'only a submitted application is accepted',
    fr: 'seule une demande déposée, en attente de vérification, peut être reçue',
  },
  onlySubmittedRefused: {
    vi: 'Chỉ từ chối được hồ sơ đã nộp và đang chờ kiểm tra',
    en: 'only a submitted application is refused',
    fr: 'seule une demande déposée, en attente de vérification, peut être refusée',
  },
  noFee: {
    vi: 'Thủ tục này không thu phí, lệ phí',
    en: 'this procedure has no fee',
    fr: 'cette démarche n’a pas de frais',
  },
  feeAlreadyReceived: {
    vi: 'Phí, lệ phí của hồ sơ này đã được ghi nhận là đã thu',
    en: 'the fee is already recorded as received',
    fr: 'les frais sont déjà enregistrés comme reçus',
  },
  feeOnlyOpenApplication: {
    vi: 'Chỉ ghi nhận thu phí cho hồ sơ đã nộp hoặc đã tiếp nhận',
    en: 'the fee is recorded for a submitted or accepted application only',
    fr: 'les frais ne s’enregistrent que pour une demande déposée ou reçue',
  },
  rolesOutsideYourUnits: {
    vi: 'Tài khoản này có vai trò tại đơn vị ngoài phạm vi quản lý của bạn',
    en: 'the account has roles outside your units',
    fr: 'ce compte a des rôles hors de vos unités',
  },
  idNumberTaken: {
    vi: 'Số định danh cá nhân này đã gắn với một tài khoản khác',
    en: 'this ID number is linked to another account',
    fr: 'ce numéro d’identité est déjà lié à un autre compte',
  },
  stalePaymentAccount: {
    vi: 'Tài khoản nhận phí đã được cập nhật ở nơi khác (phiên bản hiện tại {current}, không phải {sent}); vui lòng tải lại trang',
    en: 'payment account is at version {current}, not {sent}',
    fr: 'le compte d’encaissement est à la version {current}, et non {sent} ; rechargez la page',
  },
} as const satisfies Record<string, LocalizedText>;
