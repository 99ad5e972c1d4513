import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { ErrorAlert } from '../../components/QueryState';
import { useIntakes, usePrograms, useUnits } from '../staff/lookups';
import { LinkButton } from '../staff/parts';
import { fetchNominations, STATUSES } from './model';
import { NominationTable } from './NominationTable';
import './i18n';
import './nominations.css';

export default function NominationsListPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const status = params.get('status') ?? undefined;
  const intakeId = params.get('intakeId') ?? undefined;
  const unitId = params.get('unitId') ?? undefined;
  const intakes = useIntakes();
  const programs = usePrograms();
  const units = useUnits();
  const query = useQuery({
    queryKey: ['nominations', { status, intakeId, unitId, page, pageSize }],
    queryFn: () => fetchNominations({ status, intakeId, unitId, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t('nominations:listTitle')}
        extra={
          hasRole('unit_head') ? (
            <LinkButton type="primary" to="/nominations/new">
              {t('nav.nominate')}
            </LinkButton>
          ) : undefined
        }
      />
      <Flex wrap gap={12} className="tn-gap">
        <Select
          aria-label={t('nominations:filters.status')}
          className="tn-filter"
          allowClear
          placeholder={t('nominations:filters.allStatuses')}
          value={status}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={(value?: string) => setFilters({ status: value })}
        />
        <Select
          aria-label={t('nominations:filters.intake')}
          className="tn-filter"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('nominations:filters.allIntakes')}
          value={intakeId}
          loading={intakes.isPending}
          options={intakes.data?.list.map((intake) => ({
            value: intake.id,
            label: `${intake.code} · ${programs.data?.get(intake.programId)?.name ?? ''}`,
          }))}
          onChange={(value?: string) => setFilters({ intakeId: value })}
        />
        <Select
          aria-label={t('nominations:filters.unit')}
          className="tn-filter"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('nominations:filters.allUnits')}
          value={unitId}
          loading={units.isPending}
          options={units.data?.list.map((unit) => ({ value: unit.id, label: unit.name }))}
          onChange={(value?: string) => setFilters({ unitId: value })}
        />
      </Flex>
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <NominationTable
          items={query.data?.items ?? []}
          loading={query.isFetching}
          pagination={{
            ...pagination(query.data?.total),
            showTotal: (total) => t('common.total', { count: total }),
          }}
        />
      )}
    </>
  );
}
