import { Col, Row } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';

// Each role's panel comes from the area that owns it, loaded only for those who see it.
const UnitHomePanel = lazy(() => import('../nominations/UnitHomePanel'));
const AwaitingPanel = lazy(() => import('../approvals/AwaitingPanel'));
const FundsPanel = lazy(() => import('../finance/FundsPanel'));
const MyNominationsPanel = lazy(() => import('../nominations/MyNominationsPanel'));

export default function HomePage() {
  const { t } = useTranslation();
  const { profile, hasRole } = useAuth();
  return (
    <>
      <PageHeader title={t('nav.home')} subtitle={profile?.displayName} />
      <Suspense fallback={<PageSkeleton />}>
        <Row gutter={[16, 16]}>
          {hasRole('board_reviewer', 'board_member', 'finance') && (
            <Col span={24}>
              <AwaitingPanel />
            </Col>
          )}
          {hasRole('unit_head') && (
            <Col span={24}>
              <UnitHomePanel />
            </Col>
          )}
          {hasRole('finance') && (
            <Col span={24}>
              <FundsPanel />
            </Col>
          )}
          {profile?.staffId &&
            !hasRole('unit_head', 'board_reviewer', 'board_member', 'finance', 'admin') && (
              <Col span={24}>
                <MyNominationsPanel />
              </Col>
            )}
        </Row>
      </Suspense>
    </>
  );
}
