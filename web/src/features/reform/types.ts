/** API shapes of the reform pages (types only from the shared contracts) and the closed lists' labels. */
import type { z } from 'zod';
import type {
  AssessmentDetail,
  AssessmentNode,
  AssessmentSummary,
  DisciplineRecord,
  ExternalCourse,
  Framework,
  FrameworkDetail,
  Initiative,
  Inspection,
  InspectionDetail,
  InspectionPlan,
  InspectionStats,
  Ranking,
  Recommendation,
  ReformTask,
  ReformTaskDetail,
  SteeringDocument,
  TrainingClass,
  TrainingClassDetail,
  Trend,
} from '../../../../contracts/reform.ts';
import type { Lang } from '../../i18n/index.ts';

export type FrameworkDto = z.infer<typeof Framework>;
export type FrameworkDetailDto = z.infer<typeof FrameworkDetail>;
export type AssessmentSummaryDto = z.infer<typeof AssessmentSummary>;
export type AssessmentDetailDto = z.infer<typeof AssessmentDetail>;
export type AssessmentNodeDto = z.infer<typeof AssessmentNode>;
export type RankingDto = z.infer<typeof Ranking>;
export type TrendDto = z.infer<typeof Trend>;
export type DocumentDto = z.infer<typeof SteeringDocument>;
export type TaskDto = z.infer<typeof ReformTask>;
export type TaskDetailDto = z.infer<typeof ReformTaskDetail>;
export type InspectionDto = z.infer<typeof Inspection>;
export type InspectionDetailDto = z.infer<typeof InspectionDetail>;
export type PlanDto = z.infer<typeof InspectionPlan>;
export type InspectionStatsDto = z.infer<typeof InspectionStats>;
export type RecommendationDto = z.infer<typeof Recommendation>;
export type InitiativeDto = z.infer<typeof Initiative>;
export type ClassDto = z.infer<typeof TrainingClass>;
export type ClassDetailDto = z.infer<typeof TrainingClassDetail>;
export type ExternalDto = z.infer<typeof ExternalCourse>;
export type DisciplineDto = z.infer<typeof DisciplineRecord>;
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export * from '../../../../server/modules/reform/reform.kinds.ts';

type LabelTable = Record<string, { vi: string; en: string; fr: string }>;
/** The label of a code in a closed list, in the interface language. */
export const labelOf = (table: LabelTable, code: string | null | undefined, lang: Lang) => (code ? (table[code]?.[lang] ?? code) : '—');
/** Select options of a closed list. */
export const optionsOf = (table: LabelTable, lang: Lang) => Object.entries(table).map(([value, l]) => ({ value, label: l[lang] }));
/** Points as written in Vietnam (comma decimal in vi and fr). */
export const formatPoints = (n: number | null | undefined, lang: Lang) => (n === null || n === undefined ? '—' : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang === 'fr' ? 'fr-FR' : 'vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(n));
