/**
 * What the re-organisation module's refusals say (the problem's `detail`), in the three interface languages. The
 * lists a refusal quotes (structural errors of a plan, what forbids a rollback) are already written in the three
 * languages by compile.ts and the participants; `withList` puts them into the sentence, language by language.
 */
import { fillEach, joinEach, type LocalizedText } from '../../platform/errors.ts';

export const REORGANISATION_REFUSALS = {
  noRight: {
    vi: 'Bạn không có quyền sắp xếp các đơn vị mà phương án này liên quan',
    en: 'units.reorganise not granted on every unit the plan touches',
    fr: 'vous n’avez pas le droit de réorganiser toutes les unités concernées par ce plan',
  },
  stalePlan: {
    vi: 'Phương án vừa được người khác cập nhật (phiên bản {current}, bạn đang xem phiên bản {sent}); vui lòng tải lại',
    en: 'the plan is at version {current}, not {sent}',
    fr: 'le plan est à la version {current}, pas {sent} ; rechargez',
  },
  notEditable: {
    vi: 'Chỉ sửa được phương án dự thảo hoặc phương án không thực hiện được; phương án đã hẹn thực hiện cần đưa về dự thảo trước',
    en: 'only a draft or failed plan can be edited (put a scheduled plan back to draft first)',
    fr: 'seul un plan en brouillon ou en échec peut être modifié (remettez d’abord un plan programmé en brouillon)',
  },
  notExecutable: {
    vi: 'Phương án đã thực hiện hoặc đã hoàn tác, không thực hiện lại được',
    en: 'an executed or rolled-back plan cannot be executed again',
    fr: 'un plan exécuté ou annulé ne peut pas être exécuté à nouveau',
  },
  notSchedulable: {
    vi: 'Chỉ hẹn thực hiện được phương án dự thảo hoặc phương án không thực hiện được',
    en: 'only a draft or failed plan can be scheduled',
    fr: 'seul un plan en brouillon ou en échec peut être programmé',
  },
  notScheduled: { vi: 'Chỉ đưa về dự thảo được phương án đang hẹn thực hiện', en: 'only a scheduled plan can be put back to draft', fr: 'seul un plan programmé peut être remis en brouillon' },
  notExecuted: { vi: 'Chỉ hoàn tác được phương án đã thực hiện', en: 'only an executed plan can be rolled back', fr: 'seul un plan exécuté peut être annulé' },
  noJobs: {
    vi: 'Máy chủ không chạy tác vụ nền nên không hẹn thực hiện được; vui lòng thực hiện ngay',
    en: 'background jobs are not available on this server; execute now instead',
    fr: 'les tâches de fond ne sont pas disponibles sur ce serveur ; exécutez maintenant',
  },
  cannotRun: { vi: 'Phương án không thực hiện được: {errors}', en: 'the plan cannot run: {errors}', fr: 'le plan ne peut pas être exécuté : {errors}' },
  unresolved: {
    vi: 'Còn {count} xung đột chưa chọn cách xử lý',
    en: '{count} conflict(s) to resolve',
    fr: '{count} conflit(s) à résoudre',
  },
  rollbackBlocked: {
    vi: 'Không hoàn tác được: từ khi thực hiện, đơn vị kế thừa đã phát sinh công việc mới ({count}): {blockers}',
    en: 'new work was written on the successors since the execution ({count}): {blockers}',
    fr: 'du travail nouveau a été enregistré chez les successeurs depuis l’exécution ({count}) : {blockers}',
  },
} as const satisfies Record<string, LocalizedText>;

/** `text` with its `{name}` placeholder filled, in each language, by `items` of that language joined. */
export function withList(text: LocalizedText, name: string, items: LocalizedText[]): LocalizedText {
  return fillEach(text, { [name]: joinEach(items, { vi: '; ', en: '; ', fr: ' ; ' }) });
}
