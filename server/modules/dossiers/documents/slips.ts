/**
 * The printed slips of a dossier (phiếu, giấy) as PDF: pure rendering from the data the dossier module gives
 * (`getDossierForSlip`), with the wording of the form set of the dossier's rule set:
 *
 *   rule set      form set                                        one-stop unit named
 *   nd61_2018     Thông tư 01/2018/TT-VPCP, Mẫu 01–06            Bộ phận Tiếp nhận và Trả kết quả
 *   nd118_2025    Thông tư 03/2025/TT-VPCP, Phụ lục I           Bộ phận Một cửa
 *
 * Certainty of the wording (tags of ../shared/domain/README.md): form titles and numbers are marked per form in
 * FORM_SETS; the body sentences follow the layout of Mẫu 01/02 of TT 01/2018 as remembered and as printed by
 * provincial systems [R], except where a comment says otherwise. Nothing here is confirmed against the official
 * text of TT 03/2025 Appendix I (not available when this was written): the 2025 set repeats the 2018 sentences
 * with the 2025 names. Official dates follow Decree 30/2020 Appendix I (a leading zero for days 1–9 and for
 * months 1 and 2) [V].
 */
import { newPdf, drawOfficialHeader, drawQr, pdfToBuffer } from '../../../platform/pdf.ts';
import { DOCUMENT_FORMS, TIME_UNITS, type DocumentForm, type TimeUnit } from '../../procedures/index.ts';
import { CHANNELS, OUTCOMES, RETURN_METHODS, type Channel, type Outcome, type ReturnMethod, type RuleSet } from '../dossiers.kinds.ts';
import type { DossierSlip } from '../dossiers.documents.ts';

export const SLIP_KINDS = ['receipt', 'control', 'supplement', 'refusal', 'apology', 'guidance', 'return'] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];
/** Slips printed from a dossier (the guidance slip is printed from a guidance record: no dossier exists). */
export const DOSSIER_SLIP_KINDS = ['receipt', 'control', 'supplement', 'refusal', 'apology', 'return'] as const;
export type DossierSlipKind = (typeof DOSSIER_SLIP_KINDS)[number];

interface FormSpec {
  /** Form number in the circular's appendix, or null when the circular has no form for it. */
  number: string | null;
  title: string;
  /** Certainty of number and title: V verified, S secondary source, R recollection. */
  tag: 'V' | 'S' | 'R';
  /** motcua's own paper, under no circular: the slip names none. */
  own?: true;
}

interface FormSet {
  circular: string;
  circularShort: string;
  /** Name of the one-stop unit in the rule set's vocabulary. */
  oneStop: string;
  forms: Record<SlipKind, FormSpec>;
}

