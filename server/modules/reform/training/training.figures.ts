/** Live figures the training register provides to PAR criteria about officials' training. */
import type { LiveFigureProvider } from '../par/live-figures.ts';
import { trainingTotals } from './training.repository.ts';

export const trainingFigureProviders: LiveFigureProvider[] = [
  {
    key: 'training.classes',
    source: 'training',
    unit: 'count',
    label: { vi: 'Số lớp bồi dưỡng đã tổ chức', en: 'Training classes held', fr: 'Sessions de formation organisées' },
    compute: async (q) => (await trainingTotals(q.db, q.rootUnitId, q.from, q.to)).classes,
  },
  {
    key: 'training.trainees',
    source: 'training',
    unit: 'count',
    label: { vi: 'Lượt cán bộ được bồi dưỡng', en: 'Trainees (attendances)', fr: 'Participants formés' },
    compute: async (q) => (await trainingTotals(q.db, q.rootUnitId, q.from, q.to)).trainees,
  },
  {
    key: 'training.sent_to_courses',
    source: 'training',
    unit: 'count',
    label: { vi: 'Cán bộ được cử đi đào tạo, bồi dưỡng', en: 'Officials sent to external courses', fr: 'Agents envoyés en formation externe' },
    compute: async (q) => (await trainingTotals(q.db, q.rootUnitId, q.from, q.to)).sentToCourses,
  },
];
