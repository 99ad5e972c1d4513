import { Card, Empty, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useAwaiting } from './AwaitingPage';
import { waitingOf } from './waiting';
import { TONE } from '../../components/tones';
import './i18n';
import './approvals.css';

/** The home page's view of the queue: how many wait, and the oldest few. */
export default function AwaitingPanel() {
  const { t } = useTranslation(['approvals', 'common']);
  const query = useAwaiting(1, 5);
  return (
    <Card
      title={<h2 className="tn-card-title">{t('awaiting.panelTitle')}</h2>}
      extra={<Link to="/approvals">{t('awaiting.panelAll')}</Link>}
    >
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('awaiting.empty')} />
          ) : (
            <>
              <Typography.Paragraph strong>
                {data.totalCapped
                  ? t('awaiting.capped', { count: data.total })
                  : t('awaiting.panelCount', { count: data.total })}
              </Typography.Paragraph>
              <ul className="tn-plain-list tn-rows">
                {data.items.map((item) => {
                  const w = waitingOf(item);
                  return (
                    <li key={item.id}>
                      <Link to={`/nominations/${item.id}`}>
                        {item.reference} – {item.nomineeName}
                      </Link>
                      <span>
                        {t('common:common.days', { count: w.days })}{' '}
                        {w.overdue && <Tag color={TONE.bad}>{t('awaiting.overdue')}</Tag>}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
