/**
 * Shapes of the API, taken from the shared zod contracts as types only (no zod code reaches the bundle),
 * plus the role and unit-kind constants the contracts themselves are built from.
 */
import type { z } from 'zod';
import type { Account, GrantView, Me } from '../../../contracts/accounts.ts';
import type { Problem } from '../../../contracts/common.ts';
import type { Unit, UnitDetail, UnitLink } from '../../../contracts/units.ts';

export type MeDto = z.infer<typeof Me>;
export type AccountDto = z.infer<typeof Account>;
export type GrantDto = z.infer<typeof GrantView>;
export type UnitDto = z.infer<typeof Unit>;
export type UnitDetailDto = z.infer<typeof UnitDetail>;
export type UnitLinkDto = z.infer<typeof UnitLink>;
export type ProblemDto = z.infer<typeof Problem>;

export { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from '../../../server/modules/accounts/permissions.ts';
export { ALLOWED_PARENTS, UNIT_KIND_VALUES, type UnitKind } from '../../../server/modules/units/units.kinds.ts';

/** A label in the three interface languages, as the API gives role and unit-kind labels. */
export interface Labels {
  vi: string;
  en: string;
  fr: string;
}
export interface RoleInfo {
  role: import('../../../server/modules/accounts/permissions.ts').Role;
  label: Labels;
}
export interface UnitKindInfo extends Labels {
  kind: import('../../../server/modules/units/units.kinds.ts').UnitKind;
  territorial: boolean;
}

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  unitId: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problem?: { seq: number; reason: 'hash_mismatch' | 'gap' | 'prev_hash_mismatch' | 'head_mismatch' };
}
