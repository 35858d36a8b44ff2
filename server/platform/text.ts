/** Vietnamese text helpers. Every string that enters motcua is NFC; search compares accent-free lower case. */

/** Returns a deep copy of a JSON-like value with every string normalised to NFC and trimmed of NUL bytes. */
export function normalizeInput<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC').split('\u0000').join('') as T;
  if (Array.isArray(value)) return value.map(normalizeInput) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k.normalize('NFC')] = normalizeInput(v);
    return out as T;
  }
  return value;
}

/** Accent- and case-insensitive form, the same as SQL `search_norm()`: 'Nguyễn Văn Đức' → 'nguyen van duc'. */
export function searchNorm(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const viCollator = new Intl.Collator('vi');
/** Compares two strings in Vietnamese alphabetical order (for sorting in memory). */
export const compareVi = (a: string, b: string) => viCollator.compare(a, b);
