/**
 * What the accounts module's refusals say (the problem's `detail`), in the three interface languages; and the
 * refusal every module meets through `ctx.requireUnit`: a right not granted on a unit, naming the right in words.
 */
import { AppError, fillEach, type LocalizedText } from '../../platform/errors.ts';
import { ROLE_LABELS, type Permission, type Role } from './permissions.ts';

export const ACCOUNT_REFUSALS = {
  /** `{action}` is filled per language from PERMISSION_ACTIONS (see `notGranted`). */
  notGrantedOnUnit: { vi: 'Tài khoản của bạn chưa được giao quyền {action} tại đơn vị này', en: 'your account is not granted the right {action} in this unit', fr: 'votre compte n’a pas le droit {action} dans cette unité' },
  notGrantedInstallationWide: { vi: 'Tài khoản của bạn chưa được giao quyền {action} trên phạm vi toàn hệ thống', en: 'your account is not granted the right {action} installation-wide', fr: 'votre compte n’a pas le droit {action} pour toute l’installation' },
  /** `{role}` is filled per language from the role labels. */
  installationWideRoleByGlobalAdmin: { vi: 'Chỉ quản trị viên toàn hệ thống mới giao được vai trò “{role}” trên phạm vi toàn hệ thống', en: 'only a global administrator grants the role “{role}” installation-wide', fr: 'seul un administrateur global attribue le rôle « {role} » pour toute l’installation' },
  grantOutsideScope: { vi: 'Không thể giao vai trò “{role}” tại {unit}: đơn vị này nằm ngoài phạm vi bạn quản lý', en: 'cannot grant the role “{role}” on {unit}: this unit is outside your scope', fr: 'impossible d’attribuer le rôle « {role} » sur {unit} : cette unité est hors de votre périmètre' },
  accountOutsideScope: { vi: 'Tài khoản này không có vai trò nào tại đơn vị bạn quản lý', en: 'this account holds no role in the units you manage', fr: 'ce compte n’a aucun rôle dans les unités que vous gérez' },
  unitAdminMustGrant: { vi: 'Tài khoản mới phải được giao ít nhất một vai trò tại đơn vị bạn quản lý', en: 'a unit administrator must grant at least one role in their units', fr: 'un administrateur d’unité doit attribuer au moins un rôle dans ses unités' },
  usernameTaken: { vi: 'Tên đăng nhập {username} đã được dùng cho một tài khoản khác', en: 'username {username} is taken', fr: 'l’identifiant {username} est déjà utilisé par un autre compte' },
  cannotDisableSelf: { vi: 'Không thể tự vô hiệu hoá tài khoản của chính mình', en: 'you cannot disable your own account', fr: 'vous ne pouvez pas désactiver votre propre compte' },
  cannotRevokeOwnAdmin: { vi: 'Không thể tự thu hồi vai trò quản trị của chính mình', en: 'you cannot revoke your own administrator role', fr: 'vous ne pouvez pas retirer votre propre rôle d’administrateur' },
  staleVersion: { vi: 'Tài khoản {username} vừa được người khác cập nhật (phiên bản {current}, bạn đang xem {sent}); hãy tải lại', en: 'account {username} is at version {current}, not {sent}', fr: 'le compte {username} est à la version {current}, pas {sent} ; rechargez' },
} as const satisfies Record<string, LocalizedText>;

/**
 * What each permission lets one do, as the end of "the right …" in each language (French carries its own
 * preposition: « de consulter », « d’approuver »).
 */
