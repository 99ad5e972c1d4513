import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { messageOf } from '../i18n/errors';
import { NotFound } from './NotFound';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * Renders a query's states the same way everywhere: a skeleton while loading, "not found"
 * for 404 (also for objects out of the caller's scope), an error with a retry otherwise.
 */
export function QueryState<T>({
  query,
  children,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.error) {
    if (query.error instanceof ApiError && query.error.notFound) return <NotFound />;
    return (
      <ErrorAlert
        error={query.error}
        onRetry={() => query.refetch()}
        retryLabel={t('common.retry')}
      />
    );
  }
  if (query.isPending || query.data === undefined)
    return <Skeleton active paragraph={{ rows: 6 }} />;
  return <>{children(query.data)}</>;
}

export function ErrorAlert({
  error,
  onRetry,
  retryLabel,
}: {
  error: unknown;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={messageOf(error)}
      description={code ? t('errors.code', { code }) : undefined}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {retryLabel ?? t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
