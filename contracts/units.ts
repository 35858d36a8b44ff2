import { z } from 'zod';
import { IsoDate, Text, Uuid, Version } from './common.ts';
import { LINEAGE_KINDS, UNIT_KIND_VALUES } from '../server/modules/units/units.kinds.ts';

export const UnitKindSchema = z.enum(UNIT_KIND_VALUES);

export const Unit = z.object({
  id: Uuid,
  code: z.string().nullable(),
  adminCode: z.string().nullable(),
  name: z.string(),
  kind: UnitKindSchema,
  parentId: Uuid.nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  isDemo: z.boolean(),
  unconfirmed: z.boolean(),
  notes: z.string().nullable(),
  version: z.number(),
});
export type UnitDto = z.infer<typeof Unit>;

export const UnitLink = z.object({
  unitId: Uuid,
  name: z.string(),
  kind: z.string(),
  lineageKind: z.string(),
  effectiveDate: z.string(),
  decisionRef: z.string().nullable(),
});

export const UnitDetail = Unit.extend({
  parent: Unit.nullable(),
  children: z.array(Unit),
  predecessors: z.array(UnitLink),
  successors: z.array(UnitLink),
});

export const ListUnitsQuery = z.strictObject({
  asOf: IsoDate.optional().describe('Units valid on this date (default: today in Vietnam)'),
  all: z.enum(['true', 'false']).optional().describe('true = every unit whatever its dates'),
  kind: UnitKindSchema.optional(),
  parentId: Uuid.optional(),
  q: z.string().max(200).optional().describe('Accent-insensitive search in names and codes'),
});

const CodeText = z.string().trim().max(40).regex(/^[0-9A-Za-z.-]+$/, 'letters, digits, dots and dashes only');

export const CreateUnitBody = z.strictObject({
  name: Text(200),
  kind: UnitKindSchema,
  parentId: Uuid.nullable(),
  code: CodeText.nullable().optional(),
  adminCode: z.string().trim().regex(/^\d{2,5}$/, '2 to 5 digits').nullable().optional(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
});

export const UpdateUnitBody = z.strictObject({
  version: Version,
  name: Text(200).optional(),
  code: CodeText.nullable().optional(),
  adminCode: z.string().trim().regex(/^\d{2,5}$/, '2 to 5 digits').nullable().optional(),
  validTo: IsoDate.nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
  unconfirmed: z.boolean().optional(),
});

export const AddLineageBody = z.strictObject({
  predecessorId: Uuid,
  kind: z.enum(LINEAGE_KINDS),
  effectiveDate: IsoDate,
  decisionRef: z.string().trim().max(200).nullable().optional(),
});
