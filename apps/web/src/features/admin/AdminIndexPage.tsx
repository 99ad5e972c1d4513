import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ADMIN_SCREENS, type AdminScreen } from './screens';
import './i18n';

const GROUPS: AdminScreen['group'][] = ['people', 'organization', 'catalog', 'money', 'operations'];

/** Every administration screen, grouped, with a line on what it is for. */
export default function AdminIndexPage() {
  const { t } = useTranslation('admin');
  return (
    <>
      <PageHeader title={t('index.title')} subtitle={t('index.subtitle')} />
      {GROUPS.map((group) => (
        <section key={group} className="tn-gap" aria-labelledby={`admin-group-${group}`}>
          <Typography.Title level={2} id={`admin-group-${group}`} className="tn-admin-group">
            {t(`groups.${group}`)}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {ADMIN_SCREENS.filter((s) => s.group === group).map((screen) => (
              <Col key={screen.path} xs={24} sm={12} lg={8} xl={6}>
                <Link to={`/admin/${screen.path}`} className="tn-admin-card-link">
                  <Card hoverable size="small">
                    <Card.Meta
                      avatar={<span className="tn-admin-icon">{screen.icon}</span>}
                      title={t(`screens.${screen.key}.title`)}
                      description={t(`screens.${screen.key}.description`)}
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </>
  );
}