export const PERMISSION_ACTIONS = {
  'units.read': { vi: 'xem danh mục đơn vị', en: 'to view units', fr: 'de consulter les unités' },
  'units.write': { vi: 'cập nhật danh mục đơn vị', en: 'to edit units', fr: 'de modifier les unités' },
  'units.reorganise': { vi: 'sắp xếp lại đơn vị hành chính', en: 'to reorganise units', fr: 'de réorganiser les unités' },
  'accounts.read': { vi: 'xem tài khoản', en: 'to view accounts', fr: 'de consulter les comptes' },
  'accounts.write': { vi: 'quản lý tài khoản', en: 'to manage accounts', fr: 'de gérer les comptes' },
  'audit.read': { vi: 'xem nhật ký hệ thống', en: 'to read the audit log', fr: 'de consulter le journal d’audit' },
  'calendar.read': { vi: 'xem lịch làm việc', en: 'to view the working calendar', fr: 'de consulter le calendrier de travail' },
  'calendar.write': { vi: 'thay đổi lịch làm việc', en: 'to change the working calendar', fr: 'de modifier le calendrier de travail' },
  'procedures.write': { vi: 'cập nhật thủ tục hành chính', en: 'to edit procedures', fr: 'de modifier les procédures' },
  'procedures.approve': { vi: 'phê duyệt thủ tục hành chính', en: 'to approve procedures', fr: 'd’approuver les procédures' },
  'dossiers.read': { vi: 'xem hồ sơ', en: 'to view dossiers', fr: 'de consulter les dossiers' },
  'dossiers.receive': { vi: 'tiếp nhận hồ sơ', en: 'to receive dossiers', fr: 'de recevoir les dossiers' },
  'dossiers.process': { vi: 'xử lý hồ sơ', en: 'to process dossiers', fr: 'de traiter les dossiers' },
  'dossiers.approve': { vi: 'phê duyệt hồ sơ', en: 'to approve dossiers', fr: 'd’approuver les dossiers' },
  'feedback.handle': { vi: 'xử lý phản ánh, kiến nghị', en: 'to handle feedback', fr: 'de traiter les réclamations et propositions' },
  'feedback.configure': { vi: 'cấu hình việc tiếp nhận phản ánh, kiến nghị', en: 'to configure feedback handling', fr: 'de paramétrer le traitement des réclamations et propositions' },
  'dashboard.read': { vi: 'xem bảng điều hành', en: 'to view the dashboard', fr: 'de consulter le tableau de bord' },
  'reform.read': { vi: 'xem thông tin cải cách hành chính', en: 'to view administrative reform data', fr: 'de consulter les données de la réforme administrative' },
  'reform.write': { vi: 'cập nhật công tác cải cách hành chính', en: 'to edit administrative reform data', fr: 'de modifier les données de la réforme administrative' },
  'reform.appraise': { vi: 'thẩm định chỉ số cải cách hành chính', en: 'to appraise the PAR index', fr: 'd’évaluer l’indice de réforme administrative' },
  'inspections.write': { vi: 'quản lý công tác kiểm tra', en: 'to manage inspections', fr: 'de gérer les inspections' },
  'discipline.read': { vi: 'xem thông tin kỷ luật, kỷ cương hành chính', en: 'to view discipline records', fr: 'de consulter les dossiers disciplinaires' },
  'discipline.write': { vi: 'cập nhật thông tin kỷ luật, kỷ cương hành chính', en: 'to record discipline', fr: 'd’enregistrer les mesures disciplinaires' },
  'portal.self': { vi: 'sử dụng cổng dịch vụ công', en: 'to use the citizen portal', fr: 'd’utiliser le portail citoyen' },
} as const satisfies Record<Permission, LocalizedText>;

/** A role's label in each language, for `fillEach`. */
export const roleLabel = (role: Role): LocalizedText => ROLE_LABELS[role];

/**
 * FORBIDDEN: `permission` is not granted on `unitId` (or, for null, installation-wide), naming the right in the
 * caller's language. The permission and unit stay in the params for logs and API clients.
 */
export function notGranted(permission: Permission, unitId: string | null | undefined): AppError {
  const text = unitId ? ACCOUNT_REFUSALS.notGrantedOnUnit : ACCOUNT_REFUSALS.notGrantedInstallationWide;
  return new AppError('FORBIDDEN', { detail: fillEach(text, { action: PERMISSION_ACTIONS[permission] }), params: { permission, unitId: unitId ?? '' } });
}
