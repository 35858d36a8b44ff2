/**
 * Re-organisation of units (sắp xếp, tổ chức lại đơn vị): the plan as entered, its preview and its state.
 * A unit reference is either the id of an existing unit or `#ref` naming a new unit declared in `newUnits`.
 */
import { z } from 'zod';
import { IsoDate, Text, Uuid, Version } from './common.ts';
import { UnitKindSchema } from './units.ts';

const RefName = z.string().regex(/^#[a-z0-9_]{1,40}$/, 'expected #name (lower-case letters, digits, _)');
export const UnitRef = z.union([Uuid, RefName]).describe('an existing unit id, or #ref of a new unit of the plan');

export const NewUnit = z.strictObject({
  ref: RefName,
  name: Text(200),
  kind: UnitKindSchema,
  parent: UnitRef,
  code: z.string().trim().max(40).regex(/^[0-9A-Za-z.-]+$/).nullable().optional(),
  adminCode: z.string().trim().regex(/^\d{2,5}$/, '2 to 5 digits').nullable().optional(),
  notes: z.string().max(2000).nullable().optional(),
  unconfirmed: z.boolean().optional(),
});

export const Operation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('merge'), sources: z.array(Uuid).min(1).max(100), target: UnitRef }),
  z.strictObject({ kind: z.literal('split'), source: Uuid, parts: z.array(UnitRef).min(2).max(50), primary: UnitRef.optional() }),
  z.strictObject({ kind: z.literal('rename'), source: Uuid, name: Text(200), code: z.string().trim().max(40).regex(/^[0-9A-Za-z.-]+$/).nullable().optional(), adminCode: z.string().trim().regex(/^\d{2,5}$/).nullable().optional() }),
  z.strictObject({ kind: z.literal('move'), source: Uuid, parent: UnitRef }),
  z.strictObject({ kind: z.literal('abolish'), source: Uuid, successor: UnitRef }),
  z.strictObject({
    kind: z.literal('abolish_level'),
    source: Uuid.describe('the unit of the level that ends (e.g. a district)'),
    successors: z.array(UnitRef).max(100).optional().describe('units taking over its duties (default: the level above)'),
    primary: UnitRef.optional().describe('the successor that takes its open work (default: the first successor)'),
    routes: z.array(z.strictObject({ from: Uuid, to: UnitRef })).max(200).optional().describe('where the open work of a sub-unit ended with it goes'),
  }),
]);
export type OperationDto = z.infer<typeof Operation>;

export const PlanBody = z.strictObject({
  title: Text(300),
  decisionRef: Text(300).describe('the legal decision ordering the re-organisation'),
  decisionDate: IsoDate.nullable().optional(),
  effectiveDate: IsoDate,
  newUnits: z.array(NewUnit).max(500).default([]),
  operations: z.array(Operation).min(1).max(500),
  /** Chosen resolution per conflict key (see the preview's conflicts). */
  resolutions: z.record(z.string().max(300), z.string().max(300)).default({}),
});
export type PlanBodyDto = z.infer<typeof PlanBody>;
export const UpdatePlanBody = PlanBody.extend({ version: Version });

const L = z.object({ vi: z.string(), en: z.string(), fr: z.string() });
export const Conflict = z.object({
  key: z.string(),
  participant: z.string(),
  message: L,
  options: z.array(z.object({ value: z.string(), label: z.string() })),
  resolution: z.string().nullable(),
});
export const ParticipantPreview = z.object({
  participant: z.string(),
  label: L,
  count: z.number().int(),
  items: z.array(z.object({ id: z.string(), label: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  conflicts: z.array(Conflict),
});
export const Preview = z.object({
  computedAt: z.string(),
  participants: z.array(ParticipantPreview),
  /** Structural problems that make the plan impossible as written (edit the plan). */
  errors: z.array(z.object({ message: L })),
  unresolved: z.number().int(),
  tree: z.array(z.object({ ref: z.string(), name: z.string(), kind: z.string(), parent: z.string().nullable(), predecessors: z.array(z.string()) })),
});
export type PreviewDto = z.infer<typeof Preview>;

export const PLAN_STATUS_VALUES = ['draft', 'scheduled', 'executed', 'rolled_back', 'failed'] as const;
export const Plan = z.object({
  id: Uuid,
  title: z.string(),
  decisionRef: z.string(),
  decisionDate: z.string().nullable(),
  effectiveDate: z.string(),
  status: z.enum(PLAN_STATUS_VALUES),
  newUnits: z.array(NewUnit),
  operations: z.array(Operation),
  resolutions: z.record(z.string(), z.string()),
  preview: Preview.nullable(),
  result: z.record(z.string(), z.number()).nullable(),
  failure: z.string().nullable(),
  executedAt: z.string().nullable(),
  rolledBackAt: z.string().nullable(),
  /** Why a rollback is no longer possible (new work written on a successor), when executed. */
  rollbackBlockers: z.array(L).optional(),
  createdAt: z.string(),
  version: z.number(),
});
export type PlanDto = z.infer<typeof Plan>;

export const ExecuteBody = z.strictObject({ version: Version, when: z.enum(['now', 'effective_date']).default('now') });
export const RollbackBody = z.strictObject({ version: Version, reason: Text(1000) });
