import { Navigate, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../features/auth/useCurrentUser';
import { ErrorCallout } from '../ui/ErrorCallout';
import { LoadingState } from '../ui/LoadingState';

/** Sends signed-out visitors to the login page, remembering where they wanted to go. */
export function RequireSignIn() {
  const location = useLocation();
  const { data: user, isPending, error } = useCurrentUser();
  if (isPending) return <LoadingState />;
  if (error) return <ErrorCallout error={error} />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}
