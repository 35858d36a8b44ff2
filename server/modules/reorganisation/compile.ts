/**
 * Turns a plan as entered (new units + operations) into what it does to the organisation: the units created
 * (declared ones, and copies of sub-units carried under their new parent), the units ended, the lineage links,
 * and for every ended unit its route — the unit that takes over its open work. Pure once the units are loaded;
 * structural problems are returned as errors (the plan cannot run until edited).
 */
import type { OperationDto, PlanBodyDto } from '../../../contracts/reorganisation.ts';
import { addDays } from '../../platform/clock.ts';
import { ALLOWED_PARENTS, UNIT_KINDS, type LineageKind, type UnitKind } from '../units/units.kinds.ts';
import type { UnitRow } from '../units/units.repository.ts';

export type L = { vi: string; en: string; fr: string };

export interface UnitSpec {
  ref: string;
  name: string;
  kind: UnitKind;
  /** A `#ref` of another new unit, or the id of an existing unit. */
  parent: string;
  code: string | null;
  adminCode: string | null;
  notes: string | null;
  unconfirmed: boolean;
  isDemo: boolean;
  /** For a sub-unit carried under a new parent, or a renamed/moved unit: the row it continues. */
  copyOf: string | null;
}

export interface CompiledPlan {
  title: string;
  decisionRef: string;
  effectiveDate: string;
  /** The last day of the ended units (the day before the effective date). */
  endDate: string;
  /** Midnight at the start of the effective date, Vietnam time. */
  effectiveAt: Date;
  newUnits: UnitSpec[];
  ended: Map<string, UnitRow>;
  /** Ended unit → the unit (id or #ref) that takes its open work, resolved through chains. */
  routes: Map<string, string>;
  lineage: Array<{ from: string; to: string; kind: LineageKind }>;
  errors: L[];
  resolutions: Record<string, string>;
  /** Name of a unit id or #ref, for previews and messages. */
  nameOf(x: string): string;
  /** The id or #ref that continues `unitId` after the plan (itself when the plan does not touch it). */
  target(unitId: string): string;
}

const err = (vi: string, en: string, fr: string): L => ({ vi, en, fr });
const validOn = (u: UnitRow, d: string) => u.validFrom <= d && (u.validTo === null || u.validTo >= d);

