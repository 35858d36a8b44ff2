/**
 * A SYNTHETIC, labelled feedback history for the routing classifier's evaluation and tests: the demo seed has six
 * feedback items (two classified), far below `MIN_EXAMPLES_PER_CLASS`, so a locality's own history is imitated
 * here. Each item is an issue phrasing (several per field, some deliberately overlapping other fields) with a
 * place, a greeting or a closing, and noise: a quarter typed without accents, a fifth in lower case. The handling
 * unit follows the issue (land and construction → Phòng Kinh tế, social matters → Phòng Văn hóa - Xã hội …).
 * Deterministic for a seed. `insertDemoHistory` puts it in the inbox as already-classified items (is_demo).
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { searchNorm } from '../../platform/text.ts';
import { recordAudit, systemActor } from '../audit/audit.service.ts';
import type { FeedbackField } from '../feedback/index.ts';
import { feedbackItems } from '../feedback/feedback.schema.ts';
import { receiveFeedback } from '../feedback/feedback.service.ts';
import { prng } from './assist.text.ts';

/** Handling units of a commune, by role (the commune itself and its offices in the demo locality). */
export type UnitRole = 'commune' | 'service_center' | 'office' | 'economy' | 'culture_society';

interface Issue {
  field: FeedbackField;
  unit: UnitRole;
  text: string;
}

