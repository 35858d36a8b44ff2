/** Labels of the drill-down measures (also the sheet names of their Excel export: ≤ 31 characters, no / \ ? * [ ]). */
import type { DrillMeasure } from '../../../contracts/dashboard.ts';

type Label = { vi: string; en: string; fr: string };

export const MEASURE_LABELS: Record<DrillMeasure, Label> = {
  received: { vi: 'Tiếp nhận', en: 'Received', fr: 'Reçus' },
  received_counter: { vi: 'Tiếp nhận trực tiếp', en: 'Received at the counter', fr: 'Reçus au guichet' },
  received_online: { vi: 'Tiếp nhận trực tuyến', en: 'Received online', fr: 'Reçus en ligne' },
  received_post: { vi: 'Tiếp nhận qua bưu chính', en: 'Received by post', fr: 'Reçus par la poste' },
  finished: { vi: 'Đã giải quyết', en: 'Finished', fr: 'Traités' },
  early: { vi: 'Giải quyết trước hạn', en: 'Finished early', fr: 'Traités en avance' },
  on_time: { vi: 'Giải quyết đúng hạn', en: 'Finished on time', fr: 'Traités à temps' },
  late: { vi: 'Giải quyết quá hạn', en: 'Finished late', fr: 'Traités en retard' },
  apart: { vi: 'Trả lại, xin rút', en: 'Withdrawn or stopped', fr: 'Retirés ou arrêtés' },
  open_on_track: { vi: 'Đang xử lý trong hạn', en: 'Open, on track', fr: 'En cours, dans les délais' },
  open_due_soon: { vi: 'Đang xử lý sắp đến hạn', en: 'Open, due soon', fr: 'En cours, échéance proche' },
  open_overdue: { vi: 'Đang xử lý quá hạn', en: 'Open, overdue', fr: 'En cours, en retard' },
  digitised: { vi: 'Hồ sơ đã số hóa', en: 'Dossiers digitised', fr: 'Dossiers numérisés' },
  returned: { vi: 'Đã trả kết quả', en: 'Results returned', fr: 'Résultats remis' },
  results_digitised: { vi: 'Kết quả đã số hóa', en: 'Results digitised', fr: 'Résultats numérisés' },
};
