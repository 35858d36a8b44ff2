/** What the dashboard module's refusals say (the problem's `detail`), in the three interface languages. */
import type { LocalizedText } from '../../platform/errors.ts';

export const DASHBOARD_REFUSALS = {
  reportQueued: { vi: 'Báo cáo đang chờ lập; vui lòng tải về sau ít phút', en: 'the report is queued; download it in a few minutes', fr: 'le rapport est en attente ; téléchargez-le dans quelques minutes' },
  reportRunning: { vi: 'Báo cáo đang được lập; vui lòng tải về sau ít phút', en: 'the report is being generated; download it in a few minutes', fr: 'le rapport est en cours de génération ; téléchargez-le dans quelques minutes' },
  reportFailed: { vi: 'Không lập được báo cáo này; vui lòng yêu cầu lập lại', en: 'the report could not be generated; request it again', fr: 'le rapport n’a pas pu être généré ; demandez-le à nouveau' },
} as const satisfies Record<string, LocalizedText>;
