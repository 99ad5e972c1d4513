import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Day } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { ErrorAlert } from '../../components/QueryState';
import { searchStaff, type Staff, usePositions, useUnits } from './lookups';
import { LinkButton } from './parts';
import './i18n';
import '../nominations/nominations.css';

export default function StaffSearchPage() {
  const { t } = useTranslation();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const q = params.get('q') ?? '';
  const unitId = params.get('unitId') ?? undefined;
  const belowStandard = params.get('belowStandard') === 'true' ? true : undefined;
  const [typed, setTyped] = useState(q);
  const [selected, setSelected] = useState<Map<string, Staff>>(new Map());
  const units = useUnits();
  const positions = usePositions();

  const query = useQuery({
    queryKey: ['staff', 'search', { q, unitId, belowStandard, page, pageSize }],
    queryFn: () =>
      searchStaff({
        q: q || undefined,
        unitId,
        belowStandard,
        employmentStatus: 'active',
        page,
        pageSize,
      }),
    placeholderData: keepPreviousData,
  });

  const columns: ColumnsType<Staff> = [
    {
      title: t('staff:fullName'),
      dataIndex: 'fullName',
      render: (_, staff) => (
        <Flex vertical>
          <Link to={`/staff/${staff.id}`}>{staff.fullName}</Link>
          <Typography.Text type="secondary" className="tn-small">
            {staff.code}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('staff:unit'),
      dataIndex: 'unitId',
      render: (id: string) => units.data?.byId.get(id)?.name ?? '—',
    },
    {
      title: t('staff:position'),
      dataIndex: 'positionId',
      responsive: ['md'],
      render: (id: string | null) =>
        id ? (positions.data?.get(id)?.name ?? '—') : t('staff:noPosition'),
    },
    {
      title: t('staff:birthDate'),
      dataIndex: 'birthDate',
      responsive: ['lg'],
      render: (value: string) => <Day value={value} />,
    },
  ];

  const ids = [...selected.keys()];
  return (
    <>
      <PageHeader
        title={t('nav.staff')}
        subtitle={t('staff:searchTitle')}
        extra={<Link to="/staff/standard-gaps">{t('staff:gapsList.open')}</Link>}
      />
      <Flex wrap gap={12} className="tn-gap" align="center">
        <Input.Search
          aria-label={t('staff:searchLabel')}
          placeholder={t('staff:searchPlaceholder')}
          allowClear
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            if (!event.target.value) setFilters({ q: undefined });
          }}
          onSearch={(value) => setFilters({ q: value.trim() || undefined })}
          enterButton={t('common.search')}
          className="tn-search"
        />
        <Select
          aria-label={t('staff:unitFilter')}
          className="tn-filter"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('staff:allUnits')}
          value={unitId}
          loading={units.isPending}
          options={units.data?.list.map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={(value?: string) => setFilters({ unitId: value })}
        />
        <Checkbox
          checked={!!belowStandard}
          onChange={(event) =>
            setFilters({ belowStandard: event.target.checked ? 'true' : undefined })
          }
        >
          {t('staff:belowStandard')}
        </Checkbox>
      </Flex>
      {selected.size > 0 && (
        <Flex wrap gap={8} align="center" className="tn-gap tn-selection-bar" role="status">
          <Typography.Text strong>{t('staff:selected', { count: selected.size })}</Typography.Text>
          <Space wrap>
            <LinkButton type="primary" to={`/nominations/new?staffIds=${ids.join(',')}`}>
              {t('staff:nominateSelected', { count: selected.size })}
            </LinkButton>
            <Button onClick={() => setSelected(new Map())}>{t('staff:clearSelection')}</Button>
          </Space>
        </Flex>
      )}
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<Staff>
          className="tn-table"
          locale={{
            emptyText: <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
          }}
          rowKey="id"
          size="middle"
          loading={query.isFetching}
          columns={columns}
          dataSource={query.data?.items ?? []}
          pagination={{
            ...pagination(query.data?.total),
            showTotal: (total) => t('common.total', { count: total }),
          }}
          rowSelection={{
            preserveSelectedRowKeys: true,
            selectedRowKeys: ids,
            getCheckboxProps: (staff) => ({
              'aria-label': t('staff:selectRow', { name: staff.fullName }),
            }),
            onChange: (keys, rows) => {
              setSelected((current) => {
                const next = new Map<string, Staff>();
                for (const key of keys) {
                  const id = String(key);
                  const row = rows.find((r) => r?.id === id) ?? current.get(id);
                  if (row) next.set(id, row);
                }
                return next;
              });
            },
          }}
          scroll={{ x: 320 }}
        />
      )}
    </>
  );
}
