import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useStaffMember } from '../staff/lookups';
import { fetchNomination } from './model';
import { NominationForm } from './NominationForm';
import './i18n';

/** /nominations/:id/edit: the same steps, prefilled, the nominee fixed. */
export default function EditNominationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const nomination = useQuery({
    queryKey: ['nomination', id, 'edit'],
    queryFn: () => fetchNomination(id!),
    enabled: !!id,
    // What the form is based on must not change under the person typing.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const nominee = useStaffMember(nomination.data?.nomineeStaffId);
  return (
    <QueryState query={nomination}>
      {(detail) => (
        <>
          <PageHeader
            title={t('nominations:flow.editTitle', { reference: detail.reference })}
            subtitle={`${detail.nominee.fullName} · ${detail.nominee.code}`}
          />
          <QueryState query={nominee}>
            {(staff) => (
              <NominationForm key={detail.id} initialPeople={[staff]} existing={detail} />
            )}
          </QueryState>
        </>
      )}
    </QueryState>
  );
}
