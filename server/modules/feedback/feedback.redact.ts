/**
 * Removal of personal data before publication: the sender's name, e-mail addresses, phone numbers, ID numbers
 * (9 or 12 digits), dossier codes (they open the tracking page with 4 digits) and the sender's address.
 * The result is plain text; pages render it escaped.
 */
export const REDACTED = '[…]';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function redactPersonalData(text: string, known: { name?: string | null; address?: string | null; dossierCode?: string | null } = {}): string {
  let out = text;
  for (const v of [known.name, known.address, known.dossierCode]) {
    if (v && v.trim().length >= 3) out = out.replace(new RegExp(escapeRe(v.trim()), 'giu'), REDACTED);
  }
  out = out.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, REDACTED);
  // Phone numbers and ID numbers: runs of 9+ digits (a date has 8), allowing spaces, dots and dashes inside.
  out = out.replace(/(\+?\d[\d .-]{6,}\d)/g, (m) => (m.replace(/\D/g, '').length >= 9 ? REDACTED : m));
  // Dossier codes like 000.00.06.H56-250701-0001 or TTPVHCCXTY-250701-0001.
  out = out.replace(/\b[\w.]+-\d{6}-\d{4}\b/g, REDACTED);
  return out;
}