const ISSUES: Issue[] = [
  // regulation: rules, fees, documents the law asks for
  { field: 'regulation', unit: 'office', text: 'Đề nghị xem xét lại quy định phải nộp bản sao có chứng thực khi đã có căn cước công dân.' },
  { field: 'regulation', unit: 'office', text: 'Thủ tục chứng thực yêu cầu quá nhiều bản sao, đề nghị đơn giản hóa.' },
  { field: 'regulation', unit: 'economy', text: 'Lệ phí cấp giấy chứng nhận quyền sử dụng đất quá cao so với thu nhập của người dân.' },
  { field: 'regulation', unit: 'economy', text: 'Quy định về hạn mức tách thửa đất ở chưa rõ ràng, người dân không biết thế nào là đủ điều kiện.' },
  { field: 'regulation', unit: 'culture_society', text: 'Chính sách trợ cấp cho người cao tuổi còn thấp, đề nghị nâng mức hỗ trợ hằng tháng.' },
  { field: 'regulation', unit: 'office', text: 'Thành phần hồ sơ đăng ký thường trú niêm yết khác với hướng dẫn trên cổng dịch vụ công.' },
  { field: 'regulation', unit: 'economy', text: 'Kiến nghị bãi bỏ yêu cầu xác nhận của thôn khi xin giấy phép xây dựng nhà ở.' },
  { field: 'regulation', unit: 'culture_society', text: 'Tiêu chí xét hộ cận nghèo chưa phù hợp với thực tế ở miền núi.' },
  // conduct: officials' behaviour
  { field: 'conduct', unit: 'commune', text: 'Cán bộ tiếp nhận có thái độ thiếu tôn trọng, nói trống không với người dân.' },
  { field: 'conduct', unit: 'commune', text: 'Cán bộ một cửa vừa làm việc vừa sử dụng điện thoại, để người dân chờ lâu.' },
  { field: 'conduct', unit: 'commune', text: 'Có dấu hiệu cán bộ gợi ý nộp thêm tiền bồi dưỡng để được làm nhanh.' },
  { field: 'conduct', unit: 'commune', text: 'Công chức địa chính quát mắng người dân khi hỏi về hồ sơ đất.' },
  { field: 'conduct', unit: 'commune', text: 'Cán bộ đi muộn về sớm, giờ hành chính thường không có mặt tại quầy.' },
  { field: 'conduct', unit: 'commune', text: 'Nhân viên trả lời điện thoại đường dây nóng thiếu lịch sự và cúp máy ngang.' },
  { field: 'conduct', unit: 'commune', text: 'Khen ngợi cán bộ tư pháp hướng dẫn tận tình, chu đáo.' },
  // dossier handling: delays, extra documents
  { field: 'dossier_handling', unit: 'economy', text: 'Hồ sơ cấp giấy chứng nhận quyền sử dụng đất nộp đã hai tháng vẫn chưa có kết quả, quá hẹn.' },
  { field: 'dossier_handling', unit: 'office', text: 'Hồ sơ đăng ký khai sinh bị yêu cầu bổ sung nhiều lần, mỗi lần một loại giấy tờ.' },
  { field: 'dossier_handling', unit: 'economy', text: 'Hồ sơ xin giấy phép xây dựng bị trả lại mà không có phiếu hướng dẫn ghi rõ lý do.' },
  { field: 'dossier_handling', unit: 'culture_society', text: 'Hồ sơ hưởng trợ cấp xã hội của mẹ tôi trễ hẹn, không nhận được giấy xin lỗi.' },
  { field: 'dossier_handling', unit: 'office', text: 'Đến hẹn trả kết quả đăng ký kết hôn nhưng cán bộ nói chưa ký, bảo về chờ thêm.' },
  { field: 'dossier_handling', unit: 'economy', text: 'Hồ sơ đăng ký hộ kinh doanh bị đòi thêm bản sao giấy tờ không có trong danh mục.' },
  { field: 'dossier_handling', unit: 'culture_society', text: 'Hồ sơ xác nhận khuyết tật nộp lâu rồi mà chưa được gọi đi giám định.' },
  // online services
  { field: 'online_service', unit: 'service_center', text: 'Cổng dịch vụ công không đăng nhập được bằng tài khoản định danh điện tử.' },
  { field: 'online_service', unit: 'service_center', text: 'Thanh toán lệ phí trực tuyến báo lỗi nhưng tài khoản ngân hàng vẫn bị trừ tiền.' },
  { field: 'online_service', unit: 'service_center', text: 'Nộp hồ sơ trực tuyến xong không nhận được tin nhắn hay thư báo tiếp nhận.' },
  { field: 'online_service', unit: 'service_center', text: 'Hỏi cách nộp hồ sơ qua mạng và tải lên bản chụp giấy tờ.' },
  { field: 'online_service', unit: 'service_center', text: 'Trang web tra cứu hồ sơ bị treo, không xem được tình trạng hồ sơ.' },
  { field: 'online_service', unit: 'service_center', text: 'Ứng dụng trên điện thoại không hiển thị được biểu mẫu tờ khai điện tử.' },
  { field: 'online_service', unit: 'service_center', text: 'Không ký số được khi nộp hồ sơ toàn trình trên cổng.' },
  // facilities of the centre
  { field: 'facilities', unit: 'office', text: 'Đề nghị bố trí thêm ghế chờ và quạt ở khu vực tiếp nhận.' },
  { field: 'facilities', unit: 'office', text: 'Nhà vệ sinh của trung tâm hành chính bẩn, không có nước.' },
  { field: 'facilities', unit: 'office', text: 'Máy lấy số thứ tự bị hỏng cả tuần, người dân phải chen lấn.' },
  { field: 'facilities', unit: 'office', text: 'Bãi gửi xe trước trụ sở chật, không có mái che mưa nắng.' },
  { field: 'facilities', unit: 'office', text: 'Không có lối đi cho xe lăn, người khuyết tật khó vào trụ sở.' },
  { field: 'facilities', unit: 'office', text: 'Máy tính tra cứu tại sảnh không hoạt động, màn hình tối.' },
  { field: 'facilities', unit: 'office', text: 'Điều hòa phòng chờ không chạy, mùa hè rất nóng.' },
  // other: matters of the commune outside the centre
  { field: 'other', unit: 'economy', text: 'Đèn chiếu sáng trên đường liên thôn bị hỏng nhiều tháng chưa sửa.' },
  { field: 'other', unit: 'economy', text: 'Đường vào thôn bị sạt lở sau mưa lớn, xe máy không đi được.' },
  { field: 'other', unit: 'economy', text: 'Rác thải đổ trộm ven suối gây ô nhiễm, bốc mùi.' },
  { field: 'other', unit: 'culture_society', text: 'Loa phát thanh của thôn mở quá to vào sáng sớm.' },
  { field: 'other', unit: 'culture_society', text: 'Quán karaoke hát to sau mười một giờ đêm làm mất trật tự.' },
  { field: 'other', unit: 'economy', text: 'Cống thoát nước bị tắc, nước tràn vào nhà dân mỗi khi mưa.' },
  { field: 'other', unit: 'culture_society', text: 'Nhà văn hóa thôn xuống cấp, mái dột, đề nghị sửa chữa.' },
];

