import { z } from 'zod';
import { Uuid } from '../../../../contracts/common.ts';
import { CreateDocumentBody, CreateTaskBody, ListDocumentsQuery, ListTasksQuery, pageOf, ReformTask, ReformTaskDetail, SteeringDocument, TaskReportBody, UpdateDocumentBody, UpdateTaskBody } from '../../../../contracts/reform.ts';
import { idempotent } from '../../../http/idempotency.ts';
import type { App, Deps } from '../../../http/types.ts';
import { createDocument, createTask, getDocument, getTask, listDocuments, listTasks, reportTask, updateDocument, updateTask } from './steering.service.ts';

const tags = ['steering documents and tasks'];
const id = z.object({ id: Uuid });

export async function steeringRoutes(app: App, { database }: Deps) {
  const db = database.db;
  app.get('/api/v1/reform-documents', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Steering documents issued by your units or assigning them tasks', querystring: ListDocumentsQuery, response: { 200: pageOf(SteeringDocument) } },
  }, async (request) => listDocuments(db, request.ctx, request.query));

  app.post('/api/v1/reform-documents', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Register a steering document (Idempotency-Key supported)', body: CreateDocumentBody, response: { 201: SteeringDocument } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createDocument(database, request.ctx, request.body)));

  app.get('/api/v1/reform-documents/:id', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'A steering document with the tasks it assigns', params: id, response: { 200: SteeringDocument.extend({ tasks: z.array(ReformTask) }) } },
  }, async (request) => getDocument(db, request.ctx, request.params.id));

  app.patch('/api/v1/reform-documents/:id', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Correct a steering document (send the version you read)', params: id, body: UpdateDocumentBody, response: { 200: SteeringDocument } },
  }, async (request) => updateDocument(database, request.ctx, request.params.id, request.body));

  app.get('/api/v1/reform-tasks', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Reform plan tasks you assign or carry out (overdue=true: past deadline, not done)', querystring: ListTasksQuery, response: { 200: pageOf(ReformTask) } },
  }, async (request) => listTasks(db, request.ctx, request.query));

  app.post('/api/v1/reform-tasks', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Assign a task to a unit below yours (Idempotency-Key supported)', body: CreateTaskBody, response: { 201: ReformTask } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createTask(database, request.ctx, request.body)));

  app.get('/api/v1/reform-tasks/:id', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'A task with its progress reports', params: id, response: { 200: ReformTaskDetail } },
  }, async (request) => getTask(db, request.ctx, request.params.id));

  app.patch('/api/v1/reform-tasks/:id', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Correct, re-assign, reschedule or cancel a task (send the version you read)', params: id, body: UpdateTaskBody, response: { 200: ReformTask } },
  }, async (request) => updateTask(database, request.ctx, request.params.id, request.body));

  app.post('/api/v1/reform-tasks/:id/reports', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Report progress on a task (done=true completes it)', params: id, body: TaskReportBody, response: { 201: ReformTaskDetail } },
  }, async (request, reply) => {
    reply.code(201);
    return reportTask(database, request.ctx, request.params.id, request.body);
  });
}
