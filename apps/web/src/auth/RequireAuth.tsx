import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from './AuthProvider';

/** Screens behind sign-in; the address asked for is kept so sign-in returns to it. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, endedBecause } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (status === 'checking') {
    return (
      <div className="tn-center" role="status">
        <Spin description={t('auth.checking')} size="large">
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  if (status === 'signed-out') {
    const next = location.pathname + location.search;
    const query = new URLSearchParams();
    if (next !== '/') query.set('next', next);
    if (endedBecause === 'expired') query.set('reason', 'expired');
    const search = query.toString();
    return <Navigate to={`/login${search ? `?${search}` : ''}`} replace />;
  }
  return <>{children}</>;
}
