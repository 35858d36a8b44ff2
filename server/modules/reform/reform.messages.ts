/**
 * What the reform programme's refusals say (the problem's `detail`), in the three interface languages, for every
 * sub-area (PAR index, steering, inspections, initiatives, training, discipline) and the helpers of shared.ts.
 * A value that differs by language (a record's name, a right, a figure's label, a list of sums) is filled in each
 * language by `fillEach`; the other `{name}` placeholders come from the error's params.
 */
import { fillEach, joinEach, type LocalizedText } from '../../platform/errors.ts';
import { PERMISSION_ACTIONS } from '../accounts/accounts.messages.ts';
import type { Permission } from '../accounts/permissions.ts';

export const REFORM_REFUSALS = {
  // shared.ts
  staleVersion: {
    vi: '{what} vừa được người khác cập nhật (phiên bản {current}, bạn đang xem phiên bản {sent}); vui lòng tải lại',
    en: '{what} is at version {current}, not {sent}',
    fr: '{what} est à la version {current}, pas {sent} ; rechargez',
  },
  /** `{rights}`: the rights asked for, from the accounts module's PERMISSION_ACTIONS, joined with "or". */
  noRightOnUnits: {
    vi: 'Bạn không có quyền {rights} đối với các đơn vị liên quan',
    en: 'you are not granted the right {rights} on the units concerned',
    fr: 'vous n’avez pas le droit {rights} pour les unités concernées',
  },

  // PAR index: frameworks and criteria
  frameworkExists: { vi: 'Đã có bộ chỉ số năm {year} cho cấp này ({level})', en: 'a framework for {year} exists already ({level})', fr: 'un référentiel pour {year} existe déjà ({level})' },
  criterionExists: { vi: 'Mã tiêu chí {code} đã có trong bộ chỉ số', en: 'criterion {code} exists already', fr: 'le critère {code} existe déjà' },
  maxOfIssuedFramework: { vi: 'Không được thay đổi tổng điểm tối đa của bộ chỉ số đã ban hành', en: 'the maximum of an issued framework cannot change', fr: 'le maximum d’un référentiel publié ne peut pas changer' },
  treeInconsistent: { vi: 'Bộ chỉ số chưa khớp điểm: {problems}', en: 'the criteria tree is inconsistent: {problems}', fr: 'l’arborescence des critères est incohérente : {problems}' },
  childrenSum: {
    vi: 'tổng điểm các mục con của {code} là {actual}, không bằng {expected}',
    en: '{code} add up to {actual}, not {expected}',
    fr: 'les sous-éléments de {code} totalisent {actual}, et non {expected}',
  },
  areasSum: { vi: 'tổng điểm các lĩnh vực là {actual}, không bằng điểm tối đa {expected}', en: 'areas add up to {actual}, not {expected}', fr: 'les domaines totalisent {actual}, et non {expected}' },
  assessedFramework: {
    vi: 'Đã có địa phương đánh giá theo bộ chỉ số này nên không thể trả về dự thảo',
    en: 'localities are assessed under this framework: it cannot return to draft',
    fr: 'des localités sont évaluées selon ce référentiel : il ne peut pas redevenir un brouillon',
  },
  criteriaOnDraft: { vi: 'Chỉ sửa cây tiêu chí khi bộ chỉ số còn là dự thảo', en: 'criteria are edited while the framework is a draft', fr: 'les critères se modifient tant que le référentiel est un brouillon' },
  pointsOnDraft: {
    vi: 'Chỉ thay đổi điểm tối đa và phương pháp chấm khi bộ chỉ số còn là dự thảo',
    en: 'points and method change only while the framework is a draft',
    fr: 'les points et la méthode ne changent que tant que le référentiel est un brouillon',
  },

  // PAR index: assessments
  frameworkNotIssued: { vi: 'Chỉ mở đánh giá khi bộ chỉ số đã được ban hành', en: 'assessments open once the framework is issued', fr: 'les évaluations s’ouvrent une fois le référentiel publié' },
  unitOutsideProvince: { vi: 'Đơn vị không thuộc tỉnh ban hành bộ chỉ số', en: 'the unit does not belong to the framework’s province', fr: 'l’unité n’appartient pas à la province du référentiel' },
  assessedAlready: { vi: 'Địa phương này đã có kết quả đánh giá theo bộ chỉ số này', en: 'this locality is assessed under this framework already', fr: 'cette localité est déjà évaluée selon ce référentiel' },
  cannotReadAssessment: { vi: 'Bạn không có quyền xem kết quả đánh giá của địa phương này', en: 'reform.read not granted on this locality', fr: 'vous n’avez pas le droit de consulter l’évaluation de cette localité' },
  leafOnly: {
    vi: 'Chỉ chấm điểm tiêu chí không có tiêu chí thành phần; điểm của mục cha được cộng từ các mục con',
    en: 'only criteria without sub-criteria are scored; their parents add up',
    fr: 'seuls les critères sans sous-critères sont notés ; leurs parents en font la somme',
  },
  recordedResult: {
    vi: 'Đây là kết quả đã công bố được ghi nhận trực tiếp, không có phần tự đánh giá',
    en: 'a recorded result has no self-assessment',
    fr: 'un résultat enregistré n’a pas d’auto-évaluation',
  },
  surveyScoredByProvince: {
    vi: 'Tiêu chí điều tra xã hội học do tỉnh chấm theo kết quả điều tra',
    en: 'survey criteria are scored by the province from the survey',
    fr: 'les critères d’enquête sont notés par la province d’après l’enquête',
  },
  selfSubmitted: {
    vi: 'Bản tự đánh giá đã gửi thẩm định; điểm nay do tỉnh thẩm định',
    en: 'the self-assessment was submitted: scores are now appraised by the province',
    fr: 'l’auto-évaluation a été soumise : les notes sont désormais contrôlées par la province',
  },
  resultPublished: { vi: 'Kết quả đã công bố, không thay đổi được', en: 'the result is published', fr: 'le résultat est publié' },
  figureUnavailable: { vi: 'Số liệu «{figure}» chưa có trong motcua', en: 'the figure {figure} is not available yet in motcua', fr: 'le chiffre « {figure} » n’est pas encore disponible dans motcua' },
  onlyDraftSubmitted: { vi: 'Chỉ gửi thẩm định bản tự đánh giá đang thực hiện', en: 'only a self-assessment in progress can be submitted', fr: 'seule une auto-évaluation en cours peut être soumise' },
  surveyNotAppraised: {
    vi: 'Tiêu chí điều tra xã hội học lấy kết quả điều tra, không thẩm định',
    en: 'survey criteria take the survey result, not an appraisal',
    fr: 'les critères d’enquête prennent le résultat de l’enquête, pas un contrôle',
  },
  appraisalWindow: {
    vi: 'Chỉ thẩm định sau khi địa phương đã gửi bản tự đánh giá và trước khi công bố kết quả',
    en: 'appraisal starts once the locality has submitted its self-assessment, and ends at publication',
    fr: 'le contrôle commence une fois l’auto-évaluation soumise et s’arrête à la publication',
  },
  onlySubmittedPublished: {
    vi: 'Chỉ công bố kết quả của bản đánh giá đã gửi thẩm định',
    en: 'only an appraised (submitted) assessment is published',
    fr: 'seule une évaluation soumise (contrôlée) peut être publiée',
  },

  // Steering documents and tasks
  cannotReadDocument: { vi: 'Bạn không có quyền xem văn bản này', en: 'reform.read not granted on this document', fr: 'vous n’avez pas le droit de consulter ce document' },
  documentRegistered: { vi: 'Văn bản số {number} ngày {date} đã được đăng ký', en: 'document {number} of {date} is registered already', fr: 'le document n° {number} du {date} est déjà enregistré' },
  documentDuplicate: { vi: 'Đã có văn bản khác cùng số và ngày ban hành', en: 'another document has this number and date', fr: 'un autre document a ce numéro et cette date' },
  taskDone: { vi: 'Nhiệm vụ đã hoàn thành, không sửa được', en: 'a completed task is not changed', fr: 'une tâche terminée ne se modifie plus' },
  taskClosed: {
    vi: 'Nhiệm vụ đã kết thúc (đã hoàn thành hoặc đã hủy), không báo cáo tiến độ được nữa',
    en: 'the task is closed (done or cancelled)',
    fr: 'la tâche est close (terminée ou annulée)',
  },

  // Inspections
  inspectionPlanExists: { vi: 'Đơn vị đã có kế hoạch kiểm tra năm {year}', en: 'the unit has a {year} inspection plan already', fr: 'l’unité a déjà un plan d’inspection pour {year}' },
  recommendationClosed: { vi: 'Kiến nghị đã được đóng, không báo cáo khắc phục thêm được', en: 'the recommendation is closed', fr: 'la recommandation est close' },
  recommendationClosedAlready: { vi: 'Kiến nghị đã được đóng trước đó', en: 'the recommendation is closed already', fr: 'la recommandation est déjà close' },

  // Initiatives
  initiativeEvaluated: { vi: 'Sáng kiến đã được đánh giá', en: 'the initiative was evaluated already', fr: 'l’initiative a déjà été évaluée' },
  evaluationBeforeRegistration: {
    vi: 'Ngày đánh giá không được trước ngày đăng ký sáng kiến',
    en: 'the evaluation cannot precede the registration',
    fr: 'l’évaluation ne peut pas précéder l’enregistrement',
  },

  // Training
  attendanceExists: {
    vi: 'Lớp đã có danh sách học viên ({count} người); chọn thay thế nếu muốn nhập danh sách mới',
    en: 'the class has an attendance list of {count} already; send replace=true to replace it',
    fr: 'la session a déjà une liste de {count} participants ; choisissez de la remplacer pour en importer une nouvelle',
  },
} as const satisfies Record<string, LocalizedText>;

