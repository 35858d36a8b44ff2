import { z } from 'zod';
import { Uuid } from '../../../../contracts/common.ts';
import {
  CloseRecommendationBody,
  CreateInspectionBody,
  CreatePlanBody,
  CreateRecommendationBody,
  FollowUpBody,
  Inspection,
  InspectionDetail,
  InspectionPlan,
  InspectionStats,
  InspectionStatsQuery,
  ListInspectionsQuery,
  ListRecommendationsQuery,
  pageOf,
  Recommendation,
  UpdateInspectionBody,
  UpdatePlanBody,
} from '../../../../contracts/reform.ts';
import { idempotent } from '../../../http/idempotency.ts';
import type { App, Deps } from '../../../http/types.ts';
import { addFollowUp, addRecommendation, closeRecommendation, createInspection, createPlan, getInspection, inspectionStats, listInspections, listPlans, listRecommendations, updateInspection, updatePlan } from './inspections.service.ts';

const tags = ['inspections'];
const id = z.object({ id: Uuid });

export async function inspectionsRoutes(app: App, { database }: Deps) {
  const db = database.db;
  app.get('/api/v1/inspection-plans', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Yearly inspection plans of your units', querystring: z.strictObject({ unitId: Uuid.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.array(InspectionPlan) } },
  }, async (request) => listPlans(db, request.ctx, request.query));

  app.post('/api/v1/inspection-plans', {
    config: { access: 'inspections.write' },
    schema: { tags, summary: 'Adopt the yearly inspection plan (one per unit and year; Idempotency-Key supported)', body: CreatePlanBody, response: { 201: InspectionPlan } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createPlan(database, request.ctx, request.body)));

  app.patch('/api/v1/inspection-plans/:id', {
    config: { access: 'inspections.write' },
    schema: { tags, summary: 'Correct a plan (send the version you read)', params: id, body: UpdatePlanBody, response: { 200: InspectionPlan } },
  }, async (request) => updatePlan(database, request.ctx, request.params.id, request.body));

  app.get('/api/v1/inspections/stats', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Inspections by kind and year; open and overdue recommendations (a unit’s subtree)', querystring: InspectionStatsQuery, response: { 200: InspectionStats } },
  }, async (request) => inspectionStats(db, request.ctx, request.query));

  app.get('/api/v1/inspections', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Inspections by or of your units', querystring: ListInspectionsQuery, response: { 200: pageOf(Inspection) } },
  }, async (request) => listInspections(db, request.ctx, request.query));

  app.post('/api/v1/inspections', {
    config: { access: 'inspections.write' },
    schema: { tags, summary: 'Record an integrated or surprise inspection of a unit below yours (Idempotency-Key supported)', body: CreateInspectionBody, response: { 201: InspectionDetail } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createInspection(database, request.ctx, request.body)));

  app.get('/api/v1/inspections/:id', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'An inspection with its recommendations and their follow-up', params: id, response: { 200: InspectionDetail } },
  }, async (request) => getInspection(db, request.ctx, request.params.id));

  app.patch('/api/v1/inspections/:id', {
    config: { access: 'inspections.write' },
    schema: { tags, summary: 'Record team, dates, findings, conclusion (send the version you read)', params: id, body: UpdateInspectionBody, response: { 200: InspectionDetail } },
  }, async (request) => updateInspection(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/inspections/:id/recommendations', {
    config: { access: 'inspections.write' },
    schema: { tags, summary: 'Add a recommendation with its responsible unit and deadline (Idempotency-Key supported)', params: id, body: CreateRecommendationBody, response: { 201: Recommendation } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => addRecommendation(database, request.ctx, request.params.id, request.body)));

  app.get('/api/v1/inspection-recommendations', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Recommendations you issued or must act on (overdue=true: open past deadline)', querystring: ListRecommendationsQuery, response: { 200: pageOf(Recommendation) } },
  }, async (request) => listRecommendations(db, request.ctx, request.query));

  app.post('/api/v1/inspection-recommendations/:id/follow-ups', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Report what was done (reform.write on the responsible unit, or inspections.write on the inspecting unit)', params: id, body: FollowUpBody, response: { 201: Recommendation } },
  }, async (request, reply) => {
    reply.code(201);
    return addFollowUp(database, request.ctx, request.params.id, request.body);
  });

  app.post('/api/v1/inspection-recommendations/:id/close', {
    config: { access: 'inspections.write' },
    schema: { tags, summary: 'Close a recommendation with the evidence it was carried out (send the version you read)', params: id, body: CloseRecommendationBody, response: { 200: Recommendation } },
  }, async (request) => closeRecommendation(database, request.ctx, request.params.id, request.body));
}
