import { useEffect } from 'react';

/**
 * Tables that scroll sideways (wide tables on a phone) must be reachable with the keyboard,
 * or their hidden columns cannot be read without a pointer: each such region gets a tab stop.
 * Ant Design's invisible measuring row is taken out of the focus order as it is of the
 * accessibility tree. Applied once for the whole app, so every table is covered.
 */
export function useKeyboardReachableTables(): void {
  useEffect(() => {
    let frame = 0;
    const apply = () => {
      frame = 0;
      for (const region of document.querySelectorAll<HTMLElement>(
        '.ant-table-content, .ant-table-body',
      )) {
        const scrolls = region.scrollWidth > region.clientWidth + 1;
        if (scrolls && !region.hasAttribute('tabindex')) region.tabIndex = 0;
        if (!scrolls && region.getAttribute('tabindex') === '0') region.removeAttribute('tabindex');
      }
      for (const row of document.querySelectorAll<HTMLElement>('.ant-table-measure-row')) {
        row.inert = true;
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(apply);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
