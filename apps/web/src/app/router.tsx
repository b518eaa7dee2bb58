import { createBrowserRouter } from 'react-router';
import { ConsultationHomeRoute } from '../routes/ConsultationHomeRoute';
import { ConsultationLayoutRoute } from '../routes/ConsultationLayoutRoute';
import { ConsultationListRoute } from '../routes/ConsultationListRoute';
import { InvitationRoute } from '../routes/InvitationRoute';
import { LoginRoute } from '../routes/LoginRoute';
import { MembersRoute } from '../routes/MembersRoute';
import { NotFoundRoute } from '../routes/NotFoundRoute';
import { SettingsRoute } from '../routes/SettingsRoute';
import { StructureRoute } from '../routes/StructureRoute';
import { AppShell } from './AppShell';
import { RequireSignIn } from './RequireSignIn';

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
              { path: 'members', element: <MembersRoute /> },
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
