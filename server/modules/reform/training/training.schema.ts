import { boolean, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../../../db/columns.ts';
import { units } from '../../units/units.schema.ts';

/** A training class (lớp bồi dưỡng) organised by a unit for officials of a level. */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: id(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    title: text('title').notNull(),
    organiser: text('organiser').notNull(),
    level: text('level').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }).notNull(),
    location: text('location'),
    /** Headcount reported by the organiser, used when no attendance list was imported. */
    reportedParticipants: integer('reported_participants'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('training_classes_unit_idx').on(t.unitId, t.startOn)],
);

/** One line of a class's attendance list (imported from Excel). */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: id(),
    classId: uuid('class_id').notNull().references(() => trainingClasses.id),
    unitId: uuid('unit_id').notNull(),
    rowNo: integer('row_no').notNull(),
    fullName: text('full_name').notNull(),
    position: text('position'),
    workUnit: text('work_unit'),
    birthYear: integer('birth_year'),
    result: text('result'),
    createdAt: createdAt(),
  },
  (t) => [index('training_attendance_class_idx').on(t.classId)],
);

/** An official sent by a unit to a course outside its own classes (in or outside the province). */
export const trainingExternal = pgTable(
  'training_external',
  {
    id: id(),
    unitId: uuid('unit_id').notNull().references(() => units.id),
    fullName: text('full_name').notNull(),
    position: text('position'),
    course: text('course').notNull(),
    organiser: text('organiser').notNull(),
    location: text('location').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    decisionRef: text('decision_ref'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('training_external_unit_idx').on(t.unitId, t.startOn)],
);