export function compilePlan(body: PlanBodyDto, allUnits: UnitRow[]): CompiledPlan {
  const byId = new Map(allUnits.map((u) => [u.id, u]));
  const eff = body.effectiveDate;
  const endDate = addDays(eff, -1);
  const errors: L[] = [];
  const newUnits: UnitSpec[] = [];
  const specs = new Map<string, UnitSpec>();
  const ended = new Map<string, UnitRow>();
  const directRoutes = new Map<string, string>();
  const lineage: CompiledPlan['lineage'] = [];
  /** Ended unit → how its children are handled. */
  const childMode = new Map<string, { mode: 'carry' } | { mode: 'level'; above: string | null; overrides: Map<string, string> }>();

  const nameOf = (x: string) => (x.startsWith('#') ? (specs.get(x)?.name ?? x) : (byId.get(x)?.name ?? x));
  const kindOf = (x: string): string | undefined => (x.startsWith('#') ? specs.get(x)?.kind : byId.get(x)?.kind);

  for (const n of body.newUnits) {
    if (specs.has(n.ref)) errors.push(err(`Mã tham chiếu ${n.ref} bị trùng`, `Reference ${n.ref} is declared twice`, `La référence ${n.ref} est déclarée deux fois`));
    const s: UnitSpec = { ref: n.ref, name: n.name, kind: n.kind, parent: n.parent, code: n.code ?? null, adminCode: n.adminCode ?? null, notes: n.notes ?? null, unconfirmed: n.unconfirmed ?? false, isDemo: false, copyOf: null };
    specs.set(n.ref, s);
    newUnits.push(s);
  }

  /** Checks an existing-or-new reference used as a destination. */
  const checkDest = (x: string, what: string) => {
    if (x.startsWith('#')) {
      if (!specs.has(x)) errors.push(err(`${what}: không có đơn vị mới ${x} trong phương án`, `${what}: no new unit ${x} in the plan`, `${what} : aucune nouvelle unité ${x} dans le plan`));
      return;
    }
    const u = byId.get(x);
    if (!u) errors.push(err(`${what}: đơn vị không tồn tại`, `${what}: the unit does not exist`, `${what} : l'unité n'existe pas`));
    else if (!validOn(u, eff)) errors.push(err(`${what}: ${u.name} không còn hiệu lực từ ngày ${eff}`, `${what}: ${u.name} is not valid on ${eff}`, `${what} : ${u.name} n'est pas valide le ${eff}`));
  };
  const endUnit = (id: string, op: OperationDto['kind']) => {
    const u = byId.get(id);
    if (!u) {
      errors.push(err(`Đơn vị ${id} không tồn tại`, `Unit ${id} does not exist`, `L'unité ${id} n'existe pas`));
      return undefined;
    }
    if (ended.has(id)) {
      errors.push(err(`${u.name} có trong nhiều thao tác`, `${u.name} appears in more than one operation`, `${u.name} figure dans plusieurs opérations`));
      return undefined;
    }
    if (!validOn(u, endDate) || (u.validTo !== null && u.validTo < eff)) {
      errors.push(err(`${u.name} (${op}) không còn hoạt động vào ngày ${eff}`, `${u.name} (${op}) is not in operation on ${eff}`, `${u.name} (${op}) n'est pas en activité le ${eff}`));
      return undefined;
    }
    ended.set(id, u);
    return u;
  };
  const copy = (u: UnitRow, parent: string, over: Partial<UnitSpec> = {}): string => {
    const ref = `#u_${u.id.replace(/-/g, '')}`;
    const s: UnitSpec = { ref, name: u.name, kind: u.kind as UnitKind, parent, code: u.code, adminCode: u.adminCode, notes: u.notes, unconfirmed: u.unconfirmed, isDemo: u.isDemo, copyOf: u.id, ...over };
    specs.set(ref, s);
    newUnits.push(s);
    return ref;
  };

  for (const op of body.operations) {
    switch (op.kind) {
      case 'merge': {
        checkDest(op.target, 'merge');
        if (!op.target.startsWith('#') && op.sources.includes(op.target)) errors.push(err('Không thể hợp nhất một đơn vị vào chính nó', 'A unit cannot be merged into itself', 'Une unité ne peut fusionner avec elle-même'));
        for (const s of op.sources) {
          if (!endUnit(s, op.kind)) continue;
          directRoutes.set(s, op.target);
          lineage.push({ from: s, to: op.target, kind: op.target.startsWith('#') ? 'merge' : 'absorb' });
          childMode.set(s, { mode: 'carry' });
        }
        break;
      }
      case 'split': {
        op.parts.forEach((p) => checkDest(p, 'split'));
        const primary = op.primary ?? op.parts[0];
        if (!op.parts.includes(primary)) errors.push(err('Đơn vị kế thừa chính phải là một trong các đơn vị sau chia tách', 'The primary successor must be one of the parts', "Le successeur principal doit être l'une des parties"));
        if (!endUnit(op.source, op.kind)) break;
        for (const p of op.parts) lineage.push({ from: op.source, to: p, kind: 'split' });
        directRoutes.set(op.source, primary);
        childMode.set(op.source, { mode: 'carry' });
        break;
      }
      case 'rename': {
        const u = endUnit(op.source, op.kind);
        if (!u) break;
        if (!u.parentId && !ALLOWED_PARENTS[u.kind as UnitKind]?.includes(null)) break;
        const ref = copy(u, u.parentId ?? '', { name: op.name, code: op.code === undefined ? u.code : op.code, adminCode: op.adminCode === undefined ? u.adminCode : op.adminCode, notes: null });
        directRoutes.set(op.source, ref);
        lineage.push({ from: op.source, to: ref, kind: 'rename' });
        childMode.set(op.source, { mode: 'carry' });
        break;
      }
      case 'move': {
        checkDest(op.parent, 'move');
        const u = endUnit(op.source, op.kind);
        if (!u) break;
        if (u.parentId === op.parent) errors.push(err(`${u.name} đã thuộc đơn vị này`, `${u.name} is already under this parent`, `${u.name} relève déjà de cette unité`));
        const ref = copy(u, op.parent);
        directRoutes.set(op.source, ref);
        lineage.push({ from: op.source, to: ref, kind: 'move' });
        childMode.set(op.source, { mode: 'carry' });
        break;
      }
      case 'abolish': {
        checkDest(op.successor, 'abolish');
        if (!endUnit(op.source, op.kind)) break;
        directRoutes.set(op.source, op.successor);
        lineage.push({ from: op.source, to: op.successor, kind: 'abolish' });
        childMode.set(op.source, { mode: 'carry' });
        break;
      }
      case 'abolish_level': {
        const u = endUnit(op.source, op.kind);
        if (!u) break;
        const successors = op.successors && op.successors.length ? op.successors : u.parentId ? [u.parentId] : [];
        if (successors.length === 0) {
          errors.push(err(`${u.name} không có cấp trên: hãy chỉ ra đơn vị kế thừa`, `${u.name} has no parent: name its successors`, `${u.name} n'a pas de parent : indiquez ses successeurs`));
          break;
        }
        successors.forEach((s) => checkDest(s, 'abolish_level'));
        const primary = op.primary ?? successors[0];
        if (!successors.includes(primary)) errors.push(err('Đơn vị kế thừa chính phải là một trong các đơn vị kế thừa', 'The primary successor must be one of the successors', "Le successeur principal doit être l'un des successeurs"));
        for (const s of successors) lineage.push({ from: op.source, to: s, kind: 'abolish' });
        directRoutes.set(op.source, primary);
        const overrides = new Map<string, string>();
        for (const r of op.routes ?? []) {
          checkDest(r.to, 'routes');
          overrides.set(r.from, r.to);
        }
        childMode.set(op.source, { mode: 'level', above: u.parentId, overrides });
        break;
      }
    }
  }

  // Sub-units of ended units: carried under the successor (a new row continuing the old one), or — under an
  // abolished level — territorial units attached to the level above and the level's own offices ended with it.
  const explicit = new Set(ended.keys());
  const childrenOf = new Map<string, UnitRow[]>();
  for (const u of allUnits) if (u.parentId && validOn(u, eff)) childrenOf.set(u.parentId, [...(childrenOf.get(u.parentId) ?? []), u]);
  /** Follows routes while they point at an existing unit that this plan ends too (A merged into B, B renamed). */
  const finalTarget = (x: string): string => {
    const seen = new Set<string>();
    while (!x.startsWith('#') && ended.has(x) && directRoutes.has(x) && !seen.has(x)) {
      seen.add(x);
      x = directRoutes.get(x)!;
    }
    return x;
  };
  const queue: Array<{ id: string; newParent: string | null }> = [...explicit].map((id) => ({ id, newParent: null }));
  while (queue.length) {
    const { id, newParent } = queue.shift()!;
    const mode = childMode.get(id) ?? { mode: 'carry' as const };
    for (const c of childrenOf.get(id) ?? []) {
      if (explicit.has(c.id)) continue;
      if (ended.has(c.id)) continue;
      if (c.validFrom > endDate) {
        errors.push(err(`${c.name} bắt đầu từ ${c.validFrom}, sau khi đơn vị cấp trên kết thúc`, `${c.name} starts on ${c.validFrom}, after its parent ends`, `${c.name} commence le ${c.validFrom}, après la fin de son parent`));
        continue;
      }
      ended.set(c.id, c);
      if (mode.mode === 'level') {
        const override = mode.overrides.get(c.id);
        if (override) {
          directRoutes.set(c.id, override);
          childMode.set(c.id, { mode: 'carry' });
          queue.push({ id: c.id, newParent: override });
        } else if (UNIT_KINDS[c.kind as UnitKind]?.territorial && mode.above) {
          const ref = copy(c, finalTarget(mode.above));
          directRoutes.set(c.id, ref);
          lineage.push({ from: c.id, to: ref, kind: 'move' });
          queue.push({ id: c.id, newParent: ref });
        } else {
          // An office of the abolished level: it ends with it; its open work follows the level's.
          childMode.set(c.id, { mode: 'carry' });
          queue.push({ id: c.id, newParent: null });
        }
        continue;
      }
      const direct = directRoutes.get(id);
      const parent = newParent ?? (direct ? finalTarget(direct) : undefined);
      if (!parent) continue;
      const ref = copy(c, parent);
      directRoutes.set(c.id, ref);
      lineage.push({ from: c.id, to: ref, kind: 'move' });
      queue.push({ id: c.id, newParent: ref });
    }
  }

  // Resolve routes through chains (A merged into B, B merged into C in the same plan) and through parents.
  const routes = new Map<string, string>();
  const resolveRoute = (id: string): string | undefined => {
    const seen = new Set<string>();
    let x: string | undefined = id;
    let last: string | undefined;
    while (x && !seen.has(x)) {
      seen.add(x);
      const direct = directRoutes.get(x);
      if (direct) {
        last = direct;
        x = direct.startsWith('#') ? undefined : ended.has(direct) ? direct : undefined;
        continue;
      }
      // Ended without a route of its own (an office of an abolished level): its parent's route.
      const u = byId.get(x);
      x = u?.parentId && ended.has(u.parentId) ? u.parentId : undefined;
    }
    return last;
  };
  for (const id of ended.keys()) {
    const r = resolveRoute(id);
    if (r) routes.set(id, r);
    else errors.push(err(`${nameOf(id)}: không xác định được đơn vị nhận công việc đang giải quyết`, `${nameOf(id)}: no unit takes over its open work`, `${nameOf(id)} : aucune unité ne reprend son travail en cours`));
  }

  // New units: parents exist, are valid, are not ended by the plan, and are of an allowed kind.
  for (const s of newUnits) {
    if (!s.parent) {
      if (!ALLOWED_PARENTS[s.kind].includes(null)) errors.push(err(`${s.name} cần đơn vị cấp trên`, `${s.name} needs a parent unit`, `${s.name} doit avoir une unité parente`));
      continue;
    }
    if (!s.parent.startsWith('#')) {
      const p = byId.get(s.parent);
      if (!p) {
        errors.push(err(`${s.name}: đơn vị cấp trên không tồn tại`, `${s.name}: the parent unit does not exist`, `${s.name} : l'unité parente n'existe pas`));
        continue;
      }
      if (ended.has(p.id)) {
        errors.push(err(`${s.name}: đơn vị cấp trên ${p.name} kết thúc theo phương án này`, `${s.name}: its parent ${p.name} ends with this plan`, `${s.name} : son parent ${p.name} prend fin avec ce plan`));
        continue;
      }
      if (!validOn(p, eff)) errors.push(err(`${s.name}: đơn vị cấp trên ${p.name} không còn hiệu lực`, `${s.name}: its parent ${p.name} is not valid on ${eff}`, `${s.name} : son parent ${p.name} n'est pas valide le ${eff}`));
    } else if (!specs.has(s.parent)) {
      errors.push(err(`${s.name}: không có đơn vị mới ${s.parent}`, `${s.name}: no new unit ${s.parent}`, `${s.name} : aucune nouvelle unité ${s.parent}`));
      continue;
    }
    const pk = kindOf(s.parent) as UnitKind | undefined;
    if (pk && !ALLOWED_PARENTS[s.kind].includes(pk)) {
      errors.push(err(`${s.name} (${UNIT_KINDS[s.kind].vi}) không thể trực thuộc ${nameOf(s.parent)} (${UNIT_KINDS[pk].vi})`, `${s.name} (${s.kind}) cannot sit under ${nameOf(s.parent)} (${pk})`, `${s.name} (${s.kind}) ne peut relever de ${nameOf(s.parent)} (${pk})`));
    }
  }

  // Creation order: parents first.
  const ordered: UnitSpec[] = [];
  const placed = new Set<string>();
  const place = (s: UnitSpec, depth = 0) => {
    if (placed.has(s.ref) || depth > 50) return;
    if (s.parent.startsWith('#')) {
      const p = specs.get(s.parent);
      if (p) place(p, depth + 1);
    }
    placed.add(s.ref);
    ordered.push(s);
  };
  newUnits.forEach((s) => place(s));

  return {
    title: body.title,
    decisionRef: body.decisionRef,
    effectiveDate: eff,
    endDate,
    effectiveAt: new Date(`${eff}T00:00:00+07:00`),
    newUnits: ordered,
    ended,
    routes,
    lineage,
    errors,
    resolutions: body.resolutions ?? {},
    nameOf,
    target: (unitId) => routes.get(unitId) ?? unitId,
  };
}
