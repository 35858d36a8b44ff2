/**
 * A CCCD-like page (căn cước công dân) rendered to PDF with pdfkit and the app's font (platform/pdf.ts), for the
 * OCR integration test, the browser journey and the bench. `SCAN_APPLICANT` holds what should be read from it.
 */
import { newPdf, pdfToBuffer } from '../../platform/pdf.ts';

export const SCAN_APPLICANT = {
  idNumber: '001190012345',
  name: 'Nguyễn Thị Hồng Nhung',
  dateOfBirth: '1990-03-15',
  sex: 'female',
  address: 'Thôn Đồng Mạ, xã Tiên Yên, huyện Tiên Yên, tỉnh Quảng Ninh',
  phone: '0912345678',
  email: 'nhung.nguyen@example.vn',
} as const;

/** A PDF of `pages` identical CCCD-like pages (A4, 13 pt Liberation Serif or DejaVu Serif). */
export async function renderCccdPdf(pages = 1): Promise<Buffer> {
  const doc = newPdf({ title: 'Căn cước công dân (mẫu thử)' });
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    doc.font('B').fontSize(14).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
    doc.font('B').fontSize(16).text('CĂN CƯỚC CÔNG DÂN', { align: 'center' }).moveDown();
    doc.font('R').fontSize(13);
    const lines = [
      `Số / No.: ${SCAN_APPLICANT.idNumber}`,
      'Họ và tên / Full name:',
      SCAN_APPLICANT.name.toLocaleUpperCase('vi'),
      'Ngày sinh / Date of birth: 15/03/1990',
      'Giới tính / Sex: Nữ      Quốc tịch / Nationality: Việt Nam',
      'Quê quán / Place of origin: Xã Đông Hải, huyện Tiên Yên, Quảng Ninh',
      'Nơi thường trú / Place of residence: Thôn Đồng Mạ, xã Tiên Yên,',
      'huyện Tiên Yên, tỉnh Quảng Ninh',
      'Điện thoại: 0912 345 678',
      `Thư điện tử: ${SCAN_APPLICANT.email}`,
    ];
    for (const l of lines) doc.text(l).moveDown(0.4);
  }
  return pdfToBuffer(doc);
}