const PLACES = ['thôn Khe Tiên', 'thôn Nà Cam', 'thôn Đông Hà', 'thôn Đồng Và', 'khu phố Hòa Bình', 'khu phố Lý Thường Kiệt', 'tổ 5', 'ngõ 12 đường Trần Phú'];
const OPENERS = ['', '', 'Kính gửi Trung tâm, ', 'Tôi là người dân ', 'Xin phản ánh: ', 'Gia đình tôi ở ', 'Kính đề nghị lãnh đạo xã xem xét: '];
const CLOSERS = ['', '', ' Mong được giải quyết sớm.', ' Xin cảm ơn.', ' Đề nghị kiểm tra và trả lời.', ' Rất mong nhận được phản hồi.'];

export interface HistoryExample {
  text: string;
  field: FeedbackField;
  unit: UnitRole;
  /** Index of the issue phrasing (for a split that holds some phrasings out entirely). */
  issue: number;
}

/** `perIssue` examples of every issue phrasing, shuffled deterministically. */
export function demoFeedbackHistory(perIssue = 6, seed = 7): HistoryExample[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const out: HistoryExample[] = [];
  ISSUES.forEach((issue, i) => {
    for (let k = 0; k < perIssue; k++) {
      const opener = pick(OPENERS);
      const place = pick(PLACES);
      const lead = opener === 'Tôi là người dân ' || opener === 'Gia đình tôi ở ' ? `${opener}${place}. ` : `${opener}${random() < 0.5 ? `Tại ${place}, ` : ''}`;
      let text = `${lead}${lead.endsWith(', ') ? issue.text[0].toLowerCase() + issue.text.slice(1) : issue.text}${pick(CLOSERS)}`;
      const r = random();
      if (r < 0.25) text = searchNorm(text);
      else if (r < 0.45) text = text.toLowerCase();
      out.push({ text, field: issue.field, unit: issue.unit, issue: i });
    }
  });
  return out;
}

export const DEMO_ISSUE_COUNT = ISSUES.length;

/**
 * Puts a synthetic history in the inbox of a commune as already-classified items (received, then acknowledged and
 * closed, handled by the unit of their role; `is_demo`), through the feedback module's `receiveFeedback`.
 * Returns the unit id of each role.
 */
export async function insertDemoHistory(database: Database, communeName: string, examples: readonly HistoryExample[], now = new Date()): Promise<Record<UnitRole, string>> {
  const db = database.db;
  const [commune] = ((await db.execute(sql`SELECT id FROM units WHERE name = ${communeName} ORDER BY valid_from DESC LIMIT 1`)) as unknown as { rows: Array<{ id: string }> }).rows;
  if (!commune) throw new Error(`no unit named ${communeName}`);
  const children = ((await db.execute(sql`SELECT id, name, kind FROM units WHERE parent_id = ${commune.id}::uuid`)) as unknown as { rows: Array<{ id: string; name: string; kind: string }> }).rows;
  const child = (test: (u: { name: string; kind: string }) => boolean) => children.find(test)?.id ?? commune.id;
  const units: Record<UnitRole, string> = {
    commune: commune.id,
    service_center: child((u) => u.kind === 'service_center'),
    office: child((u) => u.name.startsWith('Văn phòng')),
    economy: child((u) => u.name === 'Phòng Kinh tế'),
    culture_society: child((u) => u.name.startsWith('Phòng Văn hóa')),
  };
  const actor = systemActor('assist-demo-history');
  for (const [i, ex] of examples.entries()) {
    const receivedAt = new Date(now.getTime() - (examples.length - i) * 3_600_000);
    const item = await receiveFeedback(database, actor, { channel: 'web', type: 'complaint', field: ex.field, unitId: units[ex.unit], body: ex.text, sender: {}, consentPublish: false, receivedAt, isDemo: true }, now);
    await database.transaction(async (tx) => {
      await tx.db.update(feedbackItems).set({ status: 'closed', acknowledgedAt: receivedAt, answeredAt: receivedAt, closedAt: receivedAt, answer: 'Đã xử lý.', version: item.version + 1 }).where(eq(feedbackItems.id, item.id));
      await recordAudit(tx, actor, { action: 'feedback.answer', subjectType: 'feedback', subjectId: item.id, unitId: item.unitId, after: { status: 'closed', demo: true, synthetic: true } });
    });
  }
  return units;
}