/** Names of the records a stale version is about (`staleVersion`), as the subject of the sentence. */
export const REFORM_RECORDS = {
  framework: { vi: 'Bộ chỉ số', en: 'framework', fr: 'le référentiel' },
  criterion: { vi: 'Tiêu chí', en: 'criterion', fr: 'le critère' },
  assessment: { vi: 'Kết quả đánh giá', en: 'assessment', fr: 'l’évaluation' },
  score: { vi: 'Điểm của tiêu chí', en: 'score', fr: 'la note' },
  document: { vi: 'Văn bản chỉ đạo', en: 'document', fr: 'le document' },
  task: { vi: 'Nhiệm vụ', en: 'task', fr: 'la tâche' },
  plan: { vi: 'Kế hoạch kiểm tra', en: 'plan', fr: 'le plan d’inspection' },
  inspection: { vi: 'Cuộc kiểm tra', en: 'inspection', fr: 'l’inspection' },
  recommendation: { vi: 'Kiến nghị', en: 'recommendation', fr: 'la recommandation' },
  initiative: { vi: 'Sáng kiến', en: 'initiative', fr: 'l’initiative' },
  class: { vi: 'Lớp bồi dưỡng', en: 'class', fr: 'la session de formation' },
  disciplineRecord: { vi: 'Hồ sơ kỷ luật', en: 'discipline record', fr: 'la fiche disciplinaire' },
} as const satisfies Record<string, LocalizedText>;
export type ReformRecord = keyof typeof REFORM_RECORDS;