export const FORM_SETS: Record<RuleSet, FormSet> = {
  nd61_2018: {
    circular: 'Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018 của Văn phòng Chính phủ',
    circularShort: 'Thông tư số 01/2018/TT-VPCP',
    // Decree 61/2018 Art. 7: "Bộ phận Tiếp nhận và Trả kết quả" at ministry, district and commune level [R].
    oneStop: 'Bộ phận Tiếp nhận và Trả kết quả',
    forms: {
      receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', tag: 'R' },
      supplement: { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', tag: 'V' }, // printed "Theo Mẫu số 02 … TT 01/2018"
      refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', tag: 'R' },
      apology: { number: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', tag: 'R' },
      control: { number: '05', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', tag: 'R' },
      // No national form: the counter's written guidance for an incomplete dossier is Mẫu 02's purpose at receipt
      // (dossier-lifecycle.md §4.2); the title is a province's (Thanh Hóa BM-VP01.01 "phiếu hướng dẫn") [V-code].
      guidance: { number: null, title: 'PHIẾU HƯỚNG DẪN HOÀN THIỆN HỒ SƠ', tag: 'S' },
      // No national form either: at return the applicant signs the register (sổ theo dõi) and the control slip [R].
      // This is motcua's hand-over note, which carries the rating invitation (Decision 766's satisfaction survey).
      return: { number: null, title: 'PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ', tag: 'R', own: true },
    },
  },
  nd118_2025: {
    circular: 'Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Văn phòng Chính phủ',
    circularShort: 'Thông tư số 03/2025/TT-VPCP',
    oneStop: 'Bộ phận Một cửa', // Decree 118/2025 vocabulary [V]
    forms: {
      receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', tag: 'S' },
      supplement: { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', tag: 'S' },
      refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', tag: 'S' },
      // TT 03/2025 renamed Mẫu 04 (dossier-lifecycle.md §5, [S]); the letter still carries the new appointment.
      apology: { number: '04', title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', tag: 'S' },
      // Mẫu 05 became the notice of stopping; the control slip moved to Mẫu 06 [S].
      control: { number: '06', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', tag: 'S' },
      guidance: { number: null, title: 'PHIẾU HƯỚNG DẪN HOÀN THIỆN HỒ SƠ', tag: 'S' },
      return: { number: null, title: 'PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ', tag: 'R', own: true },
    },
  },
};

/** The form set of a rule set (an unknown rule set falls back to the current one). */
export const formSetOf = (ruleSet: string): FormSet => FORM_SETS[ruleSet as RuleSet] ?? FORM_SETS.nd118_2025;

/** "Mẫu số 01 – Thông tư số 01/2018/TT-VPCP", as recorded in the audit row of a print. */
export function formLabel(ruleSet: string, kind: SlipKind): string {
  const set = formSetOf(ruleSet);
  const f = set.forms[kind];
  if (f.own) return f.title.toLowerCase();
  return f.number ? `Mẫu số ${f.number} – ${set.circularShort}` : `${f.title.toLowerCase()} (${set.circularShort})`;
}

/** The issuing body in the header (left column) and the place in "Tiên Yên, ngày … tháng … năm …". */
export interface Issuer {
  parent: string;
  name: string;
  place: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates, numbers, words

const VN_OFFSET_MS = 7 * 3_600_000;
const parts = (d: Date) => {
  const s = new Date(d.getTime() + VN_OFFSET_MS).toISOString();
  return { y: s.slice(0, 4), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)), hh: s.slice(11, 13), mm: s.slice(14, 16) };
};
/** Decree 30/2020: a leading zero for days below 10 and for months 1 and 2. */
const day = (n: number) => String(n).padStart(2, '0');
const month = (n: number) => (n <= 2 ? String(n).padStart(2, '0') : String(n));

/** "ngày 02 tháng 3 năm 2026" (Vietnam time). */
export function officialDate(at: Date): string {
  const p = parts(at);
  return `ngày ${day(p.d)} tháng ${month(p.m)} năm ${p.y}`;
}

/** "09 giờ 30 phút, ngày 02 tháng 3 năm 2026" (Vietnam time), the form's wording for a moment. */
export function officialMoment(at: Date): string {
  const p = parts(at);
  return `${p.hh} giờ ${p.mm} phút, ${officialDate(at)}`;
}

/** "09 giờ 30, 02/03/2026": compact, for table cells. */
function shortMoment(at: Date): string {
  const p = parts(at);
  return `${p.hh} giờ ${p.mm}, ${day(p.d)}/${String(p.m).padStart(2, '0')}/${p.y}`;
}

const placeDate = (issuer: Issuer, at: Date) => `${issuer.place}, ${officialDate(at)}`;

/** 15000 → "15.000 đồng". */
const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đồng`;

/** The statutory time limit in words: "5 ngày làm việc", "0,5 ngày làm việc", "trong ngày". */
export function timeLimitText(t: { value: number; unit: string }): string {
  if (t.value === 0) return 'trong ngày làm việc tiếp nhận';
  const unit = TIME_UNITS[t.unit as TimeUnit]?.vi ?? t.unit;
  return `${String(t.value).replace('.', ',')} ${unit}`;
}

const formText = (form: string) => DOCUMENT_FORMS[form as DocumentForm]?.vi ?? form;
const two = (n: number) => String(n).padStart(2, '0');
const nfc = (s: string | null | undefined) => (s ?? '').normalize('NFC');
const BLANK = '……………………';

// ---------------------------------------------------------------------------------------------------------------
// Layout

type Doc = PDFKit.PDFDocument;
const left = (doc: Doc) => doc.page.margins.left;
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** Form reference, national heading, title and dossier code. */
function opening(doc: Doc, ruleSet: string, kind: SlipKind, issuer: Issuer, at: Date, code: string | null, codeLabel = 'Mã hồ sơ') {
  const set = formSetOf(ruleSet);
  const f = set.forms[kind];
  if (!f.own) doc.font('I').fontSize(9).text(f.number ? `Mẫu số ${f.number} – Ban hành kèm theo ${set.circular}` : `Theo ${set.circular}`, { align: 'right' });
  doc.moveDown(0.4);
  drawOfficialHeader(doc, { parent: nfc(issuer.parent), name: nfc(issuer.name) }, nfc(placeDate(issuer, at)));
  doc.font('B').fontSize(14).text(f.title, { align: 'center' });
  if (code) doc.font('B').fontSize(12).text(`${codeLabel}: ${code}`, { align: 'center' });
  doc.moveDown(0.8);
}

/** "Label: value" with the value in bold; an empty value prints the form's dotted blank. */
function field(doc: Doc, label: string, value: string | null | undefined) {
  doc.font('R').fontSize(12).text(`${label}: `, left(doc), doc.y, { continued: true, width: contentWidth(doc) });
  doc.font('B').text(nfc(value) || BLANK);
}

function para(doc: Doc, text: string, opts: PDFKit.Mixins.TextOptions = {}) {
  doc.font('R').fontSize(12).text(nfc(text), left(doc), doc.y, { width: contentWidth(doc), align: 'justify', ...opts });
}

function numbered(doc: Doc, items: string[]) {
  items.forEach((it, i) => doc.font('R').fontSize(12).text(`${i + 1}. ${nfc(it)}`, left(doc) + 14, doc.y, { width: contentWidth(doc) - 14, align: 'justify' }));
}

interface Col {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A bordered table; widths are fractions of the content width. The header row repeats on each new page. */
function table(doc: Doc, cols: Col[], rows: string[][], fontSize = 10.5) {
  const total = contentWidth(doc);
  const widths = cols.map((c) => c.width * total);
  const pad = 3;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: string[], font: string) => {
    const h = heightOf(cells, font);
    const y = doc.y;
    let x = left(doc);
    doc.lineWidth(0.6);
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i], h).stroke();
      doc.font(font).fontSize(fontSize).text(c, x + pad, y + pad, { width: widths[i] - 2 * pad, align: cols[i].align ?? 'left' });
      x += widths[i];
    });
    doc.x = left(doc);
    doc.y = y + h;
  };
  const header = cols.map((c) => c.header);
  ensureSpace(doc, heightOf(header, 'B') + (rows[0] ? heightOf(rows[0].map(nfc), 'R') : 0));
  draw(header, 'B');
  for (const r of rows) {
    const cells = r.map(nfc);
    if (doc.y + heightOf(cells, 'R') > bottom(doc)) {
      doc.addPage();
      draw(header, 'B');
    }
    draw(cells, 'R');
  }
  doc.moveDown(0.6);
}

/** Signature blocks side by side (null = an empty column): title, "(Ký và ghi rõ họ tên)", and the name when known. */
function signatures(doc: Doc, blocks: Array<{ title: string; note?: string; name?: string | null } | null>) {
  ensureSpace(doc, 120);
  doc.moveDown(0.6);
  const y = doc.y;
  const w = contentWidth(doc) / blocks.length;
  blocks.forEach((b, i) => {
    if (!b) return; // an empty column: the block stands on the right, as on the forms
    const x = left(doc) + i * w;
    doc.font('B').fontSize(12).text(b.title, x, y, { width: w, align: 'center' });
    doc.font('I').fontSize(11).text(b.note ?? '(Ký và ghi rõ họ tên)', x, doc.y, { width: w, align: 'center' });
    if (b.name) doc.font('B').fontSize(12).text(nfc(b.name), x, y + 86, { width: w, align: 'center' });
  });
  doc.x = left(doc);
  doc.y = y + 110;
}

function applicantLines(doc: Doc, a: DossierSlip['applicant']) {
  field(doc, a.kind === 'organisation' ? 'Tên tổ chức' : 'Họ và tên', a.name);
  if (a.representative) field(doc, 'Người được ủy quyền', a.representative);
  field(doc, a.kind === 'organisation' ? 'Mã số doanh nghiệp, tổ chức' : 'Số định danh cá nhân (CCCD, hộ chiếu)', a.idNumber);
  field(doc, 'Địa chỉ', a.address);
  doc.font('R').fontSize(12).text('Số điện thoại: ', left(doc), doc.y, { continued: true }).font('B').text(nfc(a.phone) || BLANK, { continued: true }).font('R').text('     Email: ', { continued: true }).font('B').text(nfc(a.email) || BLANK);
}

function finish(doc: Doc): Promise<Buffer> {
  return pdfToBuffer(doc);
}

// ---------------------------------------------------------------------------------------------------------------
// Slips

export interface ReceiptInput {
  slip: DossierSlip;
  issuer: Issuer;
  /** Public tracking URL encoded in the QR code and printed beside it. */
  trackingUrl: string;
}

/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01): code, applicant, procedure, the documents received with the
 * number of originals and copies, receipt and appointment moments, where the result is returned, fees, the
 * receiving official, and a QR code to the tracking page.
 */
export async function renderReceiptSlip({ slip, issuer, trackingUrl }: ReceiptInput): Promise<Buffer> {
  const doc = newPdf({ title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${slip.code}`, subject: formLabel(slip.ruleSet, 'receipt') });
  const set = formSetOf(slip.ruleSet);
  opening(doc, slip.ruleSet, 'receipt', issuer, slip.receivedAt, slip.code);
  para(doc, `${nfc(issuer.name)} (${set.oneStop}) đã tiếp nhận hồ sơ của:`);
  applicantLines(doc, slip.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', slip.procedure.name);
  field(doc, 'Mã thủ tục hành chính', slip.procedure.nationalCode ?? slip.procedure.code);
  if (slip.summary) field(doc, 'Trích yếu', slip.summary);
  field(doc, 'Hình thức nộp', CHANNELS[slip.channel as Channel]?.vi ?? slip.channel);
  doc.moveDown(0.3);
  para(doc, '1. Thành phần hồ sơ nộp gồm:');
  const received = slip.documents.filter((d) => d.received);
  table(
    doc,
    [
      { header: 'TT', width: 0.07, align: 'center' },
      { header: 'Tên giấy tờ', width: 0.5 },
      { header: 'Bản chính', width: 0.11, align: 'center' },
      { header: 'Bản sao', width: 0.11, align: 'center' },
      { header: 'Ghi chú', width: 0.21 },
    ],
    received.map((d, i) => {
      const original = d.form === 'original' ? two(d.copies) : '';
      const copy = d.form === 'copy' || d.form === 'certified_copy' ? two(d.copies) : '';
      const notes = [d.form === 'certified_copy' ? 'Có chứng thực' : '', d.form === 'presented' ? 'Xuất trình bản chính, không lưu' : '', d.digitised ? 'Đã số hóa' : ''].filter(Boolean);
      return [String(i + 1), d.name, original, copy, notes.join('; ')];
    }),
  );
  para(doc, '2. Số lượng hồ sơ: 01 (bộ)');
  para(doc, `3. Thời gian giải quyết hồ sơ theo quy định: ${timeLimitText(slip.procedure.processingTime)}`);
  para(doc, `4. Thời gian nhận hồ sơ: ${officialMoment(slip.receivedAt)}`);
  para(doc, `5. Thời gian trả kết quả giải quyết hồ sơ: ${slip.appointmentAt ? officialMoment(slip.appointmentAt) : 'trả kết quả ngay khi giải quyết xong'}`);
  // Returned where it was received: name the one-stop unit that issued this slip rather than its territorial unit.
  para(doc, `6. Đăng ký nhận kết quả tại: ${nfc(slip.returningUnit.id === slip.receptionUnit.id ? issuer.name : slip.returningUnit.name)}`);
  const fees = slip.procedure.fees.filter((f) => f.amount > 0);
  para(doc, `7. Phí, lệ phí: ${fees.length ? fees.map((f) => `${nfc(f.name)}: ${money(f.amount)}`).join('; ') : 'không thu'}`);
  doc.moveDown(0.5);

  // QR code with its caption: tracking without signing in (code + last 4 digits of phone or ID number).
  const qrSize = 86;
  ensureSpace(doc, qrSize + 10);
  const y = doc.y;
  drawQr(doc, trackingUrl, left(doc), y, qrSize);
  const capX = left(doc) + qrSize + 12;
  const capW = contentWidth(doc) - qrSize - 12;
  doc.font('B').fontSize(11).text('Tra cứu tình trạng hồ sơ', capX, y + 6, { width: capW });
  doc.font('R').fontSize(10.5).text('Quét mã QR hoặc truy cập địa chỉ dưới đây, nhập mã hồ sơ và 4 số cuối của số điện thoại hoặc số giấy tờ tùy thân:', capX, doc.y, { width: capW });
  // The address on one line of its own: a line break inside it would print a broken link.
  doc.font('R').fontSize(trackingUrl.length > 64 ? 8.5 : 10.5).text(trackingUrl, capX, doc.y, { width: capW, lineBreak: false });
  // The applicant brings the slip to collect the result, or shows an identity document if it is lost [V, provincial procedures under 118/2025].
  doc.font('I').fontSize(10.5).text('Lưu ý: Ông/bà mang theo Giấy tiếp nhận này khi đến nhận kết quả; trường hợp mất Giấy tiếp nhận, xuất trình giấy tờ tùy thân.', capX, doc.y + 2, { width: capW });
  doc.x = left(doc);
  doc.y = Math.max(doc.y, y + qrSize) + 8;

  signatures(doc, [
    { title: 'NGƯỜI NỘP HỒ SƠ', name: slip.applicant.representative ?? slip.applicant.name },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: slip.receivedBy?.name ?? null },
  ]);
  return finish(doc);
}

/** One hand-off of the control slip, with the due moment of the step that handed over (what the result is judged against). */
export interface ControlRow {
  from: string;
  to: string;
  at: Date;
  due: Date | null;
  outcome: Outcome | null;
  note: string;
}

export interface ControlInput {
  slip: DossierSlip;
  issuer: Issuer;
  /** The competent authority as named in sentences ("Ủy ban nhân dân xã Tiên Yên"). */
  authorityName: string;
  rows: ControlRow[];
  printedAt: Date;
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of 2018, 06 of 2025): one row per hand-off. */
export async function renderControlSlip({ slip, issuer, authorityName, rows, printedAt }: ControlInput): Promise<Buffer> {
  const doc = newPdf({ title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${slip.code}`, subject: formLabel(slip.ruleSet, 'control') });
  opening(doc, slip.ruleSet, 'control', issuer, printedAt, slip.code);
  // "Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả" line: layout of the 2018 form [R].
  para(doc, `Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả mã số: ${slip.code}`, { align: 'center' });
  doc.moveDown(0.3);
  field(doc, 'Người nộp hồ sơ', slip.applicant.name);
  field(doc, 'Thủ tục hành chính', slip.procedure.name);
  field(doc, 'Cơ quan giải quyết hồ sơ', authorityName);
  field(doc, 'Thời gian nhận hồ sơ', officialMoment(slip.receivedAt));
  field(doc, 'Thời gian hẹn trả kết quả', slip.appointmentAt ? officialMoment(slip.appointmentAt) : null);
  doc.moveDown(0.4);
  table(
    doc,
    [
      { header: 'TT', width: 0.05, align: 'center' },
      { header: 'Bên giao (cơ quan, người giao)', width: 0.2 },
      { header: 'Bên nhận (cơ quan, người nhận)', width: 0.2 },
      { header: 'Thời gian giao, nhận', width: 0.14 },
      { header: 'Hạn xử lý của bên giao', width: 0.14 },
      { header: 'Kết quả (trước hạn, đúng hạn, quá hạn)', width: 0.14, align: 'center' },
      { header: 'Ghi chú', width: 0.13 },
    ],
    rows.map((r, i) => [String(i + 1), r.from, r.to, shortMoment(r.at), r.due ? shortMoment(r.due) : '', r.outcome ? OUTCOMES[r.outcome].vi : '', r.note]),
    9.5,
  );
  para(doc, 'Kết quả của mỗi lần giao, nhận so sánh thời gian bên giao đã dùng với thời hạn của bước xử lý đó: trước hạn, đúng hạn hoặc quá hạn.', { align: 'left' });
  doc.font('I').fontSize(10).text(`In ${officialMoment(printedAt)}.`, left(doc), doc.y + 4, { width: contentWidth(doc), align: 'right' });
  return finish(doc);
}

export interface SupplementInput {
  slip: DossierSlip;
  issuer: Issuer;
  supplement: { requestedAt: Date; reason: string; items: string[]; phase: string };
  /** The official who guides the applicant (signs the slip). */
  guideName: string | null;
}

/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): what to add, why, and that the clock is paused meanwhile. */
export async function renderSupplementSlip({ slip, issuer, supplement, guideName }: SupplementInput): Promise<Buffer> {
  const doc = newPdf({ title: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ${slip.code}`, subject: formLabel(slip.ruleSet, 'supplement') });
  opening(doc, slip.ruleSet, 'supplement', issuer, supplement.requestedAt, slip.code);
  field(doc, 'Hồ sơ của', slip.applicant.name);
  field(doc, 'Nội dung yêu cầu giải quyết', slip.procedure.name);
  field(doc, 'Thời gian tiếp nhận', officialMoment(slip.receivedAt));
  doc.moveDown(0.3);
  para(doc, supplement.phase === 'processing' ? 'Qua thẩm định, cơ quan giải quyết đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:' : 'Sau khi kiểm tra, đối chiếu thành phần hồ sơ, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
  numbered(doc, supplement.items);
  doc.moveDown(0.3);
  field(doc, 'Lý do', supplement.reason);
  para(doc, `Thời gian ông/bà bổ sung, hoàn thiện hồ sơ (tính từ ${officialMoment(supplement.requestedAt)}) không tính vào thời hạn giải quyết; ngày hẹn trả kết quả sẽ được thông báo lại khi nhận đủ hồ sơ bổ sung.`);
  para(doc, `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với ${nfc(guideName) || BLANK} tại ${nfc(issuer.name)} để được hướng dẫn./.`);
  signatures(doc, [{ title: 'NGƯỜI NHẬN PHIẾU', name: slip.applicant.representative ?? slip.applicant.name }, { title: 'NGƯỜI HƯỚNG DẪN', name: guideName }]);
  return finish(doc);
}

export interface RefusalInput {
  slip: DossierSlip;
  /** The competent authority, which decides the refusal. */
  issuer: Issuer;
  /** The one-stop unit that received the dossier, as named in sentences. */
  receptionName: string;
  reasons: string[];
  at: Date;
}

/**
 * Phiếu từ chối (Mẫu 03): the dossier is not settled, with the reasons. In motcua a refusal is decided on the merits
 * after receipt (the refusal is the result); the form title is Mẫu 03's. Body wording [R].
 */
export async function renderRefusalSlip({ slip, issuer, receptionName, reasons, at }: RefusalInput): Promise<Buffer> {
  const doc = newPdf({ title: `Phiếu từ chối giải quyết hồ sơ ${slip.code}`, subject: formLabel(slip.ruleSet, 'refusal') });
  opening(doc, slip.ruleSet, 'refusal', issuer, at, slip.code);
  para(doc, `${nfc(receptionName)} đã tiếp nhận hồ sơ của:`);
  applicantLines(doc, slip.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', slip.procedure.name);
  field(doc, 'Thời gian tiếp nhận', officialMoment(slip.receivedAt));
  doc.moveDown(0.3);
  para(doc, `Qua xem xét, ${nfc(issuer.name)} từ chối giải quyết hồ sơ của ông/bà với lý do cụ thể như sau:`);
  numbered(doc, reasons.length ? reasons : [BLANK]);
  doc.moveDown(0.3);
  para(doc, 'Xin thông báo để ông/bà được biết và thực hiện./.');
  signatures(doc, [{ title: 'NGƯỜI NHẬN PHIẾU', name: slip.applicant.representative ?? slip.applicant.name }, { title: 'ĐẠI DIỆN CƠ QUAN GIẢI QUYẾT', note: '(Ký, ghi rõ họ tên và đóng dấu)' }]);
  return finish(doc);
}

export interface ApologyInput {
  slip: DossierSlip;
  /** The competent authority, which apologises. */
  issuer: Issuer;
  /** The one-stop unit that received the dossier, as named in sentences. */
  receptionName: string;
  apology: NonNullable<DossierSlip['apology']>;
  /** "Bước 2 – Phòng Kinh tế": the step and unit that made the dossier late. */
  lateStep: string | null;
}

/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả (2018 Mẫu 04; 2025: "văn bản xin lỗi và đề nghị gia hạn", [S]):
 * applicant, procedure, code, the appointment missed, the reason, the new appointment, the apology. Content per
 * HCMC QĐ 5157/QĐ-UBND summary [V]; sentences [R].
 */
export async function renderApologySlip({ slip, issuer, receptionName, apology, lateStep }: ApologyInput): Promise<Buffer> {
  const doc = newPdf({ title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${slip.code}`, subject: formLabel(slip.ruleSet, 'apology') });
  opening(doc, slip.ruleSet, 'apology', issuer, apology.issuedAt, slip.code);
  para(doc, `Ngày ${officialDate(slip.receivedAt).replace(/^ngày /, '')}, ${nfc(receptionName)} tiếp nhận hồ sơ của ông/bà ${nfc(slip.applicant.name)} đề nghị giải quyết thủ tục "${nfc(slip.procedure.name)}", mã hồ sơ ${slip.code}.`);
  field(doc, 'Thời gian hẹn trả kết quả', apology.previousAppointmentAt ? officialMoment(apology.previousAppointmentAt) : null);
  para(doc, `Đến nay, ${nfc(issuer.name)} chưa giải quyết xong hồ sơ của ông/bà đúng thời hạn đã hẹn.`);
  field(doc, 'Lý do', apology.reason);
  if (lateStep) field(doc, 'Bước xử lý chậm', lateStep);
  doc.moveDown(0.3);
  para(doc, `${nfc(issuer.name)} xin lỗi ông/bà vì sự chậm trễ này và xin hẹn lại thời gian trả kết quả là: ${officialMoment(apology.newAppointmentAt)}.`);
  para(doc, 'Rất mong nhận được sự thông cảm của ông/bà./.');
  signatures(doc, [null, { title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký, ghi rõ họ tên và đóng dấu)' }]);
  return finish(doc);
}

export interface GuidanceInput {
  ruleSet: RuleSet;
  issuer: Issuer;
  /** Printed reference of the guidance record ("HD-…"); the dossier has no code: it was not received. */
  reference: string;
  createdAt: Date;
  applicant: { kind?: string; name: string; idNumber?: string | null; phone?: string | null; email?: string | null; address?: string | null; representative?: string | null };
  procedureName: string;
  missing: Array<{ index: number; name: string; form: string; count: number }>;
  officialName: string | null;
}

/**
 * Phiếu hướng dẫn hoàn thiện hồ sơ: the counter's written list of what is missing when an incomplete dossier is
 * refused at receipt (never silently accepted). No national form number; see FORM_SETS.guidance.
 */
export async function renderGuidanceSlip(g: GuidanceInput): Promise<Buffer> {
  const doc = newPdf({ title: `Phiếu hướng dẫn hoàn thiện hồ sơ ${g.reference}`, subject: formLabel(g.ruleSet, 'guidance') });
  const set = formSetOf(g.ruleSet);
  opening(doc, g.ruleSet, 'guidance', g.issuer, g.createdAt, g.reference, 'Số phiếu');
  para(doc, `${nfc(g.issuer.name)} (${set.oneStop}) hướng dẫn ông/bà:`);
  applicantLines(doc, { kind: g.applicant.kind ?? 'individual', name: g.applicant.name, idNumber: g.applicant.idNumber ?? null, phone: g.applicant.phone ?? null, email: g.applicant.email ?? null, address: g.applicant.address ?? null, representative: g.applicant.representative ?? null });
  field(doc, 'Thủ tục đề nghị giải quyết', g.procedureName);
  doc.moveDown(0.3);
  para(doc, `Hồ sơ của ông/bà chưa đầy đủ theo quy định nên chưa được tiếp nhận. Đề nghị ông/bà bổ sung, hoàn thiện các thành phần hồ sơ sau:`);
  table(
    doc,
    [
      { header: 'TT', width: 0.07, align: 'center' },
      { header: 'Thành phần hồ sơ còn thiếu', width: 0.6 },
      { header: 'Hình thức', width: 0.2 },
      { header: 'Số lượng', width: 0.13, align: 'center' },
    ],
    g.missing.map((m, i) => [String(i + 1), m.name, formText(m.form), two(m.count)]),
  );
  para(doc, `Khi đủ hồ sơ, ông/bà nộp lại tại ${set.oneStop} hoặc trên Cổng Dịch vụ công quốc gia. Nếu có vướng mắc, ông/bà liên hệ ${nfc(g.officialName) || BLANK} để được hướng dẫn./.`);
  signatures(doc, [{ title: 'NGƯỜI NỘP HỒ SƠ', name: g.applicant.representative ?? g.applicant.name }, { title: 'NGƯỜI HƯỚNG DẪN', name: g.officialName }]);
  return finish(doc);
}

/** The rating invitation printed on the return slip: the link of the QR code and when it stops being valid. */
export interface RatingInvitation {
  url: string;
  expiresAt: Date;
}

export interface ReturnInput {
  slip: DossierSlip;
  issuer: Issuer;
  returned: { at: Date; method: string | null; receivedBy: string | null; officialName: string | null };
  /** Null when the dossier was already rated (one rating per dossier): the slip then thanks instead of inviting. */
  rating: RatingInvitation | null;
}

/** The line under the QR code of the return slip. */
export const RATING_INVITATION = 'Quét mã để đánh giá mức độ hài lòng';

/**
 * Phiếu trả kết quả giải quyết hồ sơ: motcua's hand-over note given with the result (no national form, see
 * FORM_SETS.return) — applicant, procedure, receipt, appointment and return moments, the result, how and to whom it
 * was returned — with the rating QR code (the dossier's invitation link, as the counter screen shows it) and the
 * one-line invitation to rate.
 */
export async function renderReturnSlip({ slip, issuer, returned, rating }: ReturnInput): Promise<Buffer> {
  const doc = newPdf({ title: `Phiếu trả kết quả giải quyết hồ sơ ${slip.code}`, subject: formLabel(slip.ruleSet, 'return') });
  const set = formSetOf(slip.ruleSet);
  opening(doc, slip.ruleSet, 'return', issuer, returned.at, slip.code);
  para(doc, `${nfc(issuer.name)} (${set.oneStop}) đã trả kết quả giải quyết hồ sơ cho:`);
  applicantLines(doc, slip.applicant);
  field(doc, 'Nội dung yêu cầu giải quyết', slip.procedure.name);
  field(doc, 'Thời gian nhận hồ sơ', officialMoment(slip.receivedAt));
  field(doc, 'Thời gian hẹn trả kết quả', slip.appointmentAt ? officialMoment(slip.appointmentAt) : null);
  field(doc, 'Thời gian trả kết quả', officialMoment(returned.at));
  field(doc, 'Kết quả giải quyết', slip.refusal ? 'Văn bản trả lời (không giải quyết, có nêu lý do)' : slip.procedure.resultType);
  field(doc, 'Hình thức trả kết quả', returned.method ? (RETURN_METHODS[returned.method as ReturnMethod]?.vi ?? returned.method) : null);
  field(doc, 'Người nhận kết quả', returned.receivedBy ?? slip.applicant.representative ?? slip.applicant.name);
  doc.moveDown(0.6);

  if (rating) {
    const qrSize = 86;
    ensureSpace(doc, qrSize + 10);
    const y = doc.y;
    drawQr(doc, rating.url, left(doc), y, qrSize);
    const capX = left(doc) + qrSize + 12;
    const capW = contentWidth(doc) - qrSize - 12;
    doc.font('B').fontSize(12).text(RATING_INVITATION, capX, y + 6, { width: capW });
    doc.font('R').fontSize(10.5).text(`Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn. Mỗi hồ sơ được đánh giá một lần; mã có hiệu lực đến ${officialDate(rating.expiresAt)}. Hoặc truy cập:`, capX, doc.y, { width: capW });
    // The address on one line of its own: a line break inside it would print a broken link.
    doc.font('R').fontSize(rating.url.length > 64 ? 8.5 : 10.5).text(rating.url, capX, doc.y, { width: capW, lineBreak: false });
    doc.x = left(doc);
    doc.y = Math.max(doc.y, y + qrSize) + 8;
  } else {
    para(doc, 'Hồ sơ đã được đánh giá mức độ hài lòng. Cảm ơn ông/bà đã đóng góp ý kiến.');
  }

  signatures(doc, [
    { title: 'NGƯỜI NHẬN KẾT QUẢ', name: returned.receivedBy ?? slip.applicant.representative ?? slip.applicant.name },
    { title: 'NGƯỜI TRẢ KẾT QUẢ', name: returned.officialName },
  ]);
  return finish(doc);
}
