import { Card, Flex, Grid, List, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { daysSince } from '../../format/date';
import { useIntakes, usePrograms } from '../staff/lookups';
import {
  holdersOf,
  type NominationRow,
  nomineeCode,
  STATUS_COLORS,
  stepOf,
  unitNameOf,
} from './model';
import './i18n';
import './nominations.css';

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
}

/** "Programme name (INTAKE-CODE)" from the row, or from the catalogue when the row has ids only. */
function useIntakeLabel() {
  const intakes = useIntakes();
  const programs = usePrograms();
  return (row: NominationRow) => {
    const intake = intakes.data?.byId.get(row.intakeId);
    const code = row.intakeCode ?? row.intake?.code ?? intake?.code ?? '';
    const program =
      row.programName ??
      row.intake?.programName ??
      row.intake?.program?.name ??
      (intake ? programs.data?.get(intake.programId)?.name : undefined) ??
      '';
    return { program, code };
  };
}

/** Whole days the nomination has waited at its current step. */
function waitingOf(row: NominationRow): number | null {
  if (row.status !== 'in_review') return null;
  const step = stepOf(row);
  if (typeof row.waitingDays === 'number') return row.waitingDays;
  if (typeof step?.waitingDays === 'number') return step.waitingDays;
  return daysSince(row.waitingSince ?? step?.waitingSince ?? step?.since ?? null);
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
  const intakeLabel = useIntakeLabel();
  const narrow = !screens.md;

  if (narrow) {
    return (
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: t('nominations:empty') }}
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
          const { program, code } = intakeLabel(row);
          const waiting = waitingOf(row);
          const unit = unitNameOf(row);
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
                      {[nomineeCode(row), !hide.includes('unit') ? unit : null, row.reference]
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
                      {t('nominations:decisionNo', { number: row.decisionNumber })}
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
                  {[nomineeCode(row), row.reference].filter(Boolean).join(' · ')}
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
            render: (_: unknown, row: NominationRow) => unitNameOf(row) ?? '—',
          },
        ]),
    {
      title: t('nominations:columns.intake'),
      key: 'intake',
      render: (_, row) => {
        const { program, code } = intakeLabel(row);
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
      render: (value: string | null) => value ?? '—',
    },
  ];
  return (
    <Table<NominationRow>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: t('nominations:empty') }}
      scroll={{ x: 720 }}
    />
  );
}
