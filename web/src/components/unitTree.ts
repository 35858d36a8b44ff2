import type { UnitDto, UnitKind } from '../app/types.ts';
import { searchNorm } from '../i18n/format.ts';

export interface UnitNode {
  unit: UnitDto;
  children: UnitNode[];
  depth: number;
}

/**
 * Order of siblings: the service center first (the heart of a one-stop shop), then the territorial units below,
 * then agencies and offices. Within a group the server's Vietnamese alphabetical order is kept.
 */
const KIND_ORDER: UnitKind[] = [
  'service_center',
  'service_center_branch',
  'province',
  'district',
  'special_zone',
  'ward',
  'township',
  'commune',
  'residential_group',
  'village',
  'department',
  'specialised_office',
  'public_service_unit',
];
const rank = (k: UnitKind) => {
  const i = KIND_ORDER.indexOf(k);
  return i < 0 ? KIND_ORDER.length : i;
};

/** Siblings in display order (a copy): by kind group, then the server's alphabetical order. */
export function sortUnits<T extends { kind: UnitKind }>(units: T[]): T[] {
  return [...units].sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** Builds the forest from the flat list (by parentId); a unit whose parent is not in the list becomes a root. */
export function buildUnitTree(units: UnitDto[]): UnitNode[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as UnitNode[], depth: 0 }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sortAndDepth = (list: UnitNode[], depth: number) => {
    list.sort((a, b) => rank(a.unit.kind) - rank(b.unit.kind));
    for (const n of list) {
      n.depth = depth;
      sortAndDepth(n.children, depth + 1);
    }
  };
  sortAndDepth(roots, 0);
  return roots;
}

/** The ids of the units and of all their ancestors within `all` (to show search hits in their place in the tree). */
export function withAncestors(hits: UnitDto[], all: UnitDto[]): UnitDto[] {
  const byId = new Map(all.map((u) => [u.id, u]));
  const keep = new Map<string, UnitDto>();
  for (const h of hits) {
    let u: UnitDto | undefined = h;
    while (u && !keep.has(u.id)) {
      keep.set(u.id, u);
      u = u.parentId ? byId.get(u.parentId) : undefined;
    }
  }
  return all.filter((u) => keep.has(u.id)).concat(hits.filter((h) => !byId.has(h.id)));
}

/** Every node id of a forest. */
export function allIds(nodes: UnitNode[]): string[] {
  return nodes.flatMap((n) => [n.unit.id, ...allIds(n.children)]);
}

/** Whether a unit's name or codes contain the query, ignoring accents and case. */
export function unitMatches(u: UnitDto, query: string): boolean {
  const q = searchNorm(query.trim());
  return !q || searchNorm(u.name).includes(q) || (u.code ?? '').toLowerCase().includes(q) || (u.adminCode ?? '').includes(q);
}
