import { KEEP_MOUNTED_MARGIN, NEAR_VIEWPORT_MARGIN } from './section-mounting';

export interface VisibilityChange {
  isNear?: boolean;
  isKept?: boolean;
}

type Listener = (change: VisibilityChange) => void;

/**
 * Tells each section of the paper whether it is near the viewport: two IntersectionObservers for
 * the whole paper (one per margin) rather than two per section. They are created with the first
 * section watched and disconnected when the last one goes.
 */
export class SectionVisibility {
  private readonly listeners = new Map<Element, Listener>();
  private observers: IntersectionObserver[] = [];

  watch(element: Element, listener: Listener): () => void {
    if (this.observers.length === 0) {
      this.observers = [
        this.observer(NEAR_VIEWPORT_MARGIN, (isNear) => ({ isNear })),
        this.observer(KEEP_MOUNTED_MARGIN, (isKept) => ({ isKept })),
      ];
    }
    this.listeners.set(element, listener);
    for (const observer of this.observers) observer.observe(element);
    return () => {
      this.listeners.delete(element);
      for (const observer of this.observers) observer.unobserve(element);
      if (this.listeners.size > 0) return;
      for (const observer of this.observers) observer.disconnect();
      this.observers = [];
    };
  }

  private observer(rootMargin: string, change: (isIntersecting: boolean) => VisibilityChange) {
    return new IntersectionObserver(
      (entries) => {
        for (const entry of entries) this.listeners.get(entry.target)?.(change(entry.isIntersecting));
      },
      { rootMargin },
    );
  }
}
