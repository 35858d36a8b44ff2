import { dossiersParticipant } from './dossiers.ts';
import { feedbackParticipant, mailboxesParticipant } from './feedback.ts';
import { grantsParticipant } from './grants.ts';
import { portalParticipant } from './portal.ts';
import { proceduresParticipant } from './procedures.ts';
import { recommendationsParticipant, reformTasksParticipant } from './reform.ts';
import type { Participant } from './types.ts';
import { unitsParticipant } from './units.ts';

/**
 * The registry: one participant per domain, run in this order (the units first: the others point at the units
 * it creates). A new domain that keeps work per unit adds its participant here.
 */
export const PARTICIPANTS: ReadonlyArray<Participant<never>> = [
  unitsParticipant,
  grantsParticipant,
  proceduresParticipant,
  dossiersParticipant,
  feedbackParticipant,
  mailboxesParticipant,
  portalParticipant,
  reformTasksParticipant,
  recommendationsParticipant,
] as unknown as ReadonlyArray<Participant<never>>;

export type { Participant, Collected, ExecContext, Item, ConflictItem } from './types.ts';
