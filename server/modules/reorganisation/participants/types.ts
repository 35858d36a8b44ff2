import type { Db, Tx } from '../../../db/client.ts';
import type { Actor } from '../../audit/audit.service.ts';
import type { ChangeLog } from '../changelog.ts';
import type { CompiledPlan, L } from '../compile.ts';

export interface Item {
  id: string;
  label: string;
  from: string | null;
  to: string | null;
}

export interface ConflictItem {
  key: string;
  participant: string;
  message: L;
  options: Array<{ value: string; label: string }>;
  resolution: string | null;
}

/** What a participant found to move: the same list drives the preview's count and the execution. */
export interface Collected<T = unknown> {
  count: number;
  items: Item[];
  conflicts: ConflictItem[];
  rows: T[];
}

export interface ExecContext {
  tx: Tx;
  plan: CompiledPlan;
  planId: string;
  /** `#ref` → id of the unit created by this execution. */
  ids: Map<string, string>;
  /** An existing id as is, a `#ref` as the created id. */
  resolve(x: string): string;
  actor: Actor;
  log: ChangeLog;
  now: Date;
}

/**
 * One domain carried through a re-organisation. `collect` lists exactly the rows `execute` changes, so the preview's
 * counts are by construction what runs; `blockers` says what written on the successors since the execution forbids
 * a rollback; `afterUndo` adds what the undo log cannot (e.g. an append-only timeline entry).
 */
export interface Participant<T = unknown> {
  key: string;
  label: L;
  collect(db: Db, plan: CompiledPlan): Promise<Collected<T>>;
  execute(x: ExecContext, c: Collected<T>): Promise<number>;
  blockers?(db: Db, planId: string, executedAt: Date, successorIds: string[]): Promise<L[]>;
  afterUndo?(tx: Tx, planId: string, actor: Actor): Promise<void>;
}

export const uuidList = (ids: Iterable<string>) => [...ids];
/** The ended units' ids as a SQL-ready array literal parameter. */
export const pgArray = (ids: Iterable<string>) => `{${[...ids].join(',')}}`;
export const PREVIEW_ITEMS = 200;
