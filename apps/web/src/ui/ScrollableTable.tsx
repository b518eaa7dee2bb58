import { Table } from '@radix-ui/themes';
import { useCallback, useEffect, useRef, type ComponentProps } from 'react';

/**
 * A Radix table whose scrolling box, once its table is wider than the page (a phone), is a named
 * region in the tab order, so that the keyboard can scroll it (WCAG 2.1.1); while everything fits
 * it adds no tab stop.
 */
export function ScrollableTable({ label, ...props }: ComponentProps<typeof Table.Root> & { label: string }) {
  const observer = useRef<ResizeObserver | null>(null);
  const root = useCallback(
    (element: HTMLDivElement | null) => {
      observer.current?.disconnect();
      const viewport = element?.querySelector<HTMLElement>('.rt-ScrollAreaViewport');
      if (!viewport) return;
      const mark = () => {
        if (viewport.scrollWidth > viewport.clientWidth) {
          viewport.setAttribute('tabindex', '0');
          viewport.setAttribute('role', 'region');
          viewport.setAttribute('aria-label', label);
        } else {
          for (const name of ['tabindex', 'role', 'aria-label']) viewport.removeAttribute(name);
        }
      };
      observer.current = new ResizeObserver(mark);
      observer.current.observe(viewport);
      const table = viewport.querySelector('table');
      if (table) observer.current.observe(table);
    },
    [label],
  );
  useEffect(() => () => observer.current?.disconnect(), []);
  return <Table.Root ref={root} {...props} />;
}
