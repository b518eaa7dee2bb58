import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AuditRoute } from '../routes/AuditRoute';
import { ConsultationHomeRoute } from '../routes/ConsultationHomeRoute';
import { ConsultationLayoutRoute } from '../routes/ConsultationLayoutRoute';
import { ConsultationListRoute } from '../routes/ConsultationListRoute';
import { ExportsRoute } from '../routes/ExportsRoute';
import { InvitationRoute } from '../routes/InvitationRoute';
import { LoginRoute } from '../routes/LoginRoute';
import { MembersRoute } from '../routes/MembersRoute';
import { ModerationRoute } from '../routes/ModerationRoute';
import { NotFoundRoute } from '../routes/NotFoundRoute';
import { QuestionsRoute } from '../routes/QuestionsRoute';
import { SettingsRoute } from '../routes/SettingsRoute';
import { StructureRoute } from '../routes/StructureRoute';
import { TriageRoute } from '../routes/TriageRoute';
import { VersionCompareRoute } from '../routes/VersionCompareRoute';
import { VersionRoute } from '../routes/VersionRoute';
import { VersionsRoute } from '../routes/VersionsRoute';
import { LoadingState } from '../ui/LoadingState';
import { AppShell } from './AppShell';
import { RequireSignIn } from './RequireSignIn';

// The editor and its real-time stack load only when someone opens the paper.
const PaperRoute = lazy(() =>
  import('../routes/PaperRoute').then((module) => ({ default: module.PaperRoute })),
);
// Likewise the chart library, only for those who open the dashboard.
const DashboardRoute = lazy(() =>
  import('../routes/DashboardRoute').then((module) => ({ default: module.DashboardRoute })),
);

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: 'login', element: <LoginRoute /> },
      { path: 'invite/:token', element: <InvitationRoute /> },
      {
        element: <RequireSignIn />,
        children: [
          { index: true, element: <ConsultationListRoute /> },
          {
            path: 'consultations/:consultationId',
            element: <ConsultationLayoutRoute />,
            children: [
              { index: true, element: <ConsultationHomeRoute /> },
              {
                path: 'paper',
                element: (
                  <Suspense fallback={<LoadingState />}>
                    <PaperRoute />
                  </Suspense>
                ),
              },
              { path: 'questions', element: <QuestionsRoute /> },
              { path: 'triage', element: <TriageRoute /> },
              { path: 'moderation', element: <ModerationRoute /> },
              {
                path: 'dashboard',
                element: (
                  <Suspense fallback={<LoadingState />}>
                    <DashboardRoute />
                  </Suspense>
                ),
              },
              { path: 'versions', element: <VersionsRoute /> },
              { path: 'versions/compare', element: <VersionCompareRoute /> },
              { path: 'versions/:versionId', element: <VersionRoute /> },
              { path: 'exports', element: <ExportsRoute /> },
              { path: 'members', element: <MembersRoute /> },
              { path: 'audit', element: <AuditRoute /> },
              { path: 'settings', element: <SettingsRoute /> },
              { path: 'structure', element: <StructureRoute /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
