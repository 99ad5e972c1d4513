import { useEffect } from 'react';

/**
 * Tables that scroll sideways (on phones, or wide reports) must be reachable by keyboard to
 * be scrolled: each scrolling table body gets into the tab order once it appears.
 */
export function useFocusableScrollRegions(): void {
  useEffect(() => {
    const mark = () => {
      for (const element of document.querySelectorAll<HTMLElement>(
        '.ant-table-content:not([tabindex]), .ant-table-body:not([tabindex])',
      )) {
        element.tabIndex = 0;
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
