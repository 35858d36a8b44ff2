import { z } from 'zod';
import { IsoDate, Uuid } from '../../../../contracts/common.ts';
import { CreateClassBody, CreateExternalBody, ExternalCourse, ImportAttendanceQuery, ImportAttendanceResult, ListClassesQuery, ListExternalQuery, pageOf, TrainingClass, TrainingClassDetail, UpdateClassBody } from '../../../../contracts/reform.ts';
import { idempotent } from '../../../http/idempotency.ts';
import type { App, Deps } from '../../../http/types.ts';
import { AppError } from '../../../platform/errors.ts';
import { IMPORT_LIMIT, XLSX_TYPE } from '../excel.ts';
import { attendanceWorkbook, createClass, createExternal, getClass, importAttendance, listClasses, listExternal, trainingStats, updateClass } from './training.service.ts';

const tags = ['training'];
const id = z.object({ id: Uuid });

export async function trainingRoutes(app: App, { database }: Deps) {
  const db = database.db;
  app.get('/api/v1/training/stats', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Classes, trainees and officials sent to courses (a unit’s subtree, a period)', querystring: z.strictObject({ unitId: Uuid, from: IsoDate.optional(), to: IsoDate.optional() }) },
  }, async (request) => trainingStats(db, request.ctx, request.query));

  app.get('/api/v1/training/classes', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Training classes of your units', querystring: ListClassesQuery, response: { 200: pageOf(TrainingClass) } },
  }, async (request) => listClasses(db, request.ctx, request.query));

  app.post('/api/v1/training/classes', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Record a training class (Idempotency-Key supported)', body: CreateClassBody, response: { 201: TrainingClass } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createClass(database, request.ctx, request.body)));

  app.get('/api/v1/training/attendance-template.xlsx', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Empty attendance list in the import layout (docs/reform.md)' },
  }, async (request, reply) => reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="danh-sach-hoc-vien-mau.xlsx"').send(await attendanceWorkbook(db, request.ctx, null)));

  app.get('/api/v1/training/classes/:id', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'A class with its attendance list', params: id, response: { 200: TrainingClassDetail } },
  }, async (request) => getClass(db, request.ctx, request.params.id));

  app.patch('/api/v1/training/classes/:id', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Correct a class (send the version you read)', params: id, body: UpdateClassBody, response: { 200: TrainingClass } },
  }, async (request) => updateClass(database, request.ctx, request.params.id, request.body));

  await app.register(async (scope) => {
    scope.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    scope.post('/api/v1/training/classes/:id/attendance', {
      config: { access: 'reform.write' },
      bodyLimit: IMPORT_LIMIT,
      schema: { tags, summary: `Import the attendance list from Excel, all or nothing (body: the .xlsx file, Content-Type ${XLSX_TYPE})`, params: id, querystring: ImportAttendanceQuery, response: { 200: ImportAttendanceResult } },
    }, async (request) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { detail: `send the .xlsx file as the body with Content-Type ${XLSX_TYPE}` });
      return importAttendance(database, request.ctx, (request.params as { id: string }).id, request.query as z.infer<typeof ImportAttendanceQuery>, request.body);
    });
  });

  app.get('/api/v1/training/classes/:id/attendance.xlsx', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'A class’s attendance list as a workbook (import layout)', params: id },
  }, async (request, reply) => reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="danh-sach-hoc-vien.xlsx"').send(await attendanceWorkbook(db, request.ctx, request.params.id)));

  app.get('/api/v1/training/external', {
    config: { access: 'reform.read' },
    schema: { tags, summary: 'Officials your units sent to external courses', querystring: ListExternalQuery, response: { 200: pageOf(ExternalCourse) } },
  }, async (request) => listExternal(db, request.ctx, request.query));

  app.post('/api/v1/training/external', {
    config: { access: 'reform.write' },
    schema: { tags, summary: 'Record an official sent to an external course (Idempotency-Key supported)', body: CreateExternalBody, response: { 201: ExternalCourse } },
  }, async (request, reply) => idempotent(database, request, reply, 201, ({ database }) => createExternal(database, request.ctx, request.body)));
}
