import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatVnd, percentOf, sumVnd } from '../../format/money';
import './i18n';

interface Totals {
  allocated: string;
  reserved: string;
  spent: string;
  available: string;
  pipeline?: string;
}

/** Headline money figures: allocated, reserved and spent, available (and under review). */
export function FundFigures({ totals, title }: { totals: Totals; title?: string }) {
  const { t } = useTranslation('finance');
  const committed = sumVnd([totals.reserved, totals.spent]);
  const items = [
    { key: 'allocated', title: t('headline.allocated'), value: totals.allocated },
    {
      key: 'committed',
      title: t('headline.committed'),
      value: committed,
      note: totals.allocated !== '0' ? percentOf(committed, totals.allocated) : undefined,
    },
    { key: 'available', title: t('headline.available'), value: totals.available },
    ...(totals.pipeline !== undefined
      ? [{ key: 'pipeline', title: t('headline.pipeline'), value: totals.pipeline }]
      : []),
  ];
  return (
    <section aria-label={title ?? t('fund.figures')}>
      <Row gutter={[12, 12]} className="tn-gap">
        {items.map((item) => (
          <Col key={item.key} xs={24} sm={12} lg={totals.pipeline !== undefined ? 6 : 8}>
            <Card size="small" className="tn-stat-card">
              <Statistic
                title={item.title}
                value={formatVnd(item.value)}
                styles={item.value.startsWith('-') ? { content: { color: '#cf1322' } } : undefined}
                suffix={
                  'note' in item && item.note ? (
                    <span style={{ fontSize: 13, color: '#595959' }}>({item.note})</span>
                  ) : undefined
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}
