import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeCccd, extractFields, normaliseMobile, parseDmy, REVIEW_BELOW, titleCaseVi } from './ocr.fields.ts';
import { foldSameLength, joinPages, parseTsv, spanConfidence, textOnly } from './ocr.text.ts';

const TODAY = new Date('2026-11-27T00:00:00Z');
const fields = (text: string) => extractFields(textOnly(text), TODAY);
const values = (text: string) => Object.fromEntries(Object.entries(fields(text)).map(([k, f]) => [k, f.value]));

/** tesseract's output on the CCCD-like page of the integration test (psm 6), as read on this machine. */
const CCCD_OCR = `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CAN CƯƠC CONG DÂN
Số /No.: 001190012345
Họ và tên / Full name:
NGUYỄN THỊ HỒNG NHUNG
Ngày sinh / Date of birth: 15/03/1990
Giới tính/Sex: Nữ Quốc tịch / Nationality: Việt Nam
Quê quán / Place of origin: Xã Đông Hải, huyện Tiên Yên, Quảng Ninh
Nơi thường trú / Place of residence: Thôn Đồng Mạ, xã Tiên Yên,
huyện Tiên Yên, tỉnh Quảng Ninh
Điện thoại: 0912 345 678 Thư điện tử: nhung.nguyen(@example.vn`;

