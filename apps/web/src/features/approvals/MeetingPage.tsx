import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { toApiError } from '../../api/problem';
import { Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { formatDay, parseDay } from '../../format/date';
import { messageOf } from '../../i18n/errors';
import { useAwaiting } from './AwaitingPage';
import type { NominationListItem } from './types';
import { waitingOf } from './waiting';
import { TONE } from '../../components/tones';
import './i18n';
import './approvals.css';

type Decision = 'approve' | 'return' | 'reject';
type IssueAs = 'separate' | 'one_list';

interface ResultRow {
  nominationId: string;
  reference: string;
  nomineeName: string;
  ok: boolean;
  decisionNumber: string | null;
  /** Its line on a decision with an attached list. */
  decisionLine: number | null;
  status: string | null;
  error: string | null;
}

function today(): string {
  return formatDay(new Date().toISOString());
}

/**
 * A meeting decides many nominations at once: pick those awaiting you, set a decision for
 * each, record them together; each result (its decision number or its error) is shown.
 */
export default function MeetingPage() {
  const { t } = useTranslation(['approvals', 'common']);
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const { page, pageSize, pagination } = usePaging(50);
  const query = useAwaiting(page, pageSize);
  const [selected, setSelected] = useState<string[]>([]);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [meetingDate, setMeetingDate] = useState(today());
  const [meetingNumber, setMeetingNumber] = useState('');
  const [issueAs, setIssueAs] = useState<IssueAs>('separate');
  const [problem, setProblem] = useState<string | null>(null);
  const [results, setResults] = useState<{
    date: string;
    number: string | null;
    rows: ResultRow[];
  } | null>(null);

  const decide = useMutation({
    mutationFn: async (items: NominationListItem[]) => {
      const day = parseDay(meetingDate)!;
      const response = await call(
        api.POST('/api/v1/nominations/decisions', {
          body: {
            meetingDate: day,
            ...(meetingNumber.trim() ? { meetingNumber: meetingNumber.trim() } : {}),
            issueAs,
            items: items.map((item) => ({
              nominationId: item.id,
              version: item.version,
              action: decisions[item.id] ?? 'approve',
              ...(comments[item.id]?.trim() ? { comment: comments[item.id].trim() } : {}),
            })),
          },
        }),
      );
      const rows = response.results.map((result): ResultRow => {
        const item = items.find((i) => i.id === result.nominationId)!;
        const base = {
          nominationId: result.nominationId,
          reference: item.reference,
          nomineeName: item.nomineeName,
        };
        if (!result.ok) {
          const status = result.problem?.status ?? 422;
          return {
            ...base,
            ok: false,
            decisionNumber: null,
            decisionLine: null,
            status: null,
            error: messageOf(toApiError(status, result.problem)),
          };
        }
        // The answer carries the state reached and the decision number issued, if any.
        return {
          ...base,
          ok: true,
          decisionNumber: result.decisionNumber ?? null,
          decisionLine: result.decisionLine ?? null,
          status: result.status ?? null,
          error: null,
        };
      });
      return { date: response.meetingDate, number: response.meetingNumber, rows };
    },
    onSuccess: (outcome) => {
      setResults(outcome);
      setSelected([]);
      setComments({});
      void queryClient.invalidateQueries({ queryKey: ['nominations'] });
      void queryClient.invalidateQueries({ queryKey: ['nomination'] });
    },
  });

  const submit = (items: NominationListItem[]) => {
    setProblem(null);
    const chosen = items.filter((i) => selected.includes(i.id));
    if (!chosen.length) return setProblem(t('meeting.noneSelected'));
    if (!parseDay(meetingDate)) return setProblem(t('meeting.invalidDate'));
    if (issueAs === 'one_list' && !meetingNumber.trim()) {
      return setProblem(t('meeting.numberNeeded'));
    }
    const missing = chosen.find(
      (i) => (decisions[i.id] ?? 'approve') !== 'approve' && !comments[i.id]?.trim(),
    );
    if (missing) return setProblem(t('meeting.commentNeeded', { reference: missing.reference }));
    modal.confirm({
      title: t('meeting.confirm', { count: chosen.length }),
      okText: t('common:common.confirm'),
      cancelText: t('common:common.cancel'),
      onOk: () => decide.mutate(chosen),
    });
  };

  return (
    <>
      <PageHeader title={t('meeting.title')} subtitle={t('meeting.help')} />
      {results && (
        <Card
          className="tn-gap"
          title={
            <h2 className="tn-card-title">
              {results.number
                ? t('meeting.resultsNumbered', {
                    number: results.number,
                    date: formatDay(results.date),
                  })
                : t('meeting.results', { date: formatDay(results.date) })}
            </h2>
          }
        >
          <Table<ResultRow>
            rowKey="nominationId"
            size="small"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={results.rows}
            columns={[
              {
                title: t('awaiting.reference'),
                dataIndex: 'reference',
                render: (reference: string, row) => (
                  <Link to={`/nominations/${row.nominationId}`}>{reference}</Link>
                ),
              },
              { title: t('awaiting.nominee'), dataIndex: 'nomineeName' },
              {
                title: t('common:common.details'),
                key: 'result',
                render: (_: unknown, row) =>
                  row.ok ? (
                    <Space wrap>
                      <Tag color={TONE.good}>{t('meeting.ok')}</Tag>
                      {row.status && <Tag>{t(`common:status.${row.status}`)}</Tag>}
                      {row.decisionNumber && (
                        <span data-testid="meeting-decision-number">
                          {t('meeting.decisionNumber')}: <strong>{row.decisionNumber}</strong>
                          {row.decisionLine !== null &&
                            ` (${t('meeting.line', { line: row.decisionLine })})`}
                        </span>
                      )}
                    </Space>
                  ) : (
                    <Space wrap>
                      <Tag color={TONE.bad}>{t('meeting.failed')}</Tag>
                      <Typography.Text type="danger">{row.error}</Typography.Text>
                    </Space>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <QueryState query={query}>
        {(data) => (
          <Card>
            <Form layout="vertical" onFinish={() => submit(data.items)}>
              <Space wrap align="end">
                <Form.Item
                  label={t('meeting.meetingDate')}
                  htmlFor="meeting-date"
                  className="tn-no-margin"
                >
                  <Input
                    id="meeting-date"
                    value={meetingDate}
                    placeholder="dd/mm/yyyy"
                    onChange={(e) => setMeetingDate(e.target.value)}
                    className="tn-date-input"
                  />
                </Form.Item>
                <Form.Item
                  label={t('meeting.meetingNumber')}
                  htmlFor="meeting-number"
                  tooltip={t('meeting.meetingNumberHelp')}
                  className="tn-no-margin"
                >
                  <Input
                    id="meeting-number"
                    value={meetingNumber}
                    maxLength={50}
                    onChange={(e) => setMeetingNumber(e.target.value)}
                  />
                </Form.Item>
                <Form.Item label={t('meeting.issueAs')} className="tn-no-margin">
                  <Radio.Group
                    aria-label={t('meeting.issueAs')}
                    value={issueAs}
                    onChange={(e) => setIssueAs(e.target.value as IssueAs)}
                    options={[
                      { value: 'separate', label: t('meeting.issueSeparate') },
                      { value: 'one_list', label: t('meeting.issueOneList') },
                    ]}
                  />
                </Form.Item>
                <Typography.Text>
                  {t('meeting.selected', { count: selected.length })}
                </Typography.Text>
                <Button type="primary" htmlType="submit" loading={decide.isPending}>
                  {t('meeting.submit')}
                </Button>
              </Space>
              {problem && (
                <Alert className="tn-top" type="error" showIcon role="alert" title={problem} />
              )}
              {decide.error && (
                <div className="tn-top">
                  <ErrorAlert error={decide.error} />
                </div>
              )}
              <Table<NominationListItem>
                className="tn-top"
                rowKey="id"
                size="small"
                dataSource={data.items}
                scroll={{ x: 900 }}
                locale={{ emptyText: t('meeting.empty') }}
                pagination={pagination(data.total)}
                rowSelection={{
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (item) => ({
                    'aria-label': t('meeting.select', { reference: item.reference }),
                  }),
                  columnTitle: undefined,
                }}
                columns={[
                  {
                    title: t('awaiting.reference'),
                    dataIndex: 'reference',
                    render: (reference: string, item) => (
                      <Link to={`/nominations/${item.id}`}>{reference}</Link>
                    ),
                  },
                  {
                    title: t('awaiting.nominee'),
                    key: 'nominee',
                    render: (_: unknown, item) => (
                      <>
                        <div>{item.nomineeName}</div>
                        <Typography.Text type="secondary">
                          {item.program?.name ?? item.intake?.code ?? ''}
                        </Typography.Text>
                      </>
                    ),
                  },
                  {
                    title: t('awaiting.cost'),
                    dataIndex: 'estimatedCost',
                    align: 'right',
                    render: (value: string) => <Money value={value} />,
                  },
                  {
                    title: t('awaiting.waiting'),
                    key: 'waiting',
                    render: (_: unknown, item) => {
                      const w = waitingOf(item);
                      return (
                        <>
                          {t('common:common.days', { count: w.days })}{' '}
                          {w.overdue && <Tag color={TONE.bad}>{t('awaiting.overdue')}</Tag>}
                        </>
                      );
                    },
                  },
                  {
                    title: t('meeting.decision'),
                    key: 'decision',
                    width: 160,
                    render: (_: unknown, item) => (
                      <Select<Decision>
                        aria-label={`${t('meeting.decision')} ${item.reference}`}
                        value={decisions[item.id] ?? 'approve'}
                        onChange={(value) => setDecisions((d) => ({ ...d, [item.id]: value }))}
                        className="tn-full-width"
                        options={(['approve', 'return', 'reject'] as const).map((a) => ({
                          value: a,
                          label: t(`common:actions.${a}`),
                        }))}
                      />
                    ),
                  },
                  {
                    title: t('meeting.comment'),
                    key: 'comment',
                    width: 240,
                    render: (_: unknown, item) => (
                      <Input
                        aria-label={`${t('meeting.comment')} ${item.reference}`}
                        value={comments[item.id] ?? ''}
                        maxLength={4000}
                        onChange={(e) => setComments((c) => ({ ...c, [item.id]: e.target.value }))}
                      />
                    ),
                  },
                ]}
              />
            </Form>
          </Card>
        )}
      </QueryState>
    </>
  );
}
