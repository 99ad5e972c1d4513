import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/QueryState';
import { fetchNominations } from './model';
import { NominationTable } from './NominationTable';

/** A person's nominations, newest first (on their staff record). */
export function NominationsOfPerson({ staffId }: { staffId: string }) {
  const query = useQuery({
    queryKey: ['nominations', { nomineeStaffId: staffId }],
    queryFn: () => fetchNominations({ nomineeStaffId: staffId, pageSize: 50 }),
  });
  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <NominationTable
      items={query.data?.items ?? []}
      loading={query.isPending}
      pagination={false}
      hide={['nominee']}
    />
  );
}