/** A value written the same way in every language (a code). */
export const same = (s: string): LocalizedText => ({ vi: s, en: s, fr: s });

/** Points as read in each language: 5,5 in Vietnamese and French, 5.5 in English. */
export const pointsEach = (n: number): LocalizedText => ({ vi: String(n).replace('.', ','), en: String(n), fr: String(n).replace('.', ',') });

/** The detail of an inconsistent criteria tree (`checkTree`'s problems), each sum said in each language. */
export function treeInconsistent(problems: Array<{ code: string | null; expected: number; actual: number }>): LocalizedText {
  const sums = problems.map((p) => {
    const values = { actual: pointsEach(p.actual), expected: pointsEach(p.expected) };
    return p.code === null ? fillEach(REFORM_REFUSALS.areasSum, values) : fillEach(REFORM_REFUSALS.childrenSum, { ...values, code: same(p.code) });
  });
  return fillEach(REFORM_REFUSALS.treeInconsistent, { problems: joinEach(sums, { vi: '; ', en: '; ', fr: ' ; ' }) });
}

/** The "no right" detail of `requireAnyUnit`: the rights asked for, said in each language ("xem … hoặc cập nhật …"). */
export function noRightOnUnits(permissions: Permission[]): LocalizedText {
  const rights = [...new Set(permissions)].map((p) => PERMISSION_ACTIONS[p]);
  return fillEach(REFORM_REFUSALS.noRightOnUnits, { rights: joinEach(rights, { vi: ' hoặc ', en: ' or ', fr: ' ou ' }) });
}

/** The detail of a stale optimistic lock on a reform record. */
export const staleVersionText = (what: ReformRecord): LocalizedText => fillEach(REFORM_REFUSALS.staleVersion, { what: REFORM_RECORDS[what] });
