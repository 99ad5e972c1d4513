import { useQuery } from '@tanstack/react-query';
import { Descriptions, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Day } from '../../components/format';
import { TONE } from '../../components/tones';

type Gap = components['schemas']['StandardGapDto'];
type Staff = components['schemas']['StaffDto'];

/** A level as people say it: "Đại học", "Trung cấp", "Bậc 3". */
export function useLevelName() {
  const { t } = useTranslation('approvals');
  return (requirement: Gap['requirement'], value: number | null | undefined) => {
    if (value === null || value === undefined) return t('levels.none');
    if (requirement === 'foreign_language') return t('levels.foreign_language', { level: value });
    return t(`levels.${requirement}.${value}`, { defaultValue: String(value) });
  };
}

const asNumber = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** The nominee's record and what they lack against their position's standard. */
export function NomineeRecord({ staffId }: { staffId: string }) {
  const { t } = useTranslation('approvals');
  const levelName = useLevelName();
  const staff = useQuery({
    queryKey: ['staff', staffId],
    queryFn: () => call(api.GET('/api/v1/staff/{id}', { params: { path: { id: staffId } } })),
    retry: false,
  });
  const gaps = useQuery({
    queryKey: ['staff', staffId, 'standard-gaps'],
    queryFn: () =>
      call(api.GET('/api/v1/staff/{id}/standard-gaps', { params: { path: { id: staffId } } })),
    retry: false,
  });
  if (staff.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (staff.error || !staff.data)
    return <Typography.Text type="secondary">{t('page.recordUnavailable')}</Typography.Text>;
  const person = staff.data as Staff;
  const report = gaps.data;
  const gapLine = (gap: Gap) =>
    t('page.gapLine', {
      requirement: t(`requirements.${gap.requirement}`),
      required: levelName(gap.requirement, gap.required),
      actual: levelName(gap.requirement, gap.actual),
    });
  return (
    <>
      <Descriptions
        className="tn-descriptions"
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'position',
            label: t('page.position'),
            children: report?.current.position?.name ?? '—',
          },
          {
            key: 'birth',
            label: t('page.birthDate'),
            children: <Day value={person.birthDate} />,
          },
          {
            key: 'joined',
            label: t('page.joinedService'),
            children: <Day value={(person.joinedServiceOn as unknown as string) ?? null} />,
          },
          {
            key: 'education',
            label: t('page.education'),
            children: levelName('education', asNumber(person.educationLevel)),
          },
          {
            key: 'theory',
            label: t('page.politicalTheory'),
            children: levelName('political_theory', person.politicalTheory),
          },
          {
            key: 'fostering',
            label: t('page.fosteringRank'),
            children: levelName('fostering', asNumber(person.fosteringRank)),
          },
          {
            key: 'language',
            label: t('page.languageLevel'),
            children: levelName('foreign_language', asNumber(person.languageLevel)),
          },
        ]}
      />
      {report && (
        <>
          <Typography.Paragraph>
            {report.current.meetsStandard ? (
              <Tag color={TONE.good}>{t('page.meetsStandard')}</Tag>
            ) : (
              <>
                <Typography.Text strong>{t('page.gaps')}</Typography.Text>
                <ul className="tn-plain-list">
                  {report.current.gaps.map((gap) => (
                    <li key={gap.requirement}>{gapLine(gap)}</li>
                  ))}
                </ul>
              </>
            )}
          </Typography.Paragraph>
          {report.planned
            .filter((p) => !p.meetsStandard && p.position)
            .map((p) => (
              <div key={`${p.position?.id}-${p.periodFrom}`}>
                <Typography.Text strong>
                  {t('page.plannedGaps', {
                    position: p.position?.name,
                    from: p.periodFrom,
                    to: p.periodTo,
                  })}
                </Typography.Text>
                <ul className="tn-plain-list">
                  {p.gaps.map((gap) => (
                    <li key={gap.requirement}>{gapLine(gap)}</li>
                  ))}
                </ul>
              </div>
            ))}
        </>
      )}
      <Link to={`/staff/${staffId}`}>{t('page.openStaff')}</Link>
    </>
  );
}