describe('field extraction from recognised text', () => {
  test('reads every field of a CCCD-like page: name in title case with its accents, ID, ISO date, sex, two-line address, phone, e-mail', () => {
    const f = fields(CCCD_OCR);
    assert.deepEqual(values(CCCD_OCR), {
      idNumber: '001190012345',
      name: 'Nguyễn Thị Hồng Nhung',
      dateOfBirth: '1990-03-15',
      sex: 'female',
      address: 'Thôn Đồng Mạ, xã Tiên Yên, huyện Tiên Yên, tỉnh Quảng Ninh',
      phone: '0912345678',
      email: 'nhung.nguyen@example.vn',
    });
    assert.equal(f.idNumber!.kind, 'cccd');
    assert.equal(f.idNumber!.review, false);
    assert.equal(f.sex!.review, false);
    assert.equal(f.name!.value, 'Nguyễn Thị Hồng Nhung'.normalize('NFC'));
    // Without word confidences nothing is low; the "(@" is corrected and flagged.
    assert.equal(f.name!.confidence, null);
    assert.equal(f.name!.review, false);
    assert.deepEqual(f.email!.reasons, ['ocr_corrected']);
    assert.equal(f.email!.review, true);
    // The place of origin (quê quán) is not taken for the address.
    assert.ok(!f.address!.value.includes('Đông Hải'));
  });

  test('accent-stripped text: labels still found, values proposed and names/addresses without diacritics flagged', () => {
    const text = `CAN CUOC CONG DAN
So dinh danh ca nhan: 036085000123
Ho va ten: TRAN VAN BINH
Ngay sinh: 02/09/1985
Gioi tinh: Nam
Noi cu tru: So 5 ngo 12 pho Hue, phuong Hang Bai, Ha Noi
So dien thoai: +84 98 765 4321
Email: Binh.Tran@Mail.VN`;
    const f = fields(text);
    assert.deepEqual(values(text), { idNumber: '036085000123', name: 'Tran Van Binh', dateOfBirth: '1985-09-02', sex: 'male', address: 'So 5 ngo 12 pho Hue, phuong Hang Bai, Ha Noi', phone: '0987654321', email: 'binh.tran@mail.vn' });
    assert.deepEqual(f.name!.reasons, ['no_diacritics']);
    assert.equal(f.address!.review, true);
    assert.equal(f.idNumber!.review, false);
    assert.equal(f.dateOfBirth!.review, false);
  });

  test('OCR-noisy text: O and l inside the number corrected and flagged; spaced digits, lost spaces and a dotted date read', () => {
    const text = `Số CCCD: 0O1 3O3 0l2 345
Họ,chữ đệm và tên: lê   thị  THU~HÀ.
Ngày,tháng,năm sinh :  7 . 4 . 2003
Giới tính: nữ
Địa chỉ: Tổ 3, khu Hòa Bình, phường Cẩm Phả
ĐT: 038.123.4567`;
    const f = fields(text);
    assert.equal(f.idNumber!.value, '001303012345');
    assert.deepEqual(f.idNumber!.reasons, ['ocr_corrected']);
    assert.equal(f.name!.value, 'Lê Thị Thu Hà');
    assert.deepEqual(f.name!.reasons, ['unusual_characters']);
    assert.equal(f.dateOfBirth!.value, '2003-04-07');
    assert.equal(f.sex!.value, 'female');
    assert.equal(f.address!.value, 'Tổ 3, khu Hòa Bình, phường Cẩm Phả');
    assert.equal(f.phone!.value, '0381234567');
  });

  test('a birth-registration form ("Họ, chữ đệm, tên người yêu cầu", "Nơi cư trú") and a 9-digit CMND', () => {
    const text = `TỜ KHAI ĐĂNG KÝ KHAI SINH
Kính gửi: Ủy ban nhân dân xã Tiên Yên
Họ, chữ đệm, tên người yêu cầu: Phạm Văn Đức
Nơi cư trú: Thôn Khe Lạc, xã Tiên Yên, tỉnh Quảng Ninh
Giấy tờ tùy thân: CMND số: 100234567
Quan hệ với người được khai sinh: Cha`;
    const f = fields(text);
    assert.equal(f.name!.value, 'Phạm Văn Đức');
    assert.equal(f.address!.value, 'Thôn Khe Lạc, xã Tiên Yên, tỉnh Quảng Ninh');
    assert.equal(f.idNumber!.value, '100234567');
    assert.equal(f.idNumber!.kind, 'cmnd');
    assert.equal(f.dateOfBirth, undefined);
    assert.equal(f.phone, undefined);
  });

  test('the CCCD is cross-checked: a birth year or sex that disagrees with its digits flags both fields', () => {
    const f = fields('Số: 001090012345\nNgày sinh: 15/03/1991\nGiới tính: Nữ');
    assert.deepEqual(f.idNumber!.reasons, ['id_birth_year_mismatch', 'id_sex_mismatch']);
    assert.deepEqual(f.dateOfBirth!.reasons, ['id_birth_year_mismatch']);
    assert.deepEqual(f.sex!.reasons, ['id_sex_mismatch']);
    // A labelled number with an impossible province or century is proposed, flagged; an unlabelled one is ignored.
    assert.deepEqual(fields('Số CCCD: 099190012345').idNumber!.reasons, ['id_province']);
    assert.deepEqual(fields('Số CCCD: 001590012345').idNumber!.reasons, ['id_century']);
    assert.equal(fields('Mã hồ sơ 099190012345').idNumber, undefined);
    assert.equal(fields('Mã hồ sơ 031290012345').idNumber!.value, '031290012345');
  });

  test('a phone is never read out of the ID digits, landlines and unknown prefixes are not taken for mobiles', () => {
    assert.equal(fields('Số: 0010 9001 2345').phone, undefined);
    assert.equal(fields('Điện thoại: 0203 3876 543').phone, undefined);
    assert.equal(fields('Điện thoại: 0951234567').phone, undefined);
    assert.equal(fields('liên hệ 84912345678 hoặc').phone!.value, '0912345678');
  });

  test('a "Số:" that numbers something else does not hide the ID number labelled further down', () => {
    const f = fields('Quyết định số: 15/QĐ-UBND\nSố hồ sơ: 2024-77\nSố CMND: 100 234 567');
    assert.equal(f.idNumber!.value, '100234567');
    assert.equal(f.idNumber!.kind, 'cmnd');
  });

  test('impossible dates of birth are not proposed', () => {
    assert.equal(fields('Ngày sinh: 31/02/1990').dateOfBirth, undefined);
    assert.equal(fields('Ngày sinh: 01/01/2030').dateOfBirth, undefined);
    assert.equal(fields('Ngày sinh: 01/01/1850').dateOfBirth, undefined);
    assert.equal(fields('nothing here at all').name, undefined);
  });

  test('confidences come from the words of the value: one word under the threshold flags the field', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t0\t0\t10\t10\t-1\t',
      '5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t96.1\tHọ',
      '5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t95\tvà',
      '5\t1\t1\t1\t1\t3\t0\t0\t10\t10\t95\ttên:',
      '5\t1\t1\t1\t1\t4\t0\t0\t10\t10\t91.5\tĐỖ',
      `5\t1\t1\t1\t1\t5\t0\t0\t10\t10\t${REVIEW_BELOW - 10}\tVĂN`,
      '5\t1\t1\t1\t1\t6\t0\t0\t10\t10\t93\tHÙNG',
      '5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t97\tSố:',
      '5\t1\t1\t1\t2\t2\t0\t0\t10\t10\t97.26\t022085009876',
    ].join('\n');
    const t = parseTsv(tsv);
    assert.equal(t.text, 'Họ và tên: ĐỖ VĂN HÙNG\nSố: 022085009876');
    const f = extractFields(t, TODAY);
    assert.equal(f.name!.value, 'Đỗ Văn Hùng');
    assert.equal(f.name!.confidence, REVIEW_BELOW - 10);
    assert.deepEqual(f.name!.reasons, ['low_confidence']);
    assert.equal(f.idNumber!.confidence, 97.3);
    assert.equal(f.idNumber!.review, false);
  });

  test('pages are joined with their word offsets shifted', () => {
    const a = textOnly('Họ và tên: A');
    const b = parseTsv('5\t1\t1\t1\t1\t1\t0\t0\t1\t1\t42\tSố:\n5\t1\t1\t1\t1\t2\t0\t0\t1\t1\t88\t001090012345');
    const t = joinPages([a, b]);
    assert.equal(t.text, 'Họ và tên: A\n\nSố: 001090012345');
    const at = t.text.indexOf('0010');
    assert.equal(spanConfidence(t, at, at + 12), 88);
  });
});

