import { Card, Flex, Grid, List, Table, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusTag } from '../../components/StatusTag';
import { holdersOf, type NominationRow, stepOf } from './model';
import './i18n';
import './nominations.css';

/** Whole days the nomination has waited at its current step. */
function waitingOf(row: NominationRow): number | null {
  if (row.status !== 'in_review') return null;
  return row.currentStepSummary?.daysWaiting ?? row.waitingDays ?? null;
}

function StepCell({ row }: { row: NominationRow }) {
  const { t } = useTranslation();
  const step = stepOf(row);
  if (row.status !== 'in_review' || !step) return <>—</>;
  const holders = holdersOf(step);
  const role = step.role ? t(`stepRole.${step.role}`, { defaultValue: step.role }) : null;
  return (
    <Flex vertical>
      <span>{role ?? t('nominations:stepAt', { position: step.position })}</span>
      {holders && (
        <Typography.Text type="secondary" className="tn-small">
          {t('nominations:heldBy', { names: holders })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * Nominations as a table on wide screens and as cards on phones; each leads to the
 * nomination's page. `columns` leaves out what the context already says.
 */
export function NominationTable({
  items,
  loading,
  pagination,
  hide = [],
}: {
  items: NominationRow[];
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  hide?: Array<'nominee' | 'unit' | 'step'>;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;

  if (narrow) {
    return (
      <List
        className="tn-list"
        loading={loading}
        dataSource={items}
        locale={{
          emptyText: <Typography.Text type="secondary">{t('nominations:empty')}</Typography.Text>,
        }}
        pagination={
          pagination
            ? {
                current: pagination.current,
                pageSize: pagination.pageSize,
                total: pagination.total,
                onChange: pagination.onChange,
                simple: true,
                align: 'center',
              }
            : false
        }
        renderItem={(row) => {
          const program = row.program.name;
          const code = row.intake.code;
          const waiting = waitingOf(row);
          const unit = row.unit.name;
          return (
            <List.Item key={row.id}>
              <Card size="small" className="tn-full">
                <Flex vertical gap={4}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Link to={`/nominations/${row.id}`}>
                      {hide.includes('nominee') ? row.reference : row.nomineeName}
                    </Link>
                    <StatusTag status={row.status} />
                  </Flex>
                  {!hide.includes('nominee') && (
                    <Typography.Text type="secondary" className="tn-small">
                      {[row.nominee.code, !hide.includes('unit') ? unit : null, row.reference]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  )}
                  <Typography.Text>
                    {program} {code && `(${code})`}
                  </Typography.Text>
                  {!hide.includes('step') && row.status === 'in_review' && (
                    <Flex gap={8} wrap>
                      <StepCell row={row} />
                      {waiting !== null && (
                        <Typography.Text type="secondary">
                          {t('nominations:waitingDays', { count: waiting })}
                        </Typography.Text>
                      )}
                    </Flex>
                  )}
                  {row.decisionNumber && (
                    <Typography.Text>
                      {row.decisionLine
                        ? t('nominations:decisionNoLine', {
                            number: row.decisionNumber,
                            line: row.decisionLine,
                          })
                        : t('nominations:decisionNo', { number: row.decisionNumber })}
                    </Typography.Text>
                  )}
                </Flex>
              </Card>
            </List.Item>
          );
        }}
      />
    );
  }

  const columns: ColumnsType<NominationRow> = [
    ...(hide.includes('nominee')
      ? []
      : [
          {
            title: t('nominations:columns.nominee'),
            key: 'nominee',
            render: (_: unknown, row: NominationRow) => (
              <Flex vertical>
                <Link to={`/nominations/${row.id}`}>{row.nomineeName}</Link>
                <Typography.Text type="secondary" className="tn-small">
                  {[row.nominee.code, row.reference].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            ),
          },
        ]),
    ...(hide.includes('unit') || hide.includes('nominee')
      ? []
      : [
          {
            title: t('nominations:columns.unit'),
            key: 'unit',
            render: (_: unknown, row: NominationRow) => row.unit.name,
          },
        ]),
    {
      title: t('nominations:columns.intake'),
      key: 'intake',
      render: (_, row) => {
        const program = row.program.name;
        const code = row.intake.code;
        return (
          <Flex vertical>
            {hide.includes('nominee') ? (
              <Link to={`/nominations/${row.id}`}>{program || row.reference}</Link>
            ) : (
              <span>{program}</span>
            )}
            <Typography.Text type="secondary" className="tn-small">
              {code}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      title: t('nominations:columns.status'),
      dataIndex: 'status',
      render: (status: string) => <StatusTag status={status} />,
    },
    ...(hide.includes('step')
      ? []
      : [
          {
            title: t('nominations:columns.step'),
            key: 'step',
            render: (_: unknown, row: NominationRow) => <StepCell row={row} />,
          },
          {
            title: t('nominations:columns.days'),
            key: 'days',
            align: 'right' as const,
            render: (_: unknown, row: NominationRow) => {
              const waiting = waitingOf(row);
              return waiting === null ? '—' : waiting;
            },
          },
        ]),
    {
      title: t('nominations:columns.decision'),
      dataIndex: 'decisionNumber',
      render: (value: string | null, row) =>
        value && row.decisionLine
          ? t('nominations:decisionNoLine', { number: value, line: row.decisionLine })
          : (value ?? '—'),
    },
  ];
  return (
    <Table<NominationRow>
      className="tn-table"
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={pagination}
      locale={{
        emptyText: <Typography.Text type="secondary">{t('nominations:empty')}</Typography.Text>,
      }}
      scroll={{ x: 720 }}
    />
  );
}
