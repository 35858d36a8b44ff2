/** Names of the dossier module's pg-boss queues. */
export const NOTIFY_JOB = 'dossiers.notify';
export const REMINDER_JOB = 'dossiers.step-reminders';
export const ESCALATION_JOB = 'dossiers.escalate-overdue';

/** What a notification job carries. `key` makes a retried job skip the channels it already sent. */
export interface NotifyJobData {
  dossierId: string;
  kind: 'received' | 'supplement_requested' | 'result_ready' | 'apology' | 'step_reminder' | 'step_escalation';
  key: string;
  stepSeq?: number;
}
