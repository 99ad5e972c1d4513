import { useQueries } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/QueryState';
import { fetchStaff } from '../staff/lookups';
import { NominationForm } from './NominationForm';
import './i18n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /nominations/new, with `?staffIds=a,b` to start from chosen people (and `?intakeId=`). */
export default function NominatePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const ids = [
    ...new Set(
      (params.get('staffIds') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => UUID.test(id)),
    ),
  ].slice(0, 200);
  const intakeId = params.get('intakeId') ?? undefined;
  const people = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['staff', id],
      queryFn: () => fetchStaff(id),
    })),
  });
  const pending = people.some((p) => p.isPending);
  const failed = people.find((p) => p.error);
  return (
    <>
      <PageHeader title={t('nominations:flow.title')} />
      {failed ? (
        <ErrorAlert error={failed.error} />
      ) : pending ? (
        <Skeleton active />
      ) : (
        <NominationForm
          key={ids.join(',')}
          initialPeople={people.map((p) => p.data!).filter(Boolean)}
          initialIntakeId={intakeId && UUID.test(intakeId) ? intakeId : undefined}
        />
      )}
    </>
  );
}
