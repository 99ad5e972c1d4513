import { BarChartOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { REPORTS } from './catalog';
import './i18n';
import './reports.css';

export default function ReportsIndexPage() {
  const { t } = useTranslation('reports');
  const { hasRole } = useAuth();
  const visible = REPORTS.filter((report) => report.roles === 'all' || hasRole(...report.roles));
  return (
    <>
      <PageHeader title={t('index.title')} subtitle={t('index.subtitle')} />
      <Row gutter={[16, 16]}>
        {visible.map((report) => (
          <Col key={report.key} xs={24} md={12} xl={8}>
            <Card className="tn-report-link" style={{ height: '100%' }}>
              <h2 className="tn-card-heading">
                <BarChartOutlined aria-hidden />{' '}
                <Link to={report.path}>{t(`reports.${report.key}.title`)}</Link>
              </h2>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                {t(`reports.${report.key}.description`)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
