import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import { Day } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { NominationsOfPerson } from '../nominations/NominationsOfPerson';
import {
  usePositions,
  useRecommendedIntakes,
  useStaffMember,
  useStandardGaps,
  useUnit,
} from './lookups';
import { levelName, LinkButton, RecommendedList, StandardGapsView } from './parts';
import './i18n';
import '../nominations/nominations.css';

export default function StaffRecordPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const staff = useStaffMember(id);
  const unit = useUnit(staff.data?.unitId);
  const positions = usePositions();
  const gaps = useStandardGaps(id);
  const recommended = useRecommendedIntakes(id);
  const pool = useQuery({
    queryKey: ['staff', id, 'pool'],
    queryFn: () =>
      call(api.GET('/api/v1/staff/{id}/planning-pool', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
  const positionName = (positionId: string | null | undefined) =>
    positionId ? (positions.data?.get(positionId)?.name ?? '—') : t('staff:noPosition');

  return (
    <QueryState query={staff}>
      {(person) => (
        <>
          <PageHeader
            title={person.fullName}
            subtitle={`${person.code} · ${unit.data?.name ?? ''}`}
            extra={
              person.employmentStatus === 'active' ? (
                <LinkButton type="primary" to={`/nominations/new?staffIds=${person.id}`}>
                  {t('staff:nominate')}
                </LinkButton>
              ) : undefined
            }
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="tn-card-title">{t('staff:person')}</h2>}>
                <Descriptions column={1} size="small" className="tn-descriptions">
                  <Descriptions.Item label={t('staff:code')}>{person.code}</Descriptions.Item>
                  <Descriptions.Item label={t('staff:unit')}>
                    {unit.data?.name ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:position')}>
                    {positionName(person.positionId)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:rank')}>
                    {person.civilServiceRank ? t(`staff:ranks.${person.civilServiceRank}`) : '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:birthDate')}>
                    <Day value={person.birthDate} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:gender')}>
                    {t(`staff:genders.${person.gender}`)}
                    {person.ethnicMinority ? ` · ${t('staff:ethnicMinority')}` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:joinedService')}>
                    <Day value={person.joinedServiceOn} />
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:employment')}>
                    {t(`staff:employments.${person.employmentStatus ?? 'active'}`)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="tn-card-title">{t('staff:qualifications')}</h2>}>
                <Descriptions column={1} size="small" className="tn-descriptions">
                  <Descriptions.Item label={t('staff:education')}>
                    {levelName(t, 'education', person.educationLevel)}
                    {person.educationField ? ` · ${person.educationField}` : ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:politicalTheory')}>
                    {levelName(t, 'political_theory', person.politicalTheory ?? 0)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:fostering')}>
                    {levelName(t, 'fostering', person.fosteringRank)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('staff:language')}>
                    {levelName(t, 'foreign_language', person.languageLevel)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="tn-card-title">{t('staff:gaps')}</h2>}>
                <QueryState query={gaps}>{(data) => <StandardGapsView gaps={data} />}</QueryState>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={<h2 className="tn-card-title">{t('staff:planningPool')}</h2>}>
                <QueryState query={pool}>
                  {(data) =>
                    data.entries.length ? (
                      <List
                        className="tn-list"
                        size="small"
                        dataSource={data.entries}
                        renderItem={(entry) => (
                          <List.Item key={`${entry.positionId}-${entry.periodFrom}`}>
                            {positionName(entry.positionId)} ·{' '}
                            {t('staff:period', { from: entry.periodFrom, to: entry.periodTo })}
                          </List.Item>
                        )}
                      />
                    ) : (
                      <Typography.Text type="secondary">{t('staff:noPlanning')}</Typography.Text>
                    )
                  }
                </QueryState>
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={<h2 className="tn-card-title">{t('staff:recommended')}</h2>}>
                <QueryState query={recommended}>
                  {(items) => <RecommendedList staffId={person.id} items={items} />}
                </QueryState>
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={<h2 className="tn-card-title">{t('staff:nominations')}</h2>}>
                <NominationsOfPerson staffId={person.id} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </QueryState>
  );
}
