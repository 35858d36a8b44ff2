/**
 * The demo catalogue: commune-level procedures of Xã Tiên Yên (Quảng Ninh) from 1 July 2025, a few provincial ones,
 * two district-level ones that ended on 30 June 2025, and the 2025 and 2026 review plans of the commune.
 *
 * EVERYTHING HERE IS DEMO DATA (procedures.is_demo = true). Names follow the national procedure database's usual
 * wording; times, documents and fees are plausible, not copied from an announcement decision of Quảng Ninh, and
 * must be replaced by the locality's own announced catalogue (Excel import) before real use. National codes:
 * `confirmed` marks the two codes given in the domain notes (units-and-codes.md §4); every other code comes from
 * recollection or from public third-party code seen in passing and is stored with `nationalCodeUnconfirmed`;
 * `null` where no code was known.
 */
import type { DurationDto, ProcedureContentDto, ProposalChangeDto } from '../../../contracts/procedures.ts';
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import type { ProcedureField, TimeUnit } from './procedures.kinds.ts';
import { findProceduresByCodes } from './procedures.repository.ts';
import { procedureProposals, procedureReviewPlans, procedures, procedureVersions, type VersionOp } from './procedures.schema.ts';
import { applyProposalChange, inForceOn, planRebase, type VersionLike } from './procedures.versions.ts';

type Doc = [name: string, form?: 'original' | 'certified_copy' | 'copy' | 'presented', count?: number, template?: string];
type FeeRow = [name: string, amount: number, note?: string];
type StepsPreset = 'same_day' | 'standard' | 'verify' | 'police' | 'council';

interface DemoProcedure {
  code: string;
  nationalCode: string | null;
  confirmed?: boolean;
  name: string;
  nameEn?: string;
  field: ProcedureField;
  time: [number, TimeUnit];
  online?: [number, TimeUnit];
  onlineLevel: 'full' | 'partial' | 'none';
  docs: Doc[];
  fees?: FeeRow[];
  result: string;
  digitised?: boolean;
  legal: string[];
  steps?: StepsPreset;
}

const HT = ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định số 123/2015/NĐ-CP', 'Thông tư số 04/2020/TT-BTP'];
const CT = ['Nghị định số 23/2015/NĐ-CP về cấp bản sao, chứng thực', 'Thông tư số 01/2020/TT-BTP', 'Thông tư số 226/2016/TT-BTC (phí chứng thực)'];
const CTR = ['Luật Cư trú số 68/2020/QH14', 'Nghị định số 154/2024/NĐ-CP', 'Thông tư số 75/2022/TT-BTC (lệ phí đăng ký cư trú)'];
const DD = ['Luật Đất đai số 31/2024/QH15', 'Nghị định số 101/2024/NĐ-CP', 'Nghị định số 151/2025/NĐ-CP (phân cấp, phân quyền lĩnh vực đất đai)'];
const XD = ['Luật Xây dựng số 50/2014/QH13, sửa đổi bởi Luật số 62/2020/QH14', 'Nghị định số 175/2024/NĐ-CP'];
const HKD = ['Luật Doanh nghiệp số 59/2020/QH14', 'Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp'];
const BTXH = ['Nghị định số 20/2021/NĐ-CP', 'Nghị định số 76/2024/NĐ-CP'];
const ONE_STOP = 'Nghị định số 118/2025/NĐ-CP về thực hiện TTHC theo cơ chế một cửa, một cửa liên thông';

const TK = 'Tờ khai theo mẫu';
const ID: Doc = ['Giấy tờ tùy thân có ảnh (CCCD, hộ chiếu) của người yêu cầu', 'presented'];
const POA: Doc = ['Văn bản ủy quyền (nếu nộp thay)', 'certified_copy'];

