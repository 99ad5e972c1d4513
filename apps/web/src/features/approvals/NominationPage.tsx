import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Card,
  Col,
  Descriptions,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { Day, Money } from '../../components/format';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDay, formatInstant } from '../../format/date';
import { sumVnd } from '../../format/money';
import { currentLanguage } from '../../i18n';
import { ActionPanel } from './ActionPanel';
import { ChainSteps } from './ChainSteps';
import { NomineeRecord } from './NomineeRecord';
import { StatusTag } from '../../components/StatusTag';
import type { ActionName, CostLine, FundCheck, NominationDetail, NominationFund } from './types';
import { TONE } from '../../components/tones';
import './i18n';
import './approvals.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERDICT_COLOR = { ok: TONE.good, warn: TONE.warn, block: TONE.bad } as const;

/** One nomination with everything needed to decide on it, and the caller's actions. */
export default function NominationPage() {
  const { id = '' } = useParams();
  if (!UUID.test(id)) return <NotFound />;
  return <NominationView id={id} />;
}

function NominationView({ id }: { id: string }) {
  const { t } = useTranslation(['approvals', 'common']);
  const { message } = App.useApp();
  const { profile } = useAuth();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  // Money is for those with a role in the work; a nominee reads their own without it.
  const readsMoney = !!profile?.roles.some((r) => r.role !== 'staff');
  const isFinance = !!profile?.roles.some((r) => r.role === 'finance');

  const query = useQuery({
    queryKey: ['nomination', id],
    queryFn: async () =>
      await call(api.GET('/api/v1/nominations/{id}', { params: { path: { id } } })),
  });
  const funds = useQuery({
    queryKey: ['nomination', id, 'funds'],
    queryFn: async () =>
      (
        (await call(api.GET('/api/v1/nominations/{id}/funds', { params: { path: { id } } }))) as {
          items: NominationFund[];
        }
      ).items,
    enabled: readsMoney && !!query.data,
    retry: false,
  });

  const onDone = (action: ActionName, result: NominationDetail) => {
    queryClient.setQueryData(['nomination', id], result);
    void queryClient.invalidateQueries({ queryKey: ['nomination', id] });
    void queryClient.invalidateQueries({ queryKey: ['nominations'] });
    const text =
      action === 'approve' && result.decisionNumber
        ? t('page.done.approvedDecision', { number: result.decisionNumber })
        : t(`page.done.${action}`);
    setOutcome(text);
    void message.success(text);
  };

  return (
    <QueryState query={query}>
      {(n) => {
        const fundOf = (fundId: string) => funds.data?.find((f) => f.id === fundId);
        const check = (fundId: string) => n.budgetCheck?.find((c) => c.fundId === fundId);
        const overBudget = !!n.budgetCheck?.some((c) => c.verdict !== 'ok');
        const mayOverride = isFinance && !!n.budgetCheck?.some((c) => c.verdict === 'warn');
        const lastReturn = [...n.history].reverse().find((h) => h.action === 'return');
        const withdrawal = [...n.history].reverse().find((h) => h.action === 'withdraw');
        const decisionText = n.decision?.line
          ? t('page.decisionLine', { number: n.decision.number, line: n.decision.line })
          : n.decisionNumber
            ? t('page.decisionIs', { number: n.decisionNumber })
            : null;
        const meetingText = n.decision?.meetingDate
          ? n.decision.meetingNumber
            ? t('page.decisionMeeting', {
                number: n.decision.meetingNumber,
                date: formatDay(n.decision.meetingDate),
              })
            : t('page.decisionMeetingDate', { date: formatDay(n.decision.meetingDate) })
          : null;
        const language = currentLanguage();
        return (
          <>
            <PageHeader
              title={t('page.title', { reference: n.reference })}
              subtitle={
                <>
                  {n.nominee.fullName} · <StatusTag status={n.status} />
                </>
              }
            />
            {outcome && (
              <Alert
                className="tn-gap"
                type="success"
                showIcon
                role="status"
                closable={{ onClose: () => setOutcome(null) }}
                title={outcome}
              />
            )}
            {n.decisionNumber && (
              <Alert
                className="tn-gap"
                type="info"
                showIcon
                title={t('page.decided')}
                description={
                  <>
                    <span data-testid="decision-number">{decisionText}</span>
                    {meetingText && <div>{meetingText}</div>}
                  </>
                }
              />
            )}
            {n.status === 'withdrawn' && withdrawal?.comment && (
              <Alert
                className="tn-gap"
                type="warning"
                showIcon
                title={t('page.lastWithdraw')}
                description={<span className="tn-prewrap">{withdrawal.comment}</span>}
              />
            )}
            {(n.copiedFrom || n.copiedTo.length > 0) && (
              <Alert
                className="tn-gap"
                type="info"
                data-testid="copy-links"
                title={
                  <Space direction="vertical" size={0}>
                    {n.copiedFrom && (
                      <span>
                        {t('page.copiedFrom')}:{' '}
                        <Link to={`/nominations/${n.copiedFrom.id}`}>{n.copiedFrom.reference}</Link>{' '}
                        <StatusTag status={n.copiedFrom.status} />
                      </span>
                    )}
                    {n.copiedTo.map((copy) => (
                      <span key={copy.id}>
                        {t('page.copiedTo')}:{' '}
                        <Link to={`/nominations/${copy.id}`}>{copy.reference}</Link>{' '}
                        <StatusTag status={copy.status} />
                      </span>
                    ))}
                  </Space>
                }
              />
            )}
            {n.status === 'returned' && lastReturn?.comment && (
              <Alert
                className="tn-gap"
                type="warning"
                showIcon
                title={t('page.lastComment')}
                description={<span className="tn-prewrap">{lastReturn.comment}</span>}
              />
            )}
            <Card title={t('page.actions')} className="tn-gap" size="small">
              <ActionPanel
                nomination={n}
                funds={funds.data}
                mayOverride={mayOverride}
                onDone={onDone}
                onReload={() => query.refetch()}
              />
            </Card>
            <Row gutter={[16, 0]}>
              <Col xs={24} xl={14}>
                <Card title={t('page.summary')} className="tn-gap" size="small">
                  <Descriptions
                    className="tn-descriptions"
                    size="small"
                    column={1}
                    items={[
                      {
                        key: 'nominee',
                        label: t('page.nominee'),
                        children: (
                          <span>
                            {n.nominee.fullName} ({n.nominee.code})
                          </span>
                        ),
                      },
                      ...(n.unit
                        ? [{ key: 'unit', label: t('page.unit'), children: n.unit.name }]
                        : []),
                      ...(n.program
                        ? [{ key: 'program', label: t('page.program'), children: n.program.name }]
                        : []),
                      ...(n.intake
                        ? [
                            { key: 'intake', label: t('page.intake'), children: n.intake.code },
                            {
                              key: 'dates',
                              label: t('page.dates'),
                              children: (
                                <span>
                                  <Day value={n.intake.startsOn} /> –{' '}
                                  <Day value={n.intake.endsOn} />
                                </span>
                              ),
                            },
                            {
                              key: 'location',
                              label: t('page.location'),
                              children: n.intake.location,
                            },
                          ]
                        : []),
                      {
                        key: 'group',
                        label: t('page.targetGroup'),
                        children: t(`targetGroups.${n.targetGroup}`),
                      },
                      {
                        key: 'justification',
                        label: t('page.justification'),
                        children: <span className="tn-prewrap">{n.justification}</span>,
                      },
                      ...(readsMoney
                        ? [
                            {
                              key: 'cost',
                              label: t('page.estimatedCost'),
                              children: <Money value={n.estimatedCost} strong />,
                            },
                            {
                              key: 'share',
                              label: t('page.learnerShare'),
                              children: <Money value={n.learnerShare} />,
                            },
                          ]
                        : []),
                      {
                        key: 'decision',
                        label: t('page.decisionNumber'),
                        children: n.decision?.line
                          ? `${n.decision.number} (${t('meeting.line', { line: n.decision.line })})`
                          : (n.decisionNumber ?? '—'),
                      },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card title={t('page.chain')} className="tn-gap" size="small">
                  <ChainSteps nomination={n} />
                </Card>
              </Col>
            </Row>
            {readsMoney && (
              <Card title={t('page.money')} className="tn-gap" size="small">
                {overBudget && (
                  <Alert
                    className="tn-gap"
                    type={n.budgetCheck?.some((c) => c.verdict === 'block') ? 'error' : 'warning'}
                    showIcon
                    title={t('page.budgetExceeded')}
                  />
                )}
                <Table<CostLine>
                  rowKey="fundId"
                  size="small"
                  pagination={false}
                  scroll={{ x: 860 }}
                  dataSource={n.costLines}
                  summary={() => (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>{t('page.total')}</Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        <Money value={sumVnd(n.costLines.map((l) => l.amount))} strong />
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={2} colSpan={5} />
                    </Table.Summary.Row>
                  )}
                  columns={[
                    {
                      title: t('page.fund'),
                      key: 'fund',
                      render: (_: unknown, line) => {
                        const fund = fundOf(line.fundId);
                        const name = line.fundName ?? fund?.name ?? line.fundCode ?? fund?.code;
                        const owner = line.fundOwnerUnitName ?? fund?.ownerUnitName;
                        return (
                          <>
                            <div>{name ?? '—'}</div>
                            {owner && <Typography.Text type="secondary">{owner}</Typography.Text>}
                          </>
                        );
                      },
                    },
                    {
                      title: t('page.amount'),
                      dataIndex: 'amount',
                      align: 'right',
                      render: (value: string) => <Money value={value} />,
                    },
                    ...moneyColumns(t, check, fundOf),
                    {
                      title: t('page.verdict'),
                      key: 'verdict',
                      render: (_: unknown, line) => {
                        const c = check(line.fundId);
                        return c ? (
                          <Tag color={VERDICT_COLOR[c.verdict]}>
                            {t(`page.verdicts.${c.verdict}`)}
                          </Tag>
                        ) : (
                          '—'
                        );
                      },
                    },
                  ]}
                />
                {!n.budgetCheck && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                    {t('page.budgetNotShown')}
                  </Typography.Paragraph>
                )}
              </Card>
            )}
            <Row gutter={[16, 0]}>
              <Col xs={24} xl={14}>
                <Card title={t('page.eligibility')} className="tn-gap" size="small">
                  {n.eligibility ? (
                    <>
                      <Tag color={n.eligibility.eligible ? TONE.good : TONE.bad}>
                        {n.eligibility.eligible ? t('page.eligible') : t('page.notEligible')}
                      </Tag>
                      {n.eligibility.failures.length > 0 && (
                        <ul className="tn-plain-list">
                          {n.eligibility.failures.map((f) => (
                            <li key={f.ruleId}>{f.message[language]}</li>
                          ))}
                        </ul>
                      )}
                      {n.eligibility.notEvaluated.length > 0 && (
                        <Typography.Paragraph type="secondary">
                          {t('page.notEvaluated', { rules: n.eligibility.notEvaluated.join(', ') })}
                        </Typography.Paragraph>
                      )}
                    </>
                  ) : (
                    <Typography.Text type="secondary">
                      {t('page.eligibilityClosed')}
                    </Typography.Text>
                  )}
                </Card>
                {readsMoney && (
                  <Card title={t('page.record')} className="tn-gap" size="small">
                    <NomineeRecord staffId={n.nomineeStaffId} />
                  </Card>
                )}
              </Col>
              <Col xs={24} xl={10}>
                <Card title={t('page.history')} className="tn-gap" size="small">
                  <Timeline
                    items={n.history.map((h, index) => ({
                      key: index,
                      color: h.action === 'reject' || h.action === 'return' ? 'red' : 'blue',
                      title: formatInstant(h.occurredAt),
                      content: (
                        <>
                          <Typography.Text strong>
                            {t(`page.historyActions.${h.action}`, { defaultValue: h.action })}
                          </Typography.Text>
                          {h.stepPosition !== null && (
                            <Typography.Text type="secondary">
                              {' '}
                              · {t('page.step', { position: h.stepPosition })}
                            </Typography.Text>
                          )}
                          <div>
                            {h.actorUserId ? (h.actorName ?? t('page.someone')) : t('page.system')}
                            {h.onBehalfOf &&
                              ` (${t('page.onBehalfOf', { name: h.onBehalfOfName ?? t('page.someone') })})`}
                          </div>
                          {h.comment && (
                            <Typography.Text italic className="tn-prewrap">
                              “{h.comment}”
                            </Typography.Text>
                          )}
                        </>
                      ),
                    }))}
                  />
                </Card>
              </Col>
            </Row>
            <Link to="/nominations">{t('common:nav.nominations')}</Link>
          </>
        );
      }}
    </QueryState>
  );
}

function moneyColumns(
  t: (key: string) => string,
  check: (fundId: string) => FundCheck | undefined,
  fundOf: (fundId: string) => NominationFund | undefined,
) {
  const cell = (pick: (c: FundCheck) => string, fallback?: (f: NominationFund) => string) =>
    function render(_: unknown, line: CostLine) {
      const c = check(line.fundId);
      if (c) return <Money value={pick(c)} />;
      const f = fundOf(line.fundId);
      return f && fallback ? <Money value={fallback(f)} /> : '—';
    };
  return [
    {
      title: t('page.availableBefore'),
      key: 'available',
      align: 'right' as const,
      render: cell(
        (c) => c.available,
        (f) => f.available,
      ),
    },
    {
      title: t('page.afterThis'),
      key: 'after',
      align: 'right' as const,
      render: cell((c) => c.afterCommitment),
    },
    {
      title: t('page.pipeline'),
      key: 'pipeline',
      align: 'right' as const,
      render: cell(
        (c) => c.pipeline,
        (f) => f.pipeline,
      ),
    },
    {
      title: t('page.afterPipeline'),
      key: 'afterPipeline',
      align: 'right' as const,
      render: cell((c) => c.afterPipeline),
    },
  ];
}
