/**
 * An ILLUSTRATIVE commune-level criteria tree for the demo (8 areas, 100 points, 26 of them from the
 * sociological survey). Its shape follows the provincial PAR INDEX areas (QĐ 876/QĐ-BNV; earlier QĐ 2948/QĐ-BNV
 * point allocations); its criteria and points are NOT Quảng Ninh's: a real installation imports the province's
 * own decision (sheet "TieuChi", docs/reform.md).
 */
export interface TreeRow {
  code: string;
  title: string;
  max: number;
  method?: 'self' | 'survey';
  figure?: string;
  guidance?: string;
}

export const PAR_TREE_2025: TreeRow[] = [
  { code: '1', title: 'Công tác chỉ đạo, điều hành cải cách hành chính', max: 10 },
  { code: '1.1', title: 'Kế hoạch cải cách hành chính năm', max: 3 },
  { code: '1.1.1', title: 'Ban hành kế hoạch CCHC năm kịp thời', max: 1, guidance: 'Ban hành trước ngày 31/12 năm trước: 1 điểm; trong tháng 1: 0,5 điểm; sau tháng 1: 0 điểm.' },
  { code: '1.1.2', title: 'Mức độ hoàn thành kế hoạch CCHC', max: 2, guidance: 'Hoàn thành 100% nhiệm vụ: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm. Tài liệu kiểm chứng: báo cáo kết quả thực hiện.' },
  { code: '1.2', title: 'Báo cáo định kỳ công tác CCHC đầy đủ, đúng hạn', max: 2 },
  { code: '1.3', title: 'Kiểm tra công tác cải cách hành chính', max: 3 },
  { code: '1.3.1', title: 'Tỷ lệ cơ quan, đơn vị, thôn được kiểm tra trong năm', max: 1.5, guidance: 'Từ 30% trở lên: 1,5 điểm; dưới 30%: 0,5 điểm.' },
  { code: '1.3.2', title: 'Xử lý các vấn đề phát hiện qua kiểm tra', max: 1.5, guidance: '100% kiến nghị được khắc phục, có tài liệu kiểm chứng: 1,5 điểm.' },
  { code: '1.4', title: 'Công tác tuyên truyền cải cách hành chính', max: 2 },
  { code: '2', title: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', max: 8 },
  { code: '2.1', title: 'Ban hành văn bản quy phạm pháp luật theo thẩm quyền đúng quy định', max: 4 },
  { code: '2.2', title: 'Theo dõi thi hành pháp luật, rà soát văn bản', max: 4 },
  { code: '3', title: 'Cải cách thủ tục hành chính', max: 16 },
  { code: '3.1', title: 'Công khai thủ tục hành chính tại Bộ phận Một cửa và trên Cổng dịch vụ công', max: 4, guidance: 'Công khai đầy đủ, đúng hạn 100% thủ tục: 4 điểm.' },
  { code: '3.2', title: 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn', max: 6, figure: 'dossiers.on_time_rate', guidance: 'Từ 98% trở lên: 6 điểm; mỗi 1% thấp hơn trừ 0,5 điểm.' },
  { code: '3.3', title: 'Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn', max: 3, figure: 'feedback.on_time_rate' },
  { code: '3.4', title: 'Rà soát, đơn giản hoá thủ tục hành chính', max: 3 },
  { code: '4', title: 'Cải cách tổ chức bộ máy hành chính', max: 8 },
  { code: '4.1', title: 'Sắp xếp tổ chức bộ máy, thôn, khu phố theo quy định', max: 4 },
  { code: '4.2', title: 'Thực hiện quy định về vị trí việc làm, biên chế', max: 4 },
  { code: '5', title: 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức', max: 12 },
  { code: '5.1', title: 'Đào tạo, bồi dưỡng cán bộ, công chức, người hoạt động không chuyên trách', max: 4, figure: 'training.trainees', guidance: 'Thực hiện đầy đủ kế hoạch bồi dưỡng năm: 4 điểm. Số liệu motcua: lượt học viên các lớp do xã tổ chức trong năm.' },
  { code: '5.2', title: 'Chấp hành kỷ luật, kỷ cương hành chính', max: 4 },
  { code: '5.3', title: 'Đánh giá, xếp loại chất lượng cán bộ, công chức', max: 4 },
  { code: '6', title: 'Cải cách tài chính công', max: 6 },
  { code: '6.1', title: 'Quản lý, sử dụng ngân sách đúng quy định', max: 3 },
  { code: '6.2', title: 'Thực hành tiết kiệm, chống lãng phí', max: 3 },
  { code: '7', title: 'Xây dựng chính quyền điện tử, chính quyền số', max: 14 },
  { code: '7.1', title: 'Tỷ lệ hồ sơ thủ tục hành chính tiếp nhận trực tuyến', max: 5, figure: 'dossiers.online_rate' },
  { code: '7.2', title: 'Số hoá hồ sơ, kết quả giải quyết thủ tục hành chính', max: 5, figure: 'dossiers.digitised_rate' },
  { code: '7.3', title: 'Cán bộ, công chức có tài khoản định danh điện tử, sử dụng thành thạo phần mềm chuyên ngành', max: 4, figure: 'accounts.official_accounts' },
  { code: '8', title: 'Tác động của cải cách hành chính đến người dân, tổ chức (điều tra xã hội học)', max: 26 },
  { code: '8.1', title: 'Mức độ hài lòng của người dân, tổ chức về giải quyết thủ tục hành chính', max: 10, method: 'survey' },
  { code: '8.2', title: 'Mức độ hài lòng về thái độ, năng lực của cán bộ, công chức', max: 8, method: 'survey' },
  { code: '8.3', title: 'Tác động của cải cách hành chính đến phát triển kinh tế - xã hội địa phương', max: 8, method: 'survey' },
];
