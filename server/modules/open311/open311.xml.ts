/** The few XML shapes of GeoReport v2, written by hand: every text is escaped; null is an empty element. */
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
// Characters XML 1.0 cannot carry at all.
// eslint-disable-next-line no-control-regex
const stripInvalid = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

export type XmlValue = string | number | boolean | null | undefined;

/** `<root><item><k>v</k>…</item>…</root>` with the XML declaration. */
export function toXml(root: string, item: string, rows: Array<Record<string, XmlValue>>): string {
  const body = rows
    .map((r) => `<${item}>${Object.entries(r).map(([k, v]) => (v === null || v === undefined || v === '' ? `<${k}/>` : `<${k}>${escapeXml(stripInvalid(String(v)))}</${k}>`)).join('')}</${item}>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}
