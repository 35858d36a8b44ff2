import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../../db/columns.ts';
import { units } from '../../units/units.schema.ts';

/** Steering documents (văn bản chỉ đạo): plans, decisions, directives, reports issued to direct reform. */
export const reformDocuments = pgTable(
  'reform_documents',
  {
    id: id(),
    /** The issuing unit (owner). */
    unitId: uuid('unit_id').notNull().references(() => units.id),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** The issuing body as written on the document (e.g. "UBND huyện Tiên Yên"). */
    issuer: text('issuer').notNull(),
    signer: text('signer'),
    summary: text('summary').notNull(),
    fileUrl: text('file_url'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('reform_documents_number_uq').on(t.unitId, t.number, t.issuedOn), index('reform_documents_unit_date_idx').on(t.unitId, t.issuedOn)],
);

/** A reform plan task assigned by a document (or directly) to a unit, with a deadline. */
export const reformTasks = pgTable(
  'reform_tasks',
  {
    id: id(),
    /** The assigning unit (owner). */
    unitId: uuid('unit_id').notNull().references(() => units.id),
    documentId: uuid('document_id').references(() => reformDocuments.id),
    assigneeUnitId: uuid('assignee_unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    description: text('description'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('not_started'),
    progress: integer('progress').notNull().default(0),
    completedOn: date('completed_on', { mode: 'string' }),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reform_tasks_unit_idx').on(t.unitId), index('reform_tasks_assignee_idx').on(t.assigneeUnitId, t.deadline), index('reform_tasks_document_idx').on(t.documentId)],
);

/** A progress report on a task by its assignee. Append-only. */
export const reformTaskReports = pgTable(
  'reform_task_reports',
  {
    id: id(),
    taskId: uuid('task_id').notNull().references(() => reformTasks.id),
    unitId: uuid('unit_id').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    progress: integer('progress').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull(),
    evidenceUrl: text('evidence_url'),
    reportedBy: uuid('reported_by'),
    createdAt: createdAt(),
  },
  (t) => [index('reform_task_reports_task_idx').on(t.taskId)],
);
