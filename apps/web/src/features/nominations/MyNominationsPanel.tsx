import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/QueryState';
import { fetchNominations } from './model';
import { NominationTable } from './NominationTable';
import './i18n';

/** A staff member's own nominations, read-only. */
export default function MyNominationsPanel() {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['nominations', 'mine'],
    queryFn: () => fetchNominations({ pageSize: 20 }),
  });
  return (
    <Card title={<h2 className="tn-card-title">{t('nominations:mine.title')}</h2>}>
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <NominationTable
          items={query.data?.items ?? []}
          loading={query.isPending}
          pagination={false}
          hide={['nominee']}
        />
      )}
    </Card>
  );
}
