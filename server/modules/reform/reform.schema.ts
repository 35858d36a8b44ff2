/** Every table of the reform programme (one export line in server/db/schema.ts). */
export * from './steering/steering.schema.ts';
export * from './par/par.schema.ts';
export * from './inspections/inspections.schema.ts';
export * from './initiatives/initiatives.schema.ts';
export * from './training/training.schema.ts';
export * from './discipline/discipline.schema.ts';
