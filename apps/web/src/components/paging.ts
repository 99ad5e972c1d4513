import type { PaginationProps } from 'antd';
import { useSearchParams } from 'react-router';

/**
 * Page and page size of a server-paged list, kept in the address so a list can be
 * linked, reloaded and gone back to. Lists are never loaded whole.
 */
export function usePaging(defaultSize = 20) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(500, Math.max(1, Number(params.get('pageSize')) || defaultSize));
  const pagination = (total: number | undefined): PaginationProps => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    onChange: (nextPage, nextSize) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('page', String(nextSize !== pageSize ? 1 : nextPage));
        next.set('pageSize', String(nextSize));
        return next;
      });
    },
  });
  /** Sets filters in the address (empty values removed) and goes back to page 1. */
  const setFilters = (filters: Record<string, string | undefined | null>) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(filters)) {
        if (value === undefined || value === null || value === '') next.delete(key);
        else next.set(key, value);
      }
      next.delete('page');
      return next;
    });
  };
  return { page, pageSize, params, pagination, setFilters };
}
