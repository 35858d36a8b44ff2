/**
 * What the procedures module's refusals say (the problem's `detail`), in the three interface languages: the
 * catalogue (codes, versions, effective dates), the yearly review and the simplification rules of a proposal.
 * Dates are passed as `{date}` in dd/mm/yyyy (`displayDate`).
 */
import type { LocalizedText } from '../../platform/errors.ts';

export const PROCEDURE_REFUSALS = {
  // The catalogue
  codeTaken: { vi: 'Mã thủ tục {code} đã có trong danh mục của đơn vị', en: 'code {code} is taken in this catalogue', fr: 'le code {code} est déjà utilisé dans ce catalogue' },
  staleProcedure: {
    vi: 'Thủ tục {code} vừa được người khác cập nhật (phiên bản {current}, bạn đang xem phiên bản {sent}); vui lòng tải lại',
    en: 'procedure {code} is at version {current}, not {sent}',
    fr: 'la procédure {code} est à la version {current}, pas {sent} ; rechargez',
  },
  procedureChanged: { vi: 'Thủ tục {code} vừa được người khác cập nhật; vui lòng tải lại', en: 'procedure {code} changed meanwhile', fr: 'la procédure {code} a été modifiée entre-temps ; rechargez' },
  beforeProcedureExisted: {
    vi: 'Thay đổi không thể có hiệu lực từ ngày {date} vì khi đó thủ tục chưa được công bố',
    en: 'the change would take effect on {date}, before the procedure existed',
    fr: 'la modification prendrait effet le {date}, avant l’existence de la procédure',
  },

  // The yearly review
  reviewPlanExists: { vi: 'Đơn vị đã có kế hoạch rà soát thủ tục hành chính năm {year}', en: 'the unit has a review plan for {year} already', fr: 'l’unité a déjà un plan de révision pour {year}' },
  staleReviewPlan: {
    vi: 'Kế hoạch rà soát vừa được người khác cập nhật (phiên bản {current}, bạn đang xem phiên bản {sent}); vui lòng tải lại',
    en: 'the review plan is at version {current}, not {sent}',
    fr: 'le plan de révision est à la version {current}, pas {sent} ; rechargez',
  },
  reviewPlanClosed: { vi: 'Kế hoạch rà soát đã đóng, không nhận thêm đề xuất', en: 'the review plan is closed', fr: 'le plan de révision est clos' },
  procedureHasProposals: {
    vi: 'Không thể đưa thủ tục đã có đề xuất ra khỏi kế hoạch rà soát',
    en: 'a procedure with proposals cannot leave the plan',
    fr: 'une procédure qui a des propositions ne peut pas quitter le plan',
  },
  notYetOnEffectiveDate: {
    vi: 'Đến ngày có hiệu lực {date}, thủ tục vẫn chưa được công bố',
    en: 'the procedure does not exist yet on the effective date ({date})',
    fr: 'la procédure n’existe pas encore à la date d’effet ({date})',
  },
  staleProposal: {
    vi: 'Đề xuất vừa được người khác cập nhật (phiên bản {current}, bạn đang xem phiên bản {sent}); vui lòng tải lại',
    en: 'the proposal is at version {current}, not {sent}',
    fr: 'la proposition est à la version {current}, pas {sent} ; rechargez',
  },
  proposalChanged: { vi: 'Đề xuất vừa được người khác cập nhật; vui lòng tải lại', en: 'the proposal changed meanwhile', fr: 'la proposition a été modifiée entre-temps ; rechargez' },
  effectiveDatePassed: {
    vi: 'Ngày có hiệu lực {date} đã qua; vui lòng phê duyệt với ngày có hiệu lực mới',
    en: 'the effective date ({date}) has passed; approve with a new effectiveDate',
    fr: 'la date d’effet ({date}) est passée ; approuvez avec une nouvelle date d’effet',
  },

  // What a proposal must be: a simplification
  longerTime: {
    vi: 'Thời hạn giải quyết đề xuất không được dài hơn thời hạn hiện hành',
    en: 'the proposed processing time is longer than the current one',
    fr: 'le délai de traitement proposé est plus long que le délai actuel',
  },
  longerOnlineTime: {
    vi: 'Thời hạn giải quyết trực tuyến đề xuất không được dài hơn thời hạn hiện hành',
    en: 'the proposed online processing time is longer than the current one',
    fr: 'le délai de traitement en ligne proposé est plus long que le délai actuel',
  },
  higherFee: { vi: 'Mức phí, lệ phí đề xuất không được cao hơn mức hiện hành', en: 'the proposed fee is higher than the current one', fr: 'le montant proposé est plus élevé que le montant actuel' },
  alreadyOnline: {
    vi: 'Thủ tục đã ở mức dịch vụ công trực tuyến này hoặc cao hơn',
    en: 'the procedure is already at that online level or higher',
    fr: 'la procédure est déjà à ce niveau de service en ligne ou au-delà',
  },
  mergeIntoItself: { vi: 'Không thể hợp nhất thủ tục vào chính nó', en: 'a procedure cannot be merged into itself', fr: 'une procédure ne peut pas être fusionnée avec elle-même' },
  alreadyAbolished: { vi: 'Thủ tục đã bị bãi bỏ', en: 'the procedure is already abolished', fr: 'la procédure est déjà abrogée' },
} as const satisfies Record<string, LocalizedText>;

/** Why a proposal can no longer be edited or decided, by its status (`PROPOSAL_STATUSES`). */
export const PROPOSAL_CLOSED = {
  approved: { vi: 'Đề xuất đã được phê duyệt, không thể sửa hoặc quyết định lại', en: 'the proposal is approved already', fr: 'la proposition est déjà approuvée' },
  rejected: { vi: 'Đề xuất đã có quyết định không phê duyệt, không thể sửa hoặc quyết định lại', en: 'the proposal is rejected already', fr: 'la proposition est déjà rejetée' },
  withdrawn: { vi: 'Đề xuất đã được rút lại, không thể sửa hoặc quyết định', en: 'the proposal is withdrawn already', fr: 'la proposition est déjà retirée' },
  other: { vi: 'Đề xuất đã được xử lý, không thể sửa hoặc quyết định lại', en: 'the proposal is no longer open', fr: 'la proposition n’est plus ouverte' },
} as const satisfies Record<string, LocalizedText>;

/** The sentence for a proposal that is no longer `proposed`. */
export const proposalClosed = (status: string): LocalizedText => (PROPOSAL_CLOSED as Record<string, LocalizedText>)[status] ?? PROPOSAL_CLOSED.other;
