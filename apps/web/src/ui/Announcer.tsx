import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from 'react';
import { VisuallyHidden } from '@radix-ui/themes';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

/**
 * Screen readers read a live region's change, not its content: the region is emptied, then the
 * sentence is written a moment later, so the same sentence said twice is read twice.
 */
const REWRITE_DELAY_MS = 100;

/**
 * The app's one polite live region (a bare `aria-live`, since the pages' own `role="status"` texts
 * are found by that role), in the shell, and the `announce` function every feature
 * reaches through `useAnnounce`. Its text is written directly so that emptying it and writing the
 * next sentence are two changes the accessibility tree sees, never one batched render.
 */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const announce = useCallback<Announce>((message) => {
    const element = region.current;
    if (!element) return;
    clearTimeout(pending.current);
    element.textContent = '';
    pending.current = setTimeout(() => {
      element.textContent = message;
    }, REWRITE_DELAY_MS);
  }, []);
  useEffect(() => () => clearTimeout(pending.current), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <VisuallyHidden asChild>
        <div aria-live="polite" aria-atomic="true" id="announcer" ref={region} />
      </VisuallyHidden>
    </AnnounceContext.Provider>
  );
}

/** Says a sentence (already translated) to screen-reader users, politely, after what they hear now. */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
