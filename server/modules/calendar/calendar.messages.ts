/**
 * What the calendar module's refusals say (the problem's `detail`), in the three interface languages. The engine's
 * own errors (`CalendarError`) are worded by `messageOf` in calendar.errors.ts.
 */
import type { LocalizedText } from '../../platform/errors.ts';

export const CALENDAR_REFUSALS = {
  nationalByGlobalAdmin: { vi: 'Chỉ quản trị viên toàn hệ thống mới được thay đổi lịch làm việc chung toàn quốc', en: 'only an installation-wide administrator changes the national calendar', fr: 'seul un administrateur de toute l’installation modifie le calendrier national' },
  nationalKeepsSettings: { vi: 'Lịch làm việc chung toàn quốc phải có cấu hình giờ làm việc; không thể bỏ cấu hình này', en: 'the national calendar must keep its office settings', fr: 'le calendrier national doit garder ses horaires de bureau' },
  staleVersion: { vi: 'Lịch làm việc của đơn vị vừa được người khác cập nhật (phiên bản {current}, bạn đang xem {sent}); hãy tải lại', en: 'the calendar of this unit is at version {current}, not {sent}', fr: 'le calendrier de cette unité est à la version {current}, pas {sent} ; rechargez' },
  changedMeanwhile: { vi: 'Lịch làm việc vừa được người khác thay đổi; hãy tải lại và thử lại', en: 'the calendar changed meanwhile', fr: 'le calendrier a été modifié entre-temps ; rechargez et réessayez' },
  dayOffExists: { vi: 'Ngày {date} đã được ghi là ngày nghỉ trong lịch này; hãy xoá mục đó trước khi thêm mới', en: '{date} already has an entry in this calendar (day off); remove it first', fr: 'le {date} figure déjà comme jour chômé dans ce calendrier ; supprimez-le d’abord' },
  makeupDayExists: { vi: 'Ngày {date} đã được ghi là ngày làm bù trong lịch này; hãy xoá mục đó trước khi thêm mới', en: '{date} already has an entry in this calendar (make-up working day); remove it first', fr: 'le {date} figure déjà comme jour de récupération dans ce calendrier ; supprimez-le d’abord' },
  entryRemovedMeanwhile: { vi: 'Mục này vừa được người khác xoá khỏi lịch; hãy tải lại', en: 'the entry was removed meanwhile', fr: 'cette entrée a été supprimée entre-temps ; rechargez' },
} as const satisfies Record<string, LocalizedText>;
