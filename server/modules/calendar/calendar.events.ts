/**
 * The calendar-change hook. A calendar change never rewrites a stored deadline by itself (deadlines.md §2.5: the
 * appointment is frozen on the dossier). Instead, after each committed change, listeners receive the new version,
 * the dates that changed and the layer's `recomputeOpenDeadlines` policy; the dossier module decides what to do
 * (recompute its open dossiers' appointments and keep the history, or keep them).
 *
 * Delivery is in-process and after COMMIT (never for a rolled-back change). A process that was down, or another
 * server process, catches up from `calendar_versions`, which holds the same facts durably (`changes` column).
 */
import type { Actor } from '../audit/audit.service.ts';

/** What a listener receives. */
export interface CalendarChangedEvent {
  /** The new calendar version number, and the one before. */
  version: number;
  previousVersion: number;
  /** Kind of change: entry.add, entry.remove, settings.update, rules.update, import. */
  action: string;
  reason: string;
  /** The changed layer; `unitId` null = the national calendar (every unit may be affected). */
  calendarId: string;
  unitId: string | null;
  /** Dates whose working status, kind or reason changed ('YYYY-MM-DD'), for the changed layer's unit. */
  changedDates: string[];
  /** Office hours or cut-off changed. */
  sessionsChanged: boolean;
  /** The changed layer's policy: recompute open dossiers' deadlines (true) or keep them (false). */
  recomputeOpenDeadlines: boolean;
  actor: Actor;
  at: Date;
}

export type CalendarChangedListener = (event: CalendarChangedEvent) => void | Promise<void>;

const listeners = new Set<CalendarChangedListener>();

/**
 * Subscribes to committed calendar changes. Returns the unsubscribe function.
 * A listener's failure is reported to `onError` (default: stderr) and never fails the change, which is committed.
 */
export function onCalendarChanged(listener: CalendarChangedListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

let onError: (err: unknown, event: CalendarChangedEvent) => void = (err, event) => {
  console.error(`calendar change listener failed for version ${event.version}:`, err);
};

/** Replaces the reporter of listener failures (e.g. with the server's logger). */
export function setCalendarListenerErrorHandler(handler: (err: unknown, event: CalendarChangedEvent) => void): void {
  onError = handler;
}

/** Calls every listener in turn; used by the service after COMMIT. */
export async function emitCalendarChanged(event: CalendarChangedEvent): Promise<void> {
  for (const l of [...listeners]) {
    try {
      await l(event);
    } catch (err) {
      onError(err, event);
    }
  }
}
