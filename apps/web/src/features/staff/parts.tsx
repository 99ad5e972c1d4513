import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Space, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDay } from '../../format/date';
import { currentLanguage } from '../../i18n';
import type { GapReport, RecommendedIntake, StandardGaps, Verdict } from './lookups';
import { TAG_COLORS } from '../nominations/model';
import './i18n';
import '../nominations/nominations.css';

/** A value on one of the national scales, in words. */
export function levelName(
  t: TFunction,
  requirement: string,
  value: number | null | undefined,
): string {
  if (value === null || value === undefined) return t('staff:notYet');
  if (requirement === 'foreign_language') {
    return t('staff:levels.foreign_language.any', { level: value });
  }
  return t(`staff:levels.${requirement}.${value}`, { defaultValue: String(value) });
}

/** "Political theory: needs Advanced, has Intermediate" for each unmet requirement. */
export function GapLines({ report }: { report: Pick<GapReport, 'gaps'> }) {
  const { t } = useTranslation();
  return (
    <ul className="tn-plain-list">
      {report.gaps.map((gap) => (
        <li key={gap.requirement}>
          {t('staff:gapLine', {
            requirement: t(`staff:requirements.${gap.requirement}`),
            required: levelName(t, gap.requirement, gap.required),
            actual: levelName(t, gap.requirement, gap.actual),
          })}
        </li>
      ))}
    </ul>
  );
}

/** What the person lacks for their position and for each planned one. */
export function StandardGapsView({ gaps }: { gaps: StandardGaps }) {
  const { t } = useTranslation();
  const planned = gaps.planned.filter((p) => !p.meetsStandard);
  if (gaps.current.meetsStandard && !planned.length) {
    return <Alert type="success" showIcon title={t('staff:noGaps')} />;
  }
  return (
    <Space direction="vertical" size={8} className="tn-full">
      {!gaps.current.meetsStandard && (
        <div>
          <Typography.Text strong>
            {t('staff:gapsCurrent', { position: gaps.current.position?.name ?? '—' })}
          </Typography.Text>
          <GapLines report={gaps.current} />
        </div>
      )}
      {planned.map((report) => (
        <div key={`${report.position?.id}-${report.periodFrom}`}>
          <Typography.Text strong>
            {t('staff:gapsPlanned', {
              position: report.position?.name ?? '—',
              from: report.periodFrom,
              to: report.periodTo,
            })}
          </Typography.Text>
          <GapLines report={report} />
        </div>
      ))}
    </Space>
  );
}

/** Every failed rule of a verdict, in the user's language. */
export function VerdictView({ verdict, compact }: { verdict: Verdict; compact?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (verdict.eligible) {
    return (
      <Tag color={TAG_COLORS.success} icon={<CheckCircleOutlined />}>
        {t('staff:eligible')}
      </Tag>
    );
  }
  return (
    <div>
      <Tag color={TAG_COLORS.error} icon={<CloseCircleOutlined />}>
        {t('staff:notEligible')}
      </Tag>
      <ul className={compact ? 'tn-plain-list tn-small' : 'tn-plain-list'}>
        {verdict.failures.map((failure) => (
          <li key={failure.ruleId + failure.kind}>{failure.message[language]}</li>
        ))}
      </ul>
    </div>
  );
}

/** Open intakes that close one of the person's gaps, with the verdict and a nominate link. */
export function RecommendedList({
  staffId,
  items,
  limit,
}: {
  staffId: string;
  items: RecommendedIntake[];
  limit?: number;
}) {
  const { t } = useTranslation();
  const shown = limit ? items.slice(0, limit) : items;
  if (!items.length)
    return <Typography.Text type="secondary">{t('staff:noRecommended')}</Typography.Text>;
  return (
    <List
      className="tn-list"
      size="small"
      dataSource={shown}
      renderItem={(item) => (
        <List.Item key={item.intake.id}>
          <Flex vertical gap={4} align="flex-start" className="tn-full">
            <Typography.Text strong>
              {item.program.name} ({item.intake.code})
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('staff:studyDates', {
                from: formatDay(item.intake.startsOn),
                to: formatDay(item.intake.endsOn),
              })}
              {' · '}
              {t('staff:windowCloses', { date: formatDay(item.intake.nominationClosesOn) })}
              {' · '}
              {t('staff:seatsLeft', { count: item.intake.seatsRemaining })}
            </Typography.Text>
            {item.closes.length > 0 && (
              <Typography.Text>
                {t('staff:closesGap', {
                  what: item.closes
                    .map(
                      (gap) =>
                        `${t(`staff:requirements.${gap.requirement}`)} ${levelName(t, gap.requirement, gap.required)}${gap.planned ? ` (${t('staff:planned')})` : ''}`,
                    )
                    .join('; '),
                })}
              </Typography.Text>
            )}
            <VerdictView verdict={item.verdict} compact />
            {item.verdict.eligible && (
              <LinkButton
                size="small"
                type="primary"
                to={`/nominations/new?staffIds=${staffId}&intakeId=${item.intake.id}`}
              >
                {t('staff:nominateFor')}
              </LinkButton>
            )}
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** A button that goes to a path inside the app (a link styled as a button, not nested). */
export function LinkButton({
  to,
  children,
  ...props
}: { to: string; children: ReactNode } & Omit<ButtonProps, 'onClick' | 'href'>) {
  const navigate = useNavigate();
  return (
    <Button
      {...props}
      href={to}
      onClick={(event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        void navigate(to);
      }}
    >
      {children}
    </Button>
  );
}
