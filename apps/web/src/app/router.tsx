import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoadingState } from '../ui/LoadingState';
import { AppShell } from './AppShell';
import { RequireSignIn } from './RequireSignIn';
import { RouteError } from './RouteError';

/**
 * A page whose code is fetched the first time it is visited, so each page ships only what it
 * uses. A navigation keeps the current page until the code arrives; on the first load the page's
 * place shows the loading state, with the header already drawn. Code that cannot be fetched (the
 * server is away) shows in the page's place, under the header, until the server is back.
 */
function lazyPage(
  load: () => Promise<RouteObject['Component']>,
): Pick<RouteObject, 'lazy' | 'hydrateFallbackElement' | 'ErrorBoundary'> {
  return {
    lazy: async () => ({ Component: await load() }),
    hydrateFallbackElement: <LoadingState />,
    ErrorBoundary: RouteError,
  };
}

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: 'login', ...lazyPage(async () => (await import('../routes/LoginRoute')).LoginRoute) },
      {
        path: 'reset-password',
        ...lazyPage(async () => (await import('../routes/ResetPasswordRoute')).ResetPasswordRoute),
      },
      {
        path: 'invite/:token',
        ...lazyPage(async () => (await import('../routes/InvitationRoute')).InvitationRoute),
      },
      {
        element: <RequireSignIn />,
        children: [
          {
            index: true,
            ...lazyPage(async () => (await import('../routes/ConsultationListRoute')).ConsultationListRoute),
          },
          { path: 'outbox', ...lazyPage(async () => (await import('../routes/OutboxRoute')).OutboxRoute) },
          {
            path: 'consultations/:consultationId',
            ...lazyPage(
              async () => (await import('../routes/ConsultationLayoutRoute')).ConsultationLayoutRoute,
            ),
            children: [
              {
                index: true,
                ...lazyPage(
                  async () => (await import('../routes/ConsultationHomeRoute')).ConsultationHomeRoute,
                ),
              },
              { path: 'paper', ...lazyPage(async () => (await import('../routes/PaperRoute')).PaperRoute) },
              {
                path: 'questions',
                ...lazyPage(async () => (await import('../routes/QuestionsRoute')).QuestionsRoute),
              },
              {
                path: 'triage',
                ...lazyPage(async () => (await import('../routes/TriageRoute')).TriageRoute),
              },
              {
                path: 'moderation',
                ...lazyPage(async () => (await import('../routes/ModerationRoute')).ModerationRoute),
              },
              {
                path: 'dashboard',
                ...lazyPage(async () => (await import('../routes/DashboardRoute')).DashboardRoute),
              },
              {
                path: 'notes/:sessionId',
                ...lazyPage(async () => (await import('../routes/NotesRoute')).NotesRoute),
              },
              {
                path: 'results',
                ...lazyPage(async () => (await import('../routes/ResultsRoute')).ResultsRoute),
              },
              {
                path: 'versions',
                ...lazyPage(async () => (await import('../routes/VersionsRoute')).VersionsRoute),
              },
              {
                path: 'versions/compare',
                ...lazyPage(async () => (await import('../routes/VersionCompareRoute')).VersionCompareRoute),
              },
              {
                path: 'versions/:versionId',
                ...lazyPage(async () => (await import('../routes/VersionRoute')).VersionRoute),
              },
              {
                path: 'exports',
                ...lazyPage(async () => (await import('../routes/ExportsRoute')).ExportsRoute),
              },
              {
                path: 'members',
                ...lazyPage(async () => (await import('../routes/MembersRoute')).MembersRoute),
              },
              { path: 'audit', ...lazyPage(async () => (await import('../routes/AuditRoute')).AuditRoute) },
              {
                path: 'settings',
                ...lazyPage(async () => (await import('../routes/SettingsRoute')).SettingsRoute),
              },
              {
                path: 'structure',
                ...lazyPage(async () => (await import('../routes/StructureRoute')).StructureRoute),
              },
            ],
          },
        ],
      },
      { path: '*', ...lazyPage(async () => (await import('../routes/NotFoundRoute')).NotFoundRoute) },
    ],
  },
]);
