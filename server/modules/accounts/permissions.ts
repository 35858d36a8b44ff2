/**
 * Roles (vai trò) and the permissions each carries. A role is granted on a unit and covers that unit's
 * subtree; the same official may hold several roles on several units. Every HTTP route declares one
 * permission (or `public` / `authenticated`); services then check the unit of the data against the scope.
 */
export const ROLES = ['admin', 'counter_officer', 'specialist', 'unit_leader', 'reform_officer', 'inspector', 'citizen'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'units.read',
  'units.write',
  /** Re-organise units (merge, split, rename, move, abolish) and carry their work over: administrators only. */
  'units.reorganise',
  'accounts.read',
  'accounts.write',
  'audit.read',
  'calendar.read',
  'calendar.write',
  'procedures.write',
  'procedures.approve',
  'dossiers.read',
  'dossiers.receive',
  'dossiers.process',
  'dossiers.approve',
  'feedback.handle',
  /** Feedback time-limit rules, leaders' mailboxes (IMAP) and Open311 API keys (administrators by default). */
  'feedback.configure',
  'dashboard.read',
  'reform.read',
  'reform.write',
  /** Province appraiser: issues the PAR criteria, appraises self-assessments, enters survey results, publishes. */
  'reform.appraise',
  'inspections.write',
  'discipline.read',
  /** Record and correct discipline records (administrators only by default). */
  'discipline.write',
  'portal.self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const OFFICIAL_BASE: Permission[] = ['units.read', 'calendar.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => p !== 'portal.self'),
  counter_officer: [...OFFICIAL_BASE, 'dossiers.read', 'dossiers.receive', 'feedback.handle'],
  specialist: [...OFFICIAL_BASE, 'dossiers.read', 'dossiers.process'],
  unit_leader: [...OFFICIAL_BASE, 'accounts.read', 'audit.read', 'dossiers.read', 'dossiers.approve', 'procedures.approve', 'feedback.handle', 'dashboard.read', 'reform.read'],
  reform_officer: [...OFFICIAL_BASE, 'procedures.write', 'reform.read', 'reform.write', 'dashboard.read', 'feedback.handle'],
  inspector: [...OFFICIAL_BASE, 'audit.read', 'reform.read', 'reform.appraise', 'inspections.write', 'dashboard.read'],
  citizen: ['portal.self'],
};

/** Role labels for the interface, Vietnamese first. */
export const ROLE_LABELS: Record<Role, { vi: string; en: string; fr: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator', fr: 'Administrateur' },
  counter_officer: { vi: 'Cán bộ một cửa', en: 'Counter officer', fr: 'Agent du guichet unique' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist', fr: 'Spécialiste' },
  unit_leader: { vi: 'Lãnh đạo đơn vị', en: 'Unit leader', fr: "Responsable d'unité" },
  reform_officer: { vi: 'Cán bộ CCHC', en: 'Reform officer', fr: 'Chargé de la réforme administrative' },
  inspector: { vi: 'Thanh tra, kiểm tra', en: 'Inspector', fr: 'Inspecteur' },
  citizen: { vi: 'Công dân, tổ chức', en: 'Citizen or business', fr: 'Citoyen ou entreprise' },
};

export interface Grant {
  id: string;
  role: Role;
  unitId: string | null;
  unitName?: string | null;
  validFrom?: string;
  validTo?: string | null;
}

/** The signed-in caller, as the policy layer sees them. */
export interface Principal {
  userId: string;
  username: string;
  fullName: string;
  grants: Grant[];
  permissions: ReadonlySet<Permission>;
  mustChangePassword: boolean;
}

export function permissionsOf(grants: Grant[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const g of grants) for (const p of ROLE_PERMISSIONS[g.role] ?? []) set.add(p);
  return set;
}

/**
 * The unit roots on which the caller holds `permission`: `'all'` when a grant with no unit carries it,
 * otherwise the granted units (each covering its subtree).
 */
export function scopeRoots(principal: Principal, permission: Permission): 'all' | string[] {
  const roots: string[] = [];
  for (const g of principal.grants) {
    if (!(ROLE_PERMISSIONS[g.role] ?? []).includes(permission)) continue;
    if (g.unitId === null) return 'all';
    roots.push(g.unitId);
  }
  return roots;
}
