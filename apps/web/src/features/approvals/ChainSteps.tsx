import { Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../format/date';
import type { NominationDetail, Step } from './types';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** The approval chain: who acted at each step, when, for whom, and who holds the current one. */
export function ChainSteps({ nomination }: { nomination: NominationDetail }) {
  const { t } = useTranslation(['approvals', 'common']);
  if (!nomination.steps.length) {
    return <Typography.Text type="secondary">{t('page.noChain')}</Typography.Text>;
  }
  const current =
    nomination.status === 'in_review' ? nomination.currentStep : (null as number | null);

  const statusOf = (step: Step): StepStatus => {
    if (step.state === 'approved') return 'finish';
    if (step.state === 'rejected' || step.state === 'returned') return 'error';
    return step.position === current ? 'process' : 'wait';
  };

  return (
    <Steps
      orientation="vertical"
      size="small"
      current={Math.max(0, (current ?? nomination.steps.length + 1) - 1)}
      items={nomination.steps.map((step) => ({
        key: step.id,
        status: statusOf(step),
        title: (
          <span>
            {t('page.step', { position: step.position })}: {t(`common:stepRole.${step.role}`)}
          </span>
        ),
        content: <StepContent nomination={nomination} step={step} current={current} />,
      }))}
    />
  );
}

function StepContent({
  nomination,
  step,
  current,
}: {
  nomination: NominationDetail;
  step: Step;
  current: number | null;
}) {
  const { t } = useTranslation(['approvals', 'common']);
  const authority = step.authorityName ?? step.unitName;
  const summary =
    step.position === current && nomination.currentStepSummary?.position === step.position
      ? nomination.currentStepSummary
      : null;
  const votes = nomination.history.filter(
    (h) => h.stepPosition === step.position && h.action.startsWith('vote_'),
  );
  const approve = votes.filter((v) => v.action === 'vote_approve').length;
  const reject = votes.length - approve;
  return (
    <Space orientation="vertical" size={2} className="tn-step-content">
      <Typography.Text type="secondary">{t(`page.stepStates.${step.state}`)}</Typography.Text>
      {authority && <Typography.Text>{authority}</Typography.Text>}
      {step.actedAt && (
        <Typography.Text>
          {t('page.actedBy', {
            name: step.actedByName ?? t('page.someone'),
            when: formatInstant(step.actedAt),
          })}
          {step.onBehalfOf && (
            <> ({t('page.onBehalfOf', { name: step.onBehalfOfName ?? t('page.someone') })})</>
          )}
        </Typography.Text>
      )}
      {step.comment && (
        <Typography.Text italic className="tn-prewrap">
          “{step.comment}”
        </Typography.Text>
      )}
      {step.committee && (
        <Typography.Text type="secondary">
          {t('page.committee', {
            quorum:
              step.committee.quorum === 'majority'
                ? t('page.committeeMajority')
                : String(step.committee.quorum),
          })}
          {step.committee.veto ? `; ${t('page.committeeVeto')}` : ''}
          {votes.length > 0 && ` — ${t('page.votes', { approve, reject })}`}
        </Typography.Text>
      )}
      {summary && (
        <>
          <Typography.Text>
            {t('page.waitingFor', {
              names: summary.holders.map((h) => h.displayName).join(', ') || '—',
            })}
            {summary.holderCount > summary.holders.length &&
              ` ${t('page.waitingMore', { count: summary.holderCount - summary.holders.length })}`}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('page.waitingDays', { count: summary.daysWaiting })}
          </Typography.Text>
        </>
      )}
    </Space>
  );
}
