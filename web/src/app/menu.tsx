import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, CalendarOutlined, FileAddOutlined, FileSearchOutlined, FolderOpenOutlined, FundProjectionScreenOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { CloudUploadOutlined } from '@ant-design/icons';
import { DashboardOutlined } from '@ant-design/icons';
import { BulbOutlined, FileProtectOutlined, LockOutlined, ReadOutlined, SafetyCertificateOutlined, TrophyOutlined } from '@ant-design/icons';
import { PartitionOutlined } from '@ant-design/icons';
import { MessageOutlined, SmileOutlined } from '@ant-design/icons';
import type { Permission } from './types.ts';

/**
 * The menu registry: one entry per module page. The router makes one route per entry, the side menu and the
 * home page show the entries whose `permission` the user holds (from GET /api/v1/auth/me), and the page's code
 * is only downloaded when first opened (React.lazy).
 *
 * Adding a module (calendar, procedures, dossiers, feedback, dashboard, reform…) is a 2-line change:
 *   1. one entry below, e.g.
 *        { key: 'dossiers', path: '/ho-so', permission: 'dossiers.read', icon: <FolderOpenOutlined />, page: lazy(() => import('../features/dossiers/DossiersPage.tsx')) },
 *   2. its label and description under `menu.dossiers` in i18n/vi.ts (the compiler then asks for en.ts and fr.ts).
 * Paths are Vietnamese slugs without accents, like /don-vi, /tai-khoan, /nhat-ky.
 */
export interface MenuItem {
  /** Key of `menu.<key>` in the translations, and of the menu entry. */
  key: MenuKey;
  path: string;
  /** Permission needed to see the item and open the page; null = every signed-in user. */
  permission: Permission | null;
  icon: ReactNode;
  page: LazyExoticComponent<ComponentType>;
}
type MenuKey = keyof typeof import('../i18n/vi.ts').default.menu;

export const MENU: MenuItem[] = [
  { key: 'home', path: '/', permission: null, icon: <HomeOutlined />, page: lazy(() => import('../features/home/HomePage.tsx')) },
  { key: 'dossiers', path: '/ho-so', permission: 'dossiers.read', icon: <FolderOpenOutlined />, page: lazy(() => import('../features/dossiers/DossiersPage.tsx')) },
  { key: 'dossierReceipt', path: '/ho-so/tiep-nhan', permission: 'dossiers.receive', icon: <FileAddOutlined />, page: lazy(() => import('../features/dossiers/ReceiptPage.tsx')) },
  { key: 'portalInbox', path: '/ho-so-truc-tuyen', permission: 'dossiers.receive', icon: <CloudUploadOutlined />, page: lazy(() => import('../features/portal/OnlineInboxPage.tsx')) },
  { key: 'dashboard', path: '/bang-dieu-hanh', permission: 'dashboard.read', icon: <DashboardOutlined />, page: lazy(() => import('../features/dashboard/DashboardPage.tsx')) },
  { key: 'units', path: '/don-vi', permission: 'units.read', icon: <ApartmentOutlined />, page: lazy(() => import('../features/units/UnitsPage.tsx')) },
  { key: 'reorganisation', path: '/sap-xep-don-vi', permission: 'units.reorganise', icon: <PartitionOutlined />, page: lazy(() => import('../features/reorganisation/ReorganisationPage.tsx')) },
  { key: 'accounts', path: '/tai-khoan', permission: 'accounts.read', icon: <TeamOutlined />, page: lazy(() => import('../features/accounts/AccountsPage.tsx')) },
  { key: 'audit', path: '/nhat-ky', permission: 'audit.read', icon: <AuditOutlined />, page: lazy(() => import('../features/audit/AuditPage.tsx')) },
  { key: 'calendar', path: '/lich-lam-viec', permission: 'calendar.read', icon: <CalendarOutlined />, page: lazy(() => import('../features/calendar/CalendarPage.tsx')) },
  { key: 'procedures', path: '/thu-tuc', permission: null, icon: <FileSearchOutlined />, page: lazy(() => import('../features/procedures/ProceduresPage.tsx')) },
  { key: 'procedureReviews', path: '/ra-soat-thu-tuc', permission: 'reform.read', icon: <FundProjectionScreenOutlined />, page: lazy(() => import('../features/procedures/ReviewsPage.tsx')) },
  { key: 'reformPar', path: '/chi-so-cchc', permission: 'reform.read', icon: <TrophyOutlined />, page: lazy(() => import('../features/reform/ParPage.tsx')) },
  { key: 'reformSteering', path: '/van-ban-chi-dao', permission: 'reform.read', icon: <FileProtectOutlined />, page: lazy(() => import('../features/reform/SteeringPage.tsx')) },
  { key: 'reformInspections', path: '/kiem-tra-cchc', permission: 'reform.read', icon: <SafetyCertificateOutlined />, page: lazy(() => import('../features/reform/InspectionsPage.tsx')) },
  { key: 'reformInitiatives', path: '/sang-kien', permission: 'reform.read', icon: <BulbOutlined />, page: lazy(() => import('../features/reform/InitiativesPage.tsx')) },
  { key: 'reformTraining', path: '/dao-tao-boi-duong', permission: 'reform.read', icon: <ReadOutlined />, page: lazy(() => import('../features/reform/TrainingPage.tsx')) },
  { key: 'reformDiscipline', path: '/ky-luat', permission: 'discipline.read', icon: <LockOutlined />, page: lazy(() => import('../features/reform/DisciplinePage.tsx')) },
  { key: 'feedback', path: '/phan-anh', permission: 'feedback.handle', icon: <MessageOutlined />, page: lazy(() => import('../features/feedback/FeedbackInboxPage.tsx')) },
  { key: 'satisfaction', path: '/hai-long', permission: 'dashboard.read', icon: <SmileOutlined />, page: lazy(() => import('../features/satisfaction/SatisfactionPage.tsx')) },
];

/**
 * Pages reached from a module page rather than from the menu (a dossier's detail): routed like the entries above,
 * with their permission, but never listed; the menu highlights the entry whose path they extend.
 */
export const SUBPAGES: MenuItem[] = [
  { key: 'dossiers', path: '/ho-so/:id', permission: 'dossiers.read', icon: null, page: lazy(() => import('../features/dossiers/DossierDetailPage.tsx')) },
];

/** The entries a user with these permissions may use, in menu order. */
export function visibleMenu(can: (p: Permission | null) => boolean): MenuItem[] {
  return MENU.filter((item) => can(item.permission));
}

/** The entry whose path best matches a location (longest prefix), for highlighting the menu. */
export function menuItemFor(pathname: string): MenuItem | undefined {
  return [...MENU].sort((a, b) => b.path.length - a.path.length).find((m) => (m.path === '/' ? pathname === '/' : pathname === m.path || pathname.startsWith(`${m.path}/`)));
}