describe('helpers', () => {
  test('decodeCccd: province, sex and birth year from the digits', () => {
    assert.deepEqual(decodeCccd('001190012345'), { provinceCode: '001', sex: 'female', birthYear: 1990, problems: [] });
    assert.deepEqual(decodeCccd('022205000001'), { provinceCode: '022', sex: 'male', birthYear: 2005, problems: [] });
    assert.deepEqual(decodeCccd('000090012345')!.problems, ['id_province']);
    assert.equal(decodeCccd('12345'), undefined);
  });

  test('titleCaseVi keeps NFC and Vietnamese letters, including from decomposed input', () => {
    assert.equal(titleCaseVi('NGUYỄN ĐỨC ƯỚC'), 'Nguyễn Đức Ước');
    const nfd = 'ĐẶNG THỊ THỦY'.normalize('NFD');
    assert.equal(titleCaseVi(nfd), 'Đặng Thị Thủy'.normalize('NFC'));
  });

  test('foldSameLength keeps every index', () => {
    const s = 'Nơi thường trú: Đồng Mạ, Ủy ban';
    assert.equal(foldSameLength(s), 'noi thuong tru: dong ma, uy ban');
    assert.equal(foldSameLength(s).length, s.length);
  });

  test('normaliseMobile and parseDmy', () => {
    assert.equal(normaliseMobile('+84 (0)912.345.678'), undefined);
    assert.equal(normaliseMobile('+84 912.345.678'), '0912345678');
    assert.equal(normaliseMobile('0212345678'), undefined);
    assert.deepEqual(parseDmy('sinh ngày 29/02/2000', TODAY), { iso: '2000-02-29', index: 10, length: 10 });
    assert.equal(parseDmy('29/02/2001', TODAY), undefined);
  });
});
