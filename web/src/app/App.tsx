import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { Loading } from '../components/Loading.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { AppLayout } from './AppLayout.tsx';
import { useAuth } from './auth.tsx';
import { MENU, SUBPAGES, type MenuItem } from './menu.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Providers } from './Providers.tsx';

export const LOGIN_PATH = '/dang-nhap';
export const CHANGE_PASSWORD_PATH = '/doi-mat-khau';
/** The public procedure catalogue: no sign-in. */
const PublicCataloguePage = lazy(() => import('../features/procedures/PublicCataloguePage.tsx'));
/** Public dossier tracking (code + last 4 digits; the receipt slip's QR code points here): no sign-in. */
const TrackingPage = lazy(() => import('../features/tracking/TrackingPage.tsx'));
/** The satisfaction kiosk at the counter (/danh-gia) and the public feedback page: no sign-in. */
const KioskPage = lazy(() => import('../features/satisfaction/KioskPage.tsx'));
const PublicFeedbackPage = lazy(() => import('../features/feedback/PublicFeedbackPage.tsx'));
/** Public scoreboard of the Decision 766 service index: no sign-in. */
const PublicScoreboardPage = lazy(() => import('../features/dashboard/PublicScoreboardPage.tsx'));
/** The citizen portal (sign-in with the electronic identity, online filing, my dossiers): its own sign-in. */
const PortalPage = lazy(() => import('../features/portal/PortalPage.tsx'));

/** Signed-in users only; others go to the login page and come back here afterwards. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <Loading minHeight={400} />;
  if (me === null) return <Navigate to={LOGIN_PATH} replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return children;
}

/** A module page, if the user holds its permission (a typed address without it shows "not found"). */
function ModulePage({ item }: { item: MenuItem }) {
  const { can } = useAuth();
  const { t } = useTranslation();
  useDocumentTitle(t(`menu.${item.key}.label`));
  if (!can(item.permission)) return <NotFoundPage />;
  const Page = item.page;
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export function App() {
  return (
    <Providers>
      <ErrorBoundary>
        <BrowserRouter>
          <Routes>
            <Route path={LOGIN_PATH} element={<LoginPage />} />
            <Route
              path="/tra-cuu-thu-tuc"
              element={
                <Suspense fallback={<Loading minHeight={400} />}>
                  <PublicCataloguePage />
                </Suspense>
              }
            />
            <Route
              path="/cong-dan"
              element={
                <Suspense fallback={<Loading minHeight={400} />}>
                  <PortalPage />
                </Suspense>
              }
            />
            <Route
              path="/chi-so-phuc-vu"
              element={
                <Suspense fallback={<Loading minHeight={400} />}>
                  <PublicScoreboardPage />
                </Suspense>
              }
            />
            <Route
              path="/danh-gia"
              element={
                <Suspense fallback={<Loading minHeight={400} />}>
                  <KioskPage />
                </Suspense>
              }
            />
            <Route
              path="/phan-anh-kien-nghi"
              element={
                <Suspense fallback={<Loading minHeight={400} />}>
                  <PublicFeedbackPage />
                </Suspense>
              }
            />
            <Route
              path="/tra-cuu"
              element={
                <Suspense fallback={<Loading minHeight={400} />}>
                  <TrackingPage />
                </Suspense>
              }
            />
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              {[...MENU, ...SUBPAGES].map((item) => (
                <Route key={item.path} path={item.path} element={<ModulePage item={item} />} />
              ))}
              <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </ErrorBoundary>
    </Providers>
  );
}