/** Commune-level procedures of the demo commune. */
const COMMUNE: DemoProcedure[] = [
  // Hộ tịch — civil status
  { code: 'TY-HT-01', nationalCode: '1.001193', name: 'Đăng ký khai sinh', nameEn: 'Birth registration', field: 'civil_status', time: [0, 'working_day'], onlineLevel: 'full', docs: [[`${TK} đăng ký khai sinh`, 'original', 1, 'TK-dang-ky-khai-sinh.docx'], ['Giấy chứng sinh hoặc văn bản của người làm chứng', 'original'], ID, POA], fees: [['Lệ phí đăng ký khai sinh đúng hạn', 0, 'Miễn lệ phí']], result: 'Giấy khai sinh (bản chính), trích lục khai sinh', digitised: true, legal: HT, steps: 'same_day' },
  { code: 'TY-HT-02', nationalCode: '1.000894', name: 'Đăng ký kết hôn', nameEn: 'Marriage registration', field: 'civil_status', time: [0, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký kết hôn`, 'original', 1, 'TK-dang-ky-ket-hon.docx'], ['Giấy xác nhận tình trạng hôn nhân (nếu cư trú nơi khác)', 'original'], ID], fees: [['Lệ phí đăng ký kết hôn', 0, 'Miễn lệ phí']], result: 'Giấy chứng nhận kết hôn', digitised: true, legal: HT, steps: 'same_day' },
  { code: 'TY-HT-03', nationalCode: '1.000656', name: 'Đăng ký khai tử', nameEn: 'Death registration', field: 'civil_status', time: [0, 'working_day'], onlineLevel: 'full', docs: [[`${TK} đăng ký khai tử`, 'original', 1, 'TK-dang-ky-khai-tu.docx'], ['Giấy báo tử hoặc giấy tờ thay thế giấy báo tử', 'original'], ID], fees: [['Lệ phí đăng ký khai tử đúng hạn', 0, 'Miễn lệ phí']], result: 'Trích lục khai tử', digitised: true, legal: HT, steps: 'same_day' },
  { code: 'TY-HT-04', nationalCode: '1.001022', name: 'Đăng ký nhận cha, mẹ, con', nameEn: 'Registration of parentage recognition', field: 'civil_status', time: [3, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký nhận cha, mẹ, con`, 'original', 1, 'TK-nhan-cha-me-con.docx'], ['Chứng cứ chứng minh quan hệ cha, mẹ, con (giám định ADN hoặc văn bản thay thế)', 'original'], ID], fees: [['Lệ phí đăng ký nhận cha, mẹ, con', 15_000]], result: 'Trích lục đăng ký nhận cha, mẹ, con', digitised: true, legal: HT, steps: 'verify' },
  { code: 'TY-HT-05', nationalCode: '1.000689', name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', field: 'civil_status', time: [3, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký khai sinh và tờ khai nhận cha, mẹ, con`, 'original', 1, 'TK-khai-sinh-nhan-cha-me-con.docx'], ['Giấy chứng sinh', 'original'], ['Chứng cứ chứng minh quan hệ cha, mẹ, con', 'original'], ID], fees: [['Lệ phí nhận cha, mẹ, con', 15_000]], result: 'Giấy khai sinh, trích lục nhận cha, mẹ, con', digitised: true, legal: HT, steps: 'verify' },
  { code: 'TY-HT-06', nationalCode: '1.004884', name: 'Đăng ký lại khai sinh', nameEn: 'Re-registration of birth', field: 'civil_status', time: [5, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký lại khai sinh`, 'original', 1, 'TK-dang-ky-lai-khai-sinh.docx'], ['Bản sao giấy khai sinh hoặc giấy tờ có nội dung khai sinh', 'copy'], ID], fees: [['Lệ phí đăng ký lại khai sinh', 5_000]], result: 'Giấy khai sinh (bản chính)', digitised: true, legal: HT, steps: 'verify' },
  { code: 'TY-HT-07', nationalCode: '1.004772', name: 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', field: 'civil_status', time: [5, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký khai sinh`, 'original', 1, 'TK-dang-ky-khai-sinh.docx'], ['Giấy tờ, hồ sơ cá nhân có thông tin về họ tên, ngày sinh, quê quán', 'copy'], ID], fees: [['Lệ phí đăng ký khai sinh quá hạn', 5_000]], result: 'Giấy khai sinh (bản chính)', digitised: true, legal: HT, steps: 'verify' },
  { code: 'TY-HT-08', nationalCode: '1.004746', name: 'Đăng ký lại kết hôn', field: 'civil_status', time: [5, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký lại kết hôn`, 'original', 1, 'TK-dang-ky-lai-ket-hon.docx'], ['Bản sao Giấy chứng nhận kết hôn đã cấp (nếu có)', 'copy'], ID], fees: [['Lệ phí đăng ký lại kết hôn', 5_000]], result: 'Giấy chứng nhận kết hôn', digitised: true, legal: HT, steps: 'verify' },
  { code: 'TY-HT-09', nationalCode: '1.005461', name: 'Đăng ký lại khai tử', field: 'civil_status', time: [5, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký lại khai tử`, 'original', 1, 'TK-dang-ky-lai-khai-tu.docx'], ['Bản sao giấy chứng tử trước đây được cấp hợp lệ (nếu có)', 'copy'], ID], fees: [['Lệ phí đăng ký lại khai tử', 5_000]], result: 'Trích lục khai tử', digitised: true, legal: HT, steps: 'verify' },
  { code: 'TY-HT-10', nationalCode: '1.004837', name: 'Đăng ký giám hộ', nameEn: 'Guardianship registration', field: 'civil_status', time: [3, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký giám hộ`, 'original', 1, 'TK-dang-ky-giam-ho.docx'], ['Văn bản cử người giám hộ', 'original'], ID], fees: [['Lệ phí đăng ký giám hộ', 5_000]], result: 'Trích lục đăng ký giám hộ', digitised: true, legal: [...HT, 'Bộ luật Dân sự số 91/2015/QH13'], steps: 'verify' },
  { code: 'TY-HT-11', nationalCode: '1.004845', name: 'Đăng ký chấm dứt giám hộ', field: 'civil_status', time: [2, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký chấm dứt giám hộ`, 'original', 1, 'TK-cham-dut-giam-ho.docx'], ['Giấy tờ làm căn cứ chấm dứt giám hộ', 'copy'], ID], fees: [['Lệ phí đăng ký chấm dứt giám hộ', 5_000]], result: 'Trích lục đăng ký chấm dứt giám hộ', legal: HT, steps: 'standard' },
  { code: 'TY-HT-12', nationalCode: '1.004859', name: 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', nameEn: 'Change, correction or supplement of civil status records', field: 'civil_status', time: [3, 'working_day'], onlineLevel: 'full', docs: [[`${TK} đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch`, 'original', 1, 'TK-cai-chinh-ho-tich.docx'], ['Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung', 'copy'], ID], fees: [['Lệ phí thay đổi, cải chính hộ tịch', 15_000]], result: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch', digitised: true, legal: HT, steps: 'verify' },
  { code: 'TY-HT-13', nationalCode: '1.004873', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', nameEn: 'Certificate of marital status', field: 'civil_status', time: [3, 'working_day'], onlineLevel: 'full', docs: [[`${TK} cấp Giấy xác nhận tình trạng hôn nhân`, 'original', 1, 'TK-xac-nhan-tthn.docx'], ['Bản án, quyết định ly hôn hoặc trích lục khai tử của vợ/chồng (nếu có)', 'copy'], ID], fees: [['Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', 10_000]], result: 'Giấy xác nhận tình trạng hôn nhân', digitised: true, legal: HT, steps: 'verify' },
  { code: 'TY-HT-14', nationalCode: '2.000635', confirmed: true, name: 'Cấp bản sao Trích lục hộ tịch', nameEn: 'Copy of a civil status extract', field: 'civil_status', time: [0, 'working_day'], onlineLevel: 'full', docs: [[`${TK} cấp bản sao trích lục hộ tịch`, 'original', 1, 'TK-cap-ban-sao-trich-luc.docx'], ID], fees: [['Phí cấp bản sao trích lục hộ tịch', 8_000, 'mỗi bản sao']], result: 'Bản sao trích lục hộ tịch', digitised: true, legal: [...HT, 'Thông tư số 281/2016/TT-BTC'], steps: 'same_day' },
  { code: 'TY-HT-15', nationalCode: '1.003583', name: 'Đăng ký khai sinh lưu động', field: 'civil_status', time: [5, 'working_day'], onlineLevel: 'none', docs: [[`${TK} đăng ký khai sinh`, 'original', 1, 'TK-dang-ky-khai-sinh.docx'], ['Giấy chứng sinh hoặc văn bản của người làm chứng', 'original']], fees: [['Lệ phí', 0, 'Miễn lệ phí']], result: 'Giấy khai sinh (bản chính)', digitised: true, legal: HT, steps: 'standard' },
  { code: 'TY-HT-16', nationalCode: null, name: 'Đăng ký kết hôn lưu động', field: 'civil_status', time: [5, 'working_day'], onlineLevel: 'none', docs: [[`${TK} đăng ký kết hôn`, 'original', 1, 'TK-dang-ky-ket-hon.docx'], ID], fees: [['Lệ phí', 0, 'Miễn lệ phí']], result: 'Giấy chứng nhận kết hôn', digitised: true, legal: HT, steps: 'standard' },
  { code: 'TY-HT-17', nationalCode: '2.001263', name: 'Đăng ký việc nuôi con nuôi trong nước', nameEn: 'Domestic adoption registration', field: 'child_protection', time: [30, 'day'], onlineLevel: 'partial', docs: [['Đơn xin nhận con nuôi', 'original', 1, 'Don-nhan-con-nuoi.docx'], ['Phiếu lý lịch tư pháp của người nhận con nuôi', 'original'], ['Văn bản xác nhận tình trạng sức khỏe', 'original'], ['Giấy khai sinh của người được nhận làm con nuôi', 'copy'], ['Hai ảnh 4x6 hoặc 9x12 của người được nhận làm con nuôi', 'original', 2], ID], fees: [['Lệ phí đăng ký nuôi con nuôi trong nước', 400_000]], result: 'Giấy chứng nhận nuôi con nuôi', digitised: true, legal: ['Luật Nuôi con nuôi số 52/2010/QH12', 'Nghị định số 19/2011/NĐ-CP', 'Nghị định số 114/2016/NĐ-CP (lệ phí)'], steps: 'council' },
  // Chứng thực — certification
  { code: 'TY-CT-01', nationalCode: '2.000815', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận', nameEn: 'Certified copy from an original', field: 'certification', time: [0, 'working_day'], onlineLevel: 'full', docs: [['Bản chính giấy tờ, văn bản làm cơ sở chứng thực', 'presented'], ['Bản sao cần chứng thực', 'copy']], fees: [['Phí chứng thực bản sao từ bản chính', 2_000, '2.000 đ/trang cho 2 trang đầu, từ trang thứ 3 là 1.000 đ/trang, tối đa 200.000 đ/bản']], result: 'Bản sao có chứng thực', digitised: true, legal: CT, steps: 'same_day' },
  { code: 'TY-CT-02', nationalCode: '2.000884', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', nameEn: 'Certification of a signature', field: 'certification', time: [0, 'working_day'], onlineLevel: 'partial', docs: [ID, ['Giấy tờ, văn bản cần chứng thực chữ ký', 'original']], fees: [['Phí chứng thực chữ ký', 10_000, 'mỗi trường hợp']], result: 'Giấy tờ, văn bản được chứng thực chữ ký', legal: CT, steps: 'same_day' },
  { code: 'TY-CT-03', nationalCode: '2.001035', name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản', field: 'certification', time: [2, 'working_day'], onlineLevel: 'none', docs: [['Dự thảo hợp đồng, giao dịch', 'original'], ID, ['Giấy chứng nhận quyền sở hữu tài sản hoặc giấy tờ thay thế', 'copy']], fees: [['Phí chứng thực hợp đồng, giao dịch', 50_000]], result: 'Hợp đồng, giao dịch được chứng thực', legal: CT, steps: 'standard' },
  { code: 'TY-CT-04', nationalCode: '2.001019', name: 'Chứng thực di chúc', nameEn: 'Certification of a will', field: 'certification', time: [2, 'working_day'], onlineLevel: 'none', docs: [['Dự thảo di chúc', 'original'], ID, ['Giấy tờ chứng minh quyền sở hữu, sử dụng tài sản (nếu di chúc liên quan tài sản phải đăng ký)', 'copy']], fees: [['Phí chứng thực di chúc', 50_000]], result: 'Di chúc được chứng thực', legal: CT, steps: 'standard' },
  { code: 'TY-CT-05', nationalCode: '2.001009', name: 'Chứng thực văn bản thỏa thuận phân chia di sản', field: 'certification', time: [2, 'working_day'], onlineLevel: 'none', docs: [['Dự thảo văn bản thỏa thuận phân chia di sản', 'original'], ID, ['Giấy chứng tử hoặc giấy tờ chứng minh người để lại di sản đã chết', 'copy'], ['Giấy tờ chứng minh quan hệ giữa người để lại di sản và người được hưởng di sản', 'copy']], fees: [['Phí chứng thực văn bản thỏa thuận', 50_000]], result: 'Văn bản thỏa thuận phân chia di sản được chứng thực', legal: CT, steps: 'standard' },
  { code: 'TY-CT-06', nationalCode: null, name: 'Chứng thực hợp đồng, giao dịch liên quan đến thực hiện quyền của người sử dụng đất', field: 'certification', time: [2, 'working_day'], onlineLevel: 'none', docs: [['Dự thảo hợp đồng, giao dịch', 'original'], ID, ['Giấy chứng nhận quyền sử dụng đất', 'copy']], fees: [['Phí chứng thực hợp đồng, giao dịch', 50_000]], result: 'Hợp đồng, giao dịch được chứng thực', legal: [...CT, 'Luật Đất đai số 31/2024/QH15'], steps: 'standard' },
  { code: 'TY-CT-07', nationalCode: null, name: 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực', field: 'certification', time: [2, 'working_day'], onlineLevel: 'partial', docs: [['Phiếu yêu cầu cấp bản sao', 'original', 1, 'Phieu-yeu-cau-cap-ban-sao.docx'], ID], fees: [['Phí cấp bản sao', 2_000, 'mỗi trang, tối đa 200.000 đ/bản']], result: 'Bản sao có chứng thực', legal: CT, steps: 'standard' },
  // Cư trú — residence (performed by the commune police)
  { code: 'TY-CTR-01', nationalCode: null, name: 'Xác nhận thông tin về cư trú', nameEn: 'Residence confirmation', field: 'residence', time: [0.5, 'working_day'], onlineLevel: 'full', docs: [['Tờ khai thay đổi thông tin cư trú (CT01) hoặc yêu cầu trực tuyến', 'original', 1, 'CT01.docx']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Văn bản xác nhận thông tin về cư trú', digitised: true, legal: CTR, steps: 'police' },
  { code: 'TY-CTR-02', nationalCode: '1.004222', name: 'Đăng ký thường trú', nameEn: 'Permanent residence registration', field: 'residence', time: [7, 'working_day'], onlineLevel: 'full', docs: [['Tờ khai thay đổi thông tin cư trú (CT01)', 'original', 1, 'CT01.docx'], ['Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'copy'], ['Giấy tờ chứng minh quan hệ nhân thân (trường hợp nhập hộ)', 'copy']], fees: [['Lệ phí đăng ký thường trú', 20_000, '10.000 đ khi nộp trực tuyến']], result: 'Thông tin cư trú được cập nhật trong Cơ sở dữ liệu về cư trú', digitised: true, legal: CTR, steps: 'police' },
  { code: 'TY-CTR-03', nationalCode: '1.004194', name: 'Đăng ký tạm trú', nameEn: 'Temporary residence registration', field: 'residence', time: [3, 'working_day'], onlineLevel: 'full', docs: [['Tờ khai thay đổi thông tin cư trú (CT01)', 'original', 1, 'CT01.docx'], ['Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp', 'copy']], fees: [['Lệ phí đăng ký tạm trú', 15_000, '7.000 đ khi nộp trực tuyến']], result: 'Thông tin cư trú được cập nhật trong Cơ sở dữ liệu về cư trú', digitised: true, legal: CTR, steps: 'police' },
  { code: 'TY-CTR-04', nationalCode: '1.002755', name: 'Gia hạn tạm trú', field: 'residence', time: [3, 'working_day'], onlineLevel: 'partial', docs: [['Tờ khai thay đổi thông tin cư trú (CT01)', 'original', 1, 'CT01.docx']], fees: [['Lệ phí gia hạn tạm trú', 15_000]], result: 'Thông tin cư trú được cập nhật', digitised: true, legal: CTR, steps: 'police' },
  { code: 'TY-CTR-05', nationalCode: '1.003677', name: 'Khai báo tạm vắng', field: 'residence', time: [1, 'working_day'], onlineLevel: 'full', docs: [['Đề nghị khai báo tạm vắng', 'original', 1, 'CT01.docx']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Phiếu khai báo tạm vắng', legal: CTR, steps: 'police' },
  { code: 'TY-CTR-06', nationalCode: '1.010038', name: 'Tách hộ', field: 'residence', time: [5, 'working_day'], onlineLevel: 'full', docs: [['Tờ khai thay đổi thông tin cư trú (CT01)', 'original', 1, 'CT01.docx'], ['Văn bản đồng ý của chủ hộ (nếu có)', 'original']], fees: [['Lệ phí tách hộ', 10_000]], result: 'Thông tin cư trú được cập nhật', digitised: true, legal: CTR, steps: 'police' },
  { code: 'TY-CTR-07', nationalCode: '1.003197', name: 'Xóa đăng ký thường trú', field: 'residence', time: [5, 'working_day'], onlineLevel: 'full', docs: [['Tờ khai thay đổi thông tin cư trú (CT01)', 'original', 1, 'CT01.docx'], ['Giấy tờ chứng minh thuộc trường hợp xóa đăng ký thường trú', 'copy']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Thông tin cư trú được cập nhật', legal: CTR, steps: 'police' },
  // Đất đai — land
  { code: 'TY-DD-01', nationalCode: null, name: 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu và cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất cho cá nhân, hộ gia đình', nameEn: 'First registration of land and first land use right certificate for households and individuals', field: 'land', time: [20, 'working_day'], onlineLevel: 'partial', docs: [['Đơn đăng ký, cấp Giấy chứng nhận (Mẫu số 04/ĐK)', 'original', 1, 'Mau-04-DK.docx'], ['Giấy tờ về quyền sử dụng đất (nếu có)', 'copy'], ['Sơ đồ nhà ở, công trình xây dựng (nếu có)', 'original'], ['Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ miễn, giảm (nếu có)', 'copy']], fees: [['Lệ phí cấp Giấy chứng nhận', 100_000], ['Phí thẩm định hồ sơ cấp Giấy chứng nhận', 300_000]], result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', digitised: true, legal: DD, steps: 'standard' },
  { code: 'TY-DD-02', nationalCode: null, name: 'Hòa giải tranh chấp đất đai', nameEn: 'Mediation of land disputes', field: 'land', time: [30, 'day'], onlineLevel: 'partial', docs: [['Đơn yêu cầu hòa giải tranh chấp đất đai', 'original', 1, 'Don-hoa-giai-dat-dai.docx'], ['Giấy tờ liên quan đến thửa đất tranh chấp', 'copy']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Biên bản hòa giải thành hoặc không thành', legal: DD, steps: 'council' },
  { code: 'TY-DD-03', nationalCode: null, name: 'Chuyển mục đích sử dụng đất đối với cá nhân', field: 'land', time: [15, 'working_day'], onlineLevel: 'partial', docs: [['Đơn xin chuyển mục đích sử dụng đất (Mẫu số 02c)', 'original', 1, 'Mau-02c.docx'], ['Giấy chứng nhận quyền sử dụng đất', 'original']], fees: [['Phí thẩm định hồ sơ', 300_000]], result: 'Quyết định cho phép chuyển mục đích sử dụng đất', legal: DD, steps: 'standard' },
  { code: 'TY-DD-04', nationalCode: null, name: 'Đăng ký chuyển đổi cơ cấu cây trồng trên đất trồng lúa', field: 'agriculture', time: [5, 'working_day'], onlineLevel: 'full', docs: [['Bản đăng ký chuyển đổi cơ cấu cây trồng', 'original', 1, 'Dang-ky-chuyen-doi-cay-trong.docx']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Văn bản chấp thuận chuyển đổi', legal: ['Luật Trồng trọt số 31/2018/QH14', 'Nghị định số 112/2024/NĐ-CP'], steps: 'standard' },
  // Xây dựng — construction
  { code: 'TY-XD-01', nationalCode: null, name: 'Cấp giấy phép xây dựng đối với nhà ở riêng lẻ', nameEn: 'Construction permit for a detached house', field: 'construction', time: [15, 'day'], onlineLevel: 'partial', docs: [['Đơn đề nghị cấp giấy phép xây dựng', 'original', 1, 'Don-cap-GPXD.docx'], ['Giấy tờ chứng minh quyền sử dụng đất', 'copy'], ['Bản vẽ thiết kế xây dựng', 'original', 2], ['Bản cam kết bảo đảm an toàn công trình liền kề (nếu có)', 'original']], fees: [['Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 75_000]], result: 'Giấy phép xây dựng', digitised: true, legal: XD, steps: 'standard' },
  { code: 'TY-XD-02', nationalCode: null, name: 'Điều chỉnh, gia hạn giấy phép xây dựng đối với nhà ở riêng lẻ', field: 'construction', time: [10, 'day'], onlineLevel: 'partial', docs: [['Đơn đề nghị điều chỉnh, gia hạn giấy phép xây dựng', 'original', 1, 'Don-dieu-chinh-GPXD.docx'], ['Bản chính giấy phép xây dựng đã cấp', 'original']], fees: [['Lệ phí điều chỉnh, gia hạn giấy phép xây dựng', 15_000]], result: 'Giấy phép xây dựng được điều chỉnh, gia hạn', legal: XD, steps: 'standard' },
  { code: 'TY-XD-03', nationalCode: null, name: 'Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ', field: 'construction', time: [5, 'day'], onlineLevel: 'full', docs: [['Đơn đề nghị cấp lại giấy phép xây dựng', 'original', 1, 'Don-cap-lai-GPXD.docx'], ['Bản chính giấy phép đã cấp (trường hợp rách, nát)', 'original']], fees: [['Lệ phí cấp lại giấy phép xây dựng', 15_000]], result: 'Giấy phép xây dựng (cấp lại)', legal: XD, steps: 'standard' },
  // Hộ kinh doanh — business households
  { code: 'TY-HKD-01', nationalCode: '1.001612', name: 'Đăng ký thành lập hộ kinh doanh', nameEn: 'Business household registration', field: 'business_household', time: [3, 'working_day'], onlineLevel: 'full', docs: [['Giấy đề nghị đăng ký hộ kinh doanh', 'original', 1, 'Giay-de-nghi-dang-ky-HKD.docx'], ['Bản sao giấy tờ pháp lý của cá nhân đối với các thành viên hộ gia đình', 'copy'], ['Biên bản họp thành viên hộ gia đình (trường hợp các thành viên cùng đăng ký)', 'original'], ['Bản sao hợp đồng thuê, mượn địa điểm kinh doanh', 'copy']], fees: [['Lệ phí đăng ký hộ kinh doanh', 100_000]], result: 'Giấy chứng nhận đăng ký hộ kinh doanh', digitised: true, legal: HKD, steps: 'standard' },
  { code: 'TY-HKD-02', nationalCode: null, name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', field: 'business_household', time: [3, 'working_day'], onlineLevel: 'full', docs: [['Thông báo thay đổi nội dung đăng ký hộ kinh doanh', 'original', 1, 'Thong-bao-thay-doi-HKD.docx'], ['Giấy chứng nhận đăng ký hộ kinh doanh đã cấp', 'original']], fees: [['Lệ phí đăng ký thay đổi', 50_000]], result: 'Giấy chứng nhận đăng ký hộ kinh doanh', digitised: true, legal: HKD, steps: 'standard' },
  { code: 'TY-HKD-03', nationalCode: null, name: 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', field: 'business_household', time: [3, 'working_day'], onlineLevel: 'full', docs: [['Thông báo tạm ngừng hoặc tiếp tục kinh doanh', 'original', 1, 'Thong-bao-tam-ngung-HKD.docx']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Giấy xác nhận về việc hộ kinh doanh tạm ngừng kinh doanh', legal: HKD, steps: 'standard' },
  { code: 'TY-HKD-04', nationalCode: null, name: 'Chấm dứt hoạt động hộ kinh doanh', field: 'business_household', time: [3, 'working_day'], onlineLevel: 'full', docs: [['Thông báo chấm dứt hoạt động hộ kinh doanh', 'original', 1, 'Thong-bao-cham-dut-HKD.docx'], ['Bản gốc Giấy chứng nhận đăng ký hộ kinh doanh', 'original']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh', legal: HKD, steps: 'standard' },
  { code: 'TY-HKD-05', nationalCode: '2.000575', name: 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', field: 'business_household', time: [3, 'working_day'], onlineLevel: 'full', docs: [['Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', 'original', 1, 'De-nghi-cap-lai-HKD.docx']], fees: [['Lệ phí cấp lại', 50_000]], result: 'Giấy chứng nhận đăng ký hộ kinh doanh', digitised: true, legal: HKD, steps: 'standard' },
  // Bảo trợ xã hội, người có công, trẻ em — social protection
  { code: 'TY-BTXH-01', nationalCode: null, name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng', nameEn: 'Monthly social allowance: grant, adjustment, termination', field: 'social_protection', time: [15, 'working_day'], onlineLevel: 'partial', docs: [['Tờ khai đề nghị trợ giúp xã hội (Mẫu số 1a–1g)', 'original', 1, 'Mau-1a-tro-giup-xa-hoi.docx'], ['Giấy xác nhận khuyết tật (đối với người khuyết tật)', 'copy']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định trợ cấp xã hội hằng tháng', legal: BTXH, steps: 'council' },
  { code: 'TY-BTXH-02', nationalCode: '1.001699', name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', nameEn: 'Assessment of disability and disability certificate', field: 'social_protection', time: [25, 'working_day'], onlineLevel: 'partial', docs: [['Đơn đề nghị xác định, xác định lại mức độ khuyết tật', 'original', 1, 'Don-xac-dinh-khuyet-tat.docx'], ['Bản sao giấy tờ liên quan đến khuyết tật (bệnh án, giấy ra viện …)', 'copy']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Giấy xác nhận khuyết tật', digitised: true, legal: ['Luật Người khuyết tật số 51/2010/QH12', 'Nghị định số 28/2012/NĐ-CP', 'Thông tư số 01/2019/TT-BLĐTBXH'], steps: 'council' },
  { code: 'TY-BTXH-03', nationalCode: '1.011607', name: 'Công nhận hộ nghèo, hộ cận nghèo; hộ thoát nghèo, hộ thoát cận nghèo định kỳ hằng năm', field: 'social_protection', time: [30, 'day'], onlineLevel: 'none', docs: [['Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo', 'original', 1, 'Giay-de-nghi-ra-soat-ho-ngheo.docx']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định công nhận danh sách hộ nghèo, hộ cận nghèo', legal: ['Nghị định số 07/2021/NĐ-CP', 'Quyết định số 24/2021/QĐ-TTg'], steps: 'council' },
  { code: 'TY-BTXH-04', nationalCode: null, name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', field: 'social_protection', time: [3, 'working_day'], onlineLevel: 'partial', docs: [['Tờ khai đề nghị hỗ trợ chi phí mai táng', 'original', 1, 'To-khai-mai-tang.docx'], ['Giấy báo tử hoặc trích lục khai tử', 'copy']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định hỗ trợ chi phí mai táng', legal: BTXH, steps: 'standard' },
  { code: 'TY-NCC-01', nationalCode: null, name: 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', field: 'meritorious_people', time: [12, 'working_day'], onlineLevel: 'partial', docs: [['Văn bản ủy quyền thờ cúng liệt sĩ hoặc biên bản họp gia đình', 'original', 1, 'Mau-uy-quyen-tho-cung.docx'], ['Bằng Tổ quốc ghi công', 'copy']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định trợ cấp thờ cúng liệt sĩ', legal: ['Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14', 'Nghị định số 131/2021/NĐ-CP'], steps: 'council' },
  { code: 'TY-GD-01', nationalCode: '1.001622', name: 'Hỗ trợ ăn trưa đối với trẻ em mẫu giáo', field: 'education', time: [10, 'working_day'], onlineLevel: 'partial', docs: [['Đơn đề nghị hỗ trợ tiền ăn trưa', 'original', 1, 'Don-ho-tro-an-trua.docx'], ['Giấy tờ chứng minh thuộc đối tượng hỗ trợ (hộ nghèo, cận nghèo …)', 'copy']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định hỗ trợ tiền ăn trưa', legal: ['Nghị định số 105/2020/NĐ-CP'], steps: 'standard' },
  { code: 'TY-HGCS-01', nationalCode: '1.002211', name: 'Công nhận hòa giải viên', field: 'grassroots_mediation', time: [5, 'working_day'], onlineLevel: 'none', docs: [['Văn bản đề xuất công nhận hòa giải viên của Trưởng ban công tác Mặt trận', 'original']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định công nhận hòa giải viên', legal: ['Luật Hòa giải ở cơ sở số 35/2013/QH13', 'Nghị định số 15/2014/NĐ-CP'], steps: 'standard' },
  { code: 'TY-VH-01', nationalCode: null, name: 'Xét tặng danh hiệu "Gia đình văn hóa" hằng năm', field: 'culture', time: [10, 'working_day'], onlineLevel: 'none', docs: [['Bản đăng ký, báo cáo thành tích của hộ gia đình', 'original', 1, 'Bao-cao-gia-dinh-van-hoa.docx']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định và Giấy khen "Gia đình văn hóa"', legal: ['Nghị định số 86/2023/NĐ-CP'], steps: 'council' },
  { code: 'TY-TG-01', nationalCode: null, name: 'Đăng ký hoạt động tín ngưỡng', field: 'religion', time: [15, 'day'], onlineLevel: 'partial', docs: [['Văn bản đăng ký hoạt động tín ngưỡng', 'original', 1, 'Mau-dang-ky-tin-nguong.docx']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Văn bản chấp thuận', legal: ['Luật Tín ngưỡng, tôn giáo số 02/2016/QH14', 'Nghị định số 95/2023/NĐ-CP'], steps: 'standard' },
  { code: 'TY-KN-01', nationalCode: null, name: 'Giải quyết khiếu nại lần đầu tại cấp xã', field: 'complaints', time: [30, 'day'], onlineLevel: 'partial', docs: [['Đơn khiếu nại hoặc bản ghi lời khiếu nại', 'original'], ['Tài liệu, chứng cứ liên quan (nếu có)', 'copy']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định giải quyết khiếu nại', legal: ['Luật Khiếu nại số 02/2011/QH13', 'Nghị định số 124/2020/NĐ-CP'], steps: 'council' },
  { code: 'TY-TDKT-01', nationalCode: null, name: 'Tặng Giấy khen của Chủ tịch UBND cấp xã về thành tích thực hiện nhiệm vụ chính trị', field: 'emulation', time: [20, 'working_day'], onlineLevel: 'none', docs: [['Tờ trình đề nghị khen thưởng', 'original'], ['Báo cáo thành tích', 'original']], fees: [['Lệ phí', 0, 'Không thu']], result: 'Quyết định khen thưởng và Giấy khen', legal: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định số 98/2023/NĐ-CP'], steps: 'council' },
];

/** Provincial procedures received at the provincial centre (owner: the province). */
const PROVINCE: DemoProcedure[] = [
  { code: 'QN-LLTP-01', nationalCode: null, name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', nameEn: 'Criminal record certificate', field: 'other', time: [10, 'working_day'], onlineLevel: 'full', docs: [['Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp', 'original', 1, 'To-khai-LLTP.docx'], ID], fees: [['Phí cung cấp thông tin lý lịch tư pháp', 200_000]], result: 'Phiếu lý lịch tư pháp', digitised: true, legal: ['Luật Lý lịch tư pháp số 28/2009/QH12', 'Thông tư số 244/2016/TT-BTC'], steps: 'standard' },
  { code: 'QN-DN-01', nationalCode: null, name: 'Đăng ký thành lập doanh nghiệp tư nhân', nameEn: 'Registration of a sole proprietorship', field: 'other', time: [3, 'working_day'], onlineLevel: 'full', docs: [['Giấy đề nghị đăng ký doanh nghiệp', 'original', 1, 'Giay-de-nghi-DKDN.docx'], ['Bản sao giấy tờ pháp lý của chủ doanh nghiệp', 'copy']], fees: [['Lệ phí đăng ký doanh nghiệp', 50_000, 'miễn khi nộp trực tuyến']], result: 'Giấy chứng nhận đăng ký doanh nghiệp', digitised: true, legal: HKD, steps: 'standard' },
  { code: 'QN-XD-01', nationalCode: null, name: 'Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II', field: 'construction', time: [20, 'day'], onlineLevel: 'partial', docs: [['Đơn đề nghị cấp giấy phép xây dựng', 'original', 1, 'Don-cap-GPXD.docx'], ['Quyết định phê duyệt dự án', 'copy'], ['Bản vẽ thiết kế xây dựng', 'original', 2]], fees: [['Lệ phí cấp giấy phép xây dựng công trình', 150_000]], result: 'Giấy phép xây dựng', digitised: true, legal: XD, steps: 'standard' },
  { code: 'QN-DD-01', nationalCode: null, name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do chuyển nhượng, tặng cho, thừa kế', field: 'land', time: [10, 'working_day'], onlineLevel: 'partial', docs: [['Đơn đăng ký biến động (Mẫu số 11/ĐK)', 'original', 1, 'Mau-11-DK.docx'], ['Hợp đồng, văn bản về chuyển quyền đã công chứng, chứng thực', 'original'], ['Giấy chứng nhận đã cấp', 'original']], fees: [['Lệ phí chỉnh lý Giấy chứng nhận', 28_000], ['Phí thẩm định hồ sơ', 300_000]], result: 'Giấy chứng nhận được chỉnh lý hoặc cấp mới', digitised: true, legal: DD, steps: 'standard' },
];

/** District procedures that ended with the district level on 30 June 2025 (owner: the former district). */
const DISTRICT: DemoProcedure[] = [
  { code: 'TYH-HT-01', nationalCode: '2.000806', name: 'Đăng ký kết hôn có yếu tố nước ngoài', nameEn: 'Marriage registration with a foreign element', field: 'civil_status', time: [15, 'working_day'], onlineLevel: 'partial', docs: [[`${TK} đăng ký kết hôn`, 'original', 1, 'TK-dang-ky-ket-hon.docx'], ['Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài', 'original'], ['Giấy xác nhận không mắc bệnh tâm thần', 'original'], ID], fees: [['Lệ phí đăng ký kết hôn có yếu tố nước ngoài', 1_000_000]], result: 'Giấy chứng nhận kết hôn', digitised: true, legal: HT, steps: 'standard' },
  { code: 'TYH-HKD-01', nationalCode: '1.001612', name: 'Đăng ký thành lập hộ kinh doanh', field: 'business_household', time: [3, 'working_day'], onlineLevel: 'partial', docs: [['Giấy đề nghị đăng ký hộ kinh doanh', 'original', 1, 'Giay-de-nghi-dang-ky-HKD.docx'], ['Bản sao giấy tờ pháp lý của cá nhân', 'copy']], fees: [['Lệ phí đăng ký hộ kinh doanh', 100_000]], result: 'Giấy chứng nhận đăng ký hộ kinh doanh', digitised: false, legal: ['Luật Doanh nghiệp số 59/2020/QH14', 'Nghị định số 01/2021/NĐ-CP'], steps: 'standard' },
];

/** Steps of the workflow template: who does what, in which share of the statutory time. */
function stepsOf(preset: StepsPreset): ProcedureContentDto['steps'] {
  const s = (kind: ProcedureContentDto['steps'][number]['kind'], role: ProcedureContentDto['steps'][number]['role'], unitKind: ProcedureContentDto['steps'][number]['unitKind'], sharePercent: number, name: string | null = null) => ({ kind, name, role, unitKind, sharePercent });
  switch (preset) {
    case 'same_day':
      return [s('receive', 'counter_officer', 'service_center', 20), s('appraise', 'specialist', 'service_center', 40, 'Công chức tư pháp - hộ tịch kiểm tra'), s('sign', 'unit_leader', 'commune', 30), s('return', 'counter_officer', 'service_center', 10)];
    case 'verify':
      return [s('receive', 'counter_officer', 'service_center', 10), s('appraise', 'specialist', 'specialised_office', 60, 'Kiểm tra, xác minh'), s('sign', 'unit_leader', 'commune', 20), s('return', 'counter_officer', 'service_center', 10)];
    case 'police':
      return [s('receive', 'counter_officer', 'service_center', 10), s('appraise', 'specialist', 'specialised_office', 70, 'Công an xã thẩm định, cập nhật CSDL cư trú'), s('approve', 'unit_leader', 'specialised_office', 10, 'Trưởng Công an xã duyệt'), s('return', 'counter_officer', 'service_center', 10)];
    case 'council':
      return [s('receive', 'counter_officer', 'service_center', 5), s('appraise', 'specialist', 'specialised_office', 60, 'Thẩm định, lấy ý kiến hội đồng hoặc niêm yết'), s('approve', 'unit_leader', 'specialised_office', 15), s('sign', 'unit_leader', 'commune', 10), s('return', 'counter_officer', 'service_center', 10)];
    default:
      return [s('receive', 'counter_officer', 'service_center', 10), s('appraise', 'specialist', 'specialised_office', 55), s('approve', 'unit_leader', 'specialised_office', 15), s('sign', 'unit_leader', 'commune', 10), s('return', 'counter_officer', 'service_center', 10)];
  }
}

const dur = ([value, unit]: [number, TimeUnit]): DurationDto => ({ value, unit });

function contentOf(p: DemoProcedure, level: ProcedureContentDto['authorityLevel'], unitIds: string[], decisionRef: string): ProcedureContentDto {
  return {
    nationalCode: p.nationalCode,
    nationalCodeUnconfirmed: p.nationalCode !== null && !p.confirmed,
    name: p.name,
    nameEn: p.nameEn ?? null,
    nameFr: null,
    field: p.field,
    authorityLevel: level,
    implementingUnitIds: unitIds,
    legalBases: [...p.legal, ONE_STOP].filter((l, i, a) => a.indexOf(l) === i && (level !== 'district' || l !== ONE_STOP)),
    decisionRef,
    processingTime: dur(p.time),
    processingTimeOnline: p.online ? dur(p.online) : null,
    steps: p.steps ? stepsOf(p.steps) : [],
    documents: p.docs.map(([name, form = 'original', count = 1, template]) => ({ name, form, count, templateFile: template ?? null, note: null })),
    fees: (p.fees ?? []).map(([name, amount, note]) => ({ name, amount, note: note ?? null })),
    onlineLevel: p.onlineLevel,
    resultType: p.result,
    resultDigitised: p.digitised ?? false,
    status: 'active',
  };
}

/** Demo review plans: proposals by procedure code; `decision` with an effective date, or still proposed. */
interface DemoProposal {
  code: string;
  change: ProposalChangeDto | ((ids: Map<string, string>) => ProposalChangeDto);
  rationale: string;
  effectiveDate: string;
  decision?: 'approved' | 'rejected';
  note?: string;
}
const PLAN_2025: DemoProposal[] = [
  { code: 'TY-CTR-02', change: { kind: 'cut_time', processingTime: { value: 5, unit: 'working_day' } }, rationale: 'Khai thác Cơ sở dữ liệu quốc gia về dân cư thay cho xác minh thủ công; giảm từ 7 xuống 5 ngày làm việc.', effectiveDate: '2025-10-01', decision: 'approved' },
  { code: 'TY-HT-13', change: { kind: 'cut_time', processingTime: { value: 2, unit: 'working_day' } }, rationale: 'Tra cứu tình trạng hôn nhân trên Cơ sở dữ liệu hộ tịch điện tử; giảm 1 ngày.', effectiveDate: '2025-10-01', decision: 'approved' },
  { code: 'TY-HKD-01', change: { kind: 'drop_document', documentName: 'Bản sao giấy tờ pháp lý của cá nhân đối với các thành viên hộ gia đình' }, rationale: 'Thông tin cá nhân đã có trên Cơ sở dữ liệu quốc gia về dân cư (khai thác qua định danh điện tử).', effectiveDate: '2025-11-01', decision: 'approved' },
  { code: 'TY-HKD-01', change: { kind: 'cut_fee', feeName: 'Lệ phí đăng ký hộ kinh doanh', amount: 50_000 }, rationale: 'Giảm 50% lệ phí để khuyến khích hộ kinh doanh đăng ký (đề xuất HĐND tỉnh).', effectiveDate: '2026-01-01', decision: 'approved' },
  { code: 'TY-CTR-04', change: { kind: 'move_online', onlineLevel: 'full' }, rationale: 'Đủ điều kiện cung cấp trực tuyến toàn trình qua Cổng Dịch vụ công quốc gia.', effectiveDate: '2025-10-01', decision: 'approved' },
  { code: 'TY-XD-01', change: { kind: 'cut_time', processingTime: { value: 10, unit: 'day' } }, rationale: 'Rút ngắn thời gian thẩm định nhờ bản đồ quy hoạch số; giảm từ 15 xuống 10 ngày.', effectiveDate: '2026-01-01', decision: 'approved' },
  { code: 'TY-HT-16', change: (ids) => ({ kind: 'merge', intoProcedureId: ids.get('TY-HT-02')! }), rationale: 'Hợp nhất vào thủ tục Đăng ký kết hôn (tổ chức lưu động là một hình thức thực hiện).', effectiveDate: '2026-01-01', decision: 'approved' },
  { code: 'TY-HT-04', change: { kind: 'cut_time', processingTime: { value: 1, unit: 'working_day' } }, rationale: 'Đề xuất giải quyết trong 1 ngày.', effectiveDate: '2025-12-01', decision: 'rejected', note: 'Cần thời gian xác minh chứng cứ quan hệ cha, mẹ, con; giữ nguyên 3 ngày.' },
  { code: 'TY-CT-03', change: { kind: 'move_online', onlineLevel: 'partial' }, rationale: 'Tiếp nhận hồ sơ trực tuyến, ký trực tiếp tại Trung tâm.', effectiveDate: '2026-01-01', decision: 'rejected', note: 'Chờ hướng dẫn chứng thực điện tử.' },
];
const PLAN_2026: DemoProposal[] = [
  { code: 'TY-DD-01', change: { kind: 'cut_time', processingTime: { value: 15, unit: 'working_day' } }, rationale: 'Liên thông điện tử với cơ quan thuế; giảm từ 20 xuống 15 ngày làm việc.', effectiveDate: '2027-01-01' },
  { code: 'TY-HT-12', change: { kind: 'cut_fee', feeName: 'Lệ phí thay đổi, cải chính hộ tịch', amount: 0 }, rationale: 'Miễn lệ phí khi nộp trực tuyến toàn trình.', effectiveDate: '2027-01-01' },
  { code: 'TY-CT-05', change: { kind: 'drop_document', documentName: 'Giấy chứng tử hoặc giấy tờ chứng minh người để lại di sản đã chết' }, rationale: 'Khai thác trích lục khai tử trên Cơ sở dữ liệu hộ tịch điện tử.', effectiveDate: '2027-01-01' },
];

const COMMUNE_START = '2025-07-01';

/**
 * Seeds the demo catalogue inside the caller's transaction. `unitIds` maps the demo-locality keys of
 * server/modules/system/demo-locality.ts to unit ids (`p_qn`, `n_tien_yen` are needed; `p_qn_ttpvhcc`,
 * `d_tien_yen`, `d_tien_yen_hcc` are used when present). Does nothing when the demo catalogue is there already.
 * Everything is computed in memory with the module's own version rules and written in a handful of bulk inserts
 * (it runs at every demo start, including each test server). Returns the number of procedures created.
 */
export async function seedDemoProcedures(tx: Tx, unitIds: ReadonlyMap<string, string> | Record<string, string>): Promise<number> {
  const get = (k: string) => (unitIds instanceof Map ? unitIds.get(k) : (unitIds as Record<string, string>)[k]);
  const commune = get('n_tien_yen');
  const province = get('p_qn');
  if (!commune || !province) throw new Error('seedDemoProcedures needs the unit ids of p_qn and n_tien_yen');
  if ((await findProceduresByCodes(tx.db, commune, [COMMUNE[0].code])).length) return 0;

  interface Draft {
    id: string;
    owner: string;
    code: string;
    versions: Array<VersionLike & { changeNote: string | null; proposalId: string | null }>;
  }
  const drafts: Draft[] = [];
  const byCode = new Map<string, Draft>();
  const add = (owner: string, p: DemoProcedure, level: ProcedureContentDto['authorityLevel'], implementing: string[], from: string, decisionRef: string) => {
    const d: Draft = { id: randomUUID(), owner, code: p.code, versions: [{ versionNo: 1, effectiveFrom: from, op: { kind: 'seed' }, content: contentOf(p, level, implementing, decisionRef), changeNote: 'Demo data', proposalId: null }] };
    drafts.push(d);
    byCode.set(p.code, d);
    return d;
  };
  /** Appends a version the way appendVersion does (with the rebase of later-dated versions). */
  const append = (d: Draft, effectiveFrom: string, change: (c: ProcedureContentDto) => ProcedureContentDto, op: VersionOp, changeNote: string, proposalId: string | null = null) => {
    const base = inForceOn(d.versions, effectiveFrom)!;
    const head = Math.max(...d.versions.map((v) => v.versionNo));
    d.versions.push({ versionNo: head + 1, effectiveFrom, op, content: change(base.content), changeNote, proposalId });
    planRebase(d.versions, effectiveFrom).forEach((r, i) => d.versions.push({ versionNo: head + 2 + i, effectiveFrom: r.effectiveFrom, op: { kind: 'rebase', of: r.of }, content: r.content, changeNote: `Re-applied over version ${head + 1}`, proposalId: null }));
    return head + 1;
  };

  for (const p of COMMUNE) add(commune, p, 'commune', [commune], COMMUNE_START, 'QĐ công bố danh mục TTHC cấp xã của Chủ tịch UBND tỉnh Quảng Ninh (demo; số hiệu chưa xác nhận)');
  for (const p of PROVINCE) add(province, p, 'province', [get('p_qn_ttpvhcc') ?? province], COMMUNE_START, 'QĐ công bố TTHC cấp tỉnh (demo; số hiệu chưa xác nhận)');
  const district = get('d_tien_yen');
  if (district) {
    for (const p of DISTRICT) {
      const d = add(district, p, 'district', [get('d_tien_yen_hcc') ?? district], '2021-01-01', 'QĐ công bố TTHC cấp huyện (demo; số hiệu chưa xác nhận)');
      // The district level ended on 30 June 2025: a version from 1 July 2025 records the abolition.
      append(d, COMMUNE_START, (c) => ({ ...c, status: 'abolished' }), { kind: 'edit', fields: { status: 'abolished' } }, 'Cấp huyện kết thúc hoạt động từ 01/7/2025 (NQ 203/2025/QH15); thủ tục chuyển về cấp xã, cấp tỉnh.');
    }
  }

  // One edit in the history of birth registration, to show versions.
  const birth = byCode.get('TY-HT-01')!;
  const withoutPoa = birth.versions[0].content.documents.filter((doc) => doc.name !== POA[0]);
  append(birth, '2025-09-15', (c) => ({ ...c, processingTimeOnline: { value: 0, unit: 'working_day' }, documents: withoutPoa }), { kind: 'edit', fields: { processingTimeOnline: { value: 0, unit: 'working_day' }, documents: withoutPoa } }, 'Bỏ yêu cầu văn bản ủy quyền đối với cha, mẹ nộp thay (demo).');

  // The review plans of the commune; approved proposals become versions on their dates.
  const plans: Array<typeof procedureReviewPlans.$inferInsert> = [];
  const proposals: Array<typeof procedureProposals.$inferInsert> = [];
  const ids = new Map([...byCode].map(([code, d]) => [code, d.id]));
  const seedPlan = (year: number, title: string, baselineDate: string, list: DemoProposal[], status: 'open' | 'closed') => {
    const planId = randomUUID();
    plans.push({ id: planId, unitId: commune, year, title, note: 'Dữ liệu demo', baselineDate, status, procedureIds: [...new Set(list.map((p) => byCode.get(p.code)!.id))] });
    for (const p of list) {
      const d = byCode.get(p.code)!;
      const change = typeof p.change === 'function' ? p.change(ids) : p.change;
      const id = randomUUID();
      const baseVersionNo = Math.max(...d.versions.map((v) => v.versionNo));
      const resultVersionNo = p.decision === 'approved' ? append(d, p.effectiveDate, (c) => applyProposalChange(c, change), { kind: 'proposal', proposalId: id, change }, p.rationale, id) : null;
      proposals.push({ id, planId, procedureId: d.id, unitId: commune, kind: change.kind, change, rationale: p.rationale, effectiveDate: p.effectiveDate, status: p.decision ?? 'proposed', baseVersionNo, resultVersionNo, decidedAt: p.decision ? new Date(`${p.effectiveDate}T00:00:00+07:00`) : null, decisionNote: p.note ?? null, version: p.decision ? 2 : 1 });
    }
  };
  seedPlan(2025, 'Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2025 (demo)', COMMUNE_START, PLAN_2025, 'closed');
  seedPlan(2026, 'Kế hoạch rà soát, đánh giá thủ tục hành chính năm 2026 (demo)', '2026-01-01', PLAN_2026, 'open');

  await tx.db.insert(procedures).values(drafts.map((d) => ({ id: d.id, ownerUnitId: d.owner, code: d.code, isDemo: true, version: Math.max(...d.versions.map((v) => v.versionNo)) })));
  await tx.db.insert(procedureVersions).values(
    drafts.flatMap((d) =>
      d.versions.map((v) => ({ ...v.content, procedureId: d.id, ownerUnitId: d.owner, code: d.code, versionNo: v.versionNo, effectiveFrom: v.effectiveFrom, op: v.op, changeNote: v.changeNote, proposalId: v.proposalId, createdBy: null })),
    ),
  );
  await tx.db.insert(procedureReviewPlans).values(plans);
  await tx.db.insert(procedureProposals).values(proposals);
  await recordAudit(tx, systemActor('seed'), { action: 'procedure.seed_demo', subjectType: 'procedure', unitId: commune, after: { procedures: drafts.length, versions: drafts.reduce((a, d) => a + d.versions.length, 0), plans: plans.length, proposals: proposals.length } });
  return drafts.length;
}

/** Number of commune-level demo procedures (for tests and docs). */
export const DEMO_COMMUNE_PROCEDURE_COUNT = COMMUNE.length;
