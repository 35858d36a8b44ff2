import { ReformSummary, SummaryQuery } from '../../../../contracts/reform.ts';
import type { App, Deps } from '../../../http/types.ts';
import * as kinds from '../reform.kinds.ts';
import { reformSummary } from './summary.service.ts';

export async function summaryRoutes(app: App, { database }: Deps) {
  app.get('/api/v1/reform/summary', {
    config: { access: 'dashboard.read' },
    schema: { tags: ['reform summary'], summary: 'The reform programme in figures for a unit’s subtree and a period, computed from the rows', querystring: SummaryQuery, response: { 200: ReformSummary } },
  }, async (request) => reformSummary(database.db, request.ctx, request.query));

  app.get('/api/v1/reform/meta', {
    config: { access: 'reform.read' },
    schema: { tags: ['reform summary'], summary: 'Closed lists of the reform programme with their labels' },
  }, async () => ({
    parTargetLevels: kinds.PAR_TARGET_LEVELS,
    parNodeLevels: kinds.PAR_NODE_LEVELS,
    parMethods: kinds.PAR_METHODS,
    parFrameworkStatuses: kinds.PAR_FRAMEWORK_STATUSES,
    parAssessmentStatuses: kinds.PAR_ASSESSMENT_STATUSES,
    parTieRules: kinds.PAR_TIE_RULES,
    parEvidenceKinds: kinds.PAR_EVIDENCE_KINDS,
    documentKinds: kinds.DOCUMENT_KINDS,
    taskStatuses: kinds.TASK_STATUSES,
    inspectionKinds: kinds.INSPECTION_KINDS,
    inspectionStatuses: kinds.INSPECTION_STATUSES,
    teamRoles: kinds.TEAM_ROLES,
    recommendationStatuses: kinds.RECOMMENDATION_STATUSES,
    initiativeKinds: kinds.INITIATIVE_KINDS,
    initiativeStatuses: kinds.INITIATIVE_STATUSES,
    recognitionLevels: kinds.RECOGNITION_LEVELS,
    officialLevels: kinds.OFFICIAL_LEVELS,
    courseLocations: kinds.COURSE_LOCATIONS,
    attendanceResults: kinds.ATTENDANCE_RESULTS,
    sanctions: kinds.SANCTIONS,
  }));
}
