import type { LiveSession } from '@cw/shared';
import { createContext, use, useState, type ReactNode } from 'react';
import { useLive } from './useLive';

interface Following {
  isFollowing: boolean;
  setFollowing: (isFollowing: boolean) => void;
}

const FollowingContext = createContext<Following>({ isFollowing: false, setFollowing: () => undefined });

/**
 * Whether this member's pages follow the facilitator, like a presenter's "follow me": on by
 * default, for every page of the consultation while it stays open.
 */
export function LiveFollowProvider({ children }: { children: ReactNode }) {
  const [isFollowing, setFollowing] = useState(true);
  return <FollowingContext value={{ isFollowing, setFollowing }}>{children}</FollowingContext>;
}

export function useFollowing(): Following {
  return use(FollowingContext);
}

/** The running item whose focus this page shows, or null when nothing runs or the member stopped following. */
export function useFollowedSession(consultationId: string): LiveSession | null {
  const { isFollowing } = useFollowing();
  const live = useLive(consultationId);
  return isFollowing ? (live.data?.session ?? null) : null;
}
