import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Progress,
  Radio,
  Result,
  Select,
  Skeleton,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import { applyFieldErrors } from '../../components/forms';
import { Money } from '../../components/format';
import { ErrorAlert } from '../../components/QueryState';
import { formatDay } from '../../format/date';
import { formatVnd, isNegativeVnd, parseVnd, subtractVnd } from '../../format/money';
import { messageOf } from '../../i18n/errors';
import {
  type Intake,
  type RecommendedIntake,
  searchStaff,
  type Staff,
  type Verdict,
  useIntakes,
  usePrograms,
  useUnits,
} from '../staff/lookups';
import { LinkButton, VerdictView } from '../staff/parts';
import { type CostLineInput, learnerShareOf, splitState, timesVnd } from './costs';
import {
  type Fund,
  fetchNomination,
  idempotencyKeyFor,
  type NominationDetail,
  submitNomination,
  TAG_COLORS,
} from './model';
import './i18n';
import '../staff/i18n';
import './nominations.css';

interface Values {
  intakeId?: string;
  learnerShare?: string;
  costLines?: CostLineInput[];
  targetGroup?: 1 | 2 | 3;
  justification?: string;
}

type StepKey = 'people' | 'intake' | 'eligibility' | 'cost' | 'purpose' | 'review';
const STEPS: StepKey[] = ['people', 'intake', 'eligibility', 'cost', 'purpose', 'review'];
/** Which step holds each field, to show a server's field error where it can be fixed. */
const FIELD_STEP: Record<string, StepKey> = {
  intakeId: 'intake',
  costLines: 'cost',
  learnerShare: 'cost',
  targetGroup: 'purpose',
  justification: 'purpose',
};

interface Outcome {
  staff: Staff;
  ok: boolean;
  id?: string;
  reference?: string;
  submitted?: boolean;
  error?: string;
}

/** The values a nomination holds, in the form's own terms (amounts as formatted text). */
export function valuesOf(detail: NominationDetail): Values {
  return {
    intakeId: detail.intakeId,
    learnerShare: formatVnd(detail.learnerShare, { unit: false }),
    costLines: detail.costLines.map((line) => ({
      fundId: line.fundId,
      amount: formatVnd(line.amount, { unit: false }),
    })),
    targetGroup: detail.targetGroup,
    justification: detail.justification,
  };
}

/** The body the API takes, from what the form holds. */
function bodyOf(values: Values) {
  return {
    intakeId: values.intakeId!,
    targetGroup: values.targetGroup!,
    justification: (values.justification ?? '').trim(),
    learnerShare: parseVnd(values.learnerShare ?? '') ?? '0',
    costLines: (values.costLines ?? [])
      .filter((line) => line?.fundId)
      .map((line) => ({ fundId: line.fundId!, amount: parseVnd(line.amount ?? '') ?? '' })),
  };
}

/** Where a nomination's fields differ between two versions, in comparable terms. */
function differences(before: Values, after: Values): Array<keyof Values> {
  const a = bodyOf(before);
  const b = bodyOf(after);
  const keys: Array<keyof Values> = [
    'intakeId',
    'targetGroup',
    'justification',
    'learnerShare',
    'costLines',
  ];
  return keys.filter(
    (key) => JSON.stringify(a[key as keyof typeof a]) !== JSON.stringify(b[key as keyof typeof b]),
  );
}

function PeopleStep({
  people,
  setPeople,
  fixed,
}: {
  people: Staff[];
  setPeople: (people: Staff[]) => void;
  fixed: boolean;
}) {
  const { t } = useTranslation();
  const units = useUnits();
  const [search, setSearch] = useState('');
  const found = useQuery({
    queryKey: ['staff', 'pick', search],
    queryFn: () => searchStaff({ q: search, employmentStatus: 'active', pageSize: 20 }),
    enabled: search.trim().length >= 2,
  });
  const chosen = new Set(people.map((p) => p.id));
  return (
    <Flex vertical gap={12}>
      {fixed ? (
        <Alert type="info" showIcon title={t('nominations:flow.nomineeFixed')} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('nominations:flow.peopleHelp')}</Typography.Text>
          <label htmlFor="tn-people-search">
            <Typography.Text strong>{t('nominations:flow.peopleSearch')}</Typography.Text>
          </label>
          <Select
            id="tn-people-search"
            showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
            value={null}
            placeholder={t('nominations:flow.peopleSearchPlaceholder')}
            loading={found.isFetching}
            notFoundContent={found.isFetching ? <Skeleton active paragraph={false} /> : null}
            options={(found.data?.items ?? []).map((staff) => ({
              value: staff.id,
              label: `${staff.fullName} · ${staff.code} · ${units.data?.byId.get(staff.unitId)?.name ?? ''}`,
              disabled: chosen.has(staff.id),
            }))}
            onChange={(id: string | null) => {
              const staff = found.data?.items.find((s) => s.id === id);
              if (staff && !chosen.has(staff.id)) setPeople([...people, staff]);
              setSearch('');
            }}
            className="tn-full tn-people-search"
          />
        </>
      )}
      <Typography.Text strong>
        {t('nominations:flow.chosen', { count: people.length })}
      </Typography.Text>
      <List
        className="tn-list"
        bordered
        size="small"
        dataSource={people}
        locale={{ emptyText: t('nominations:flow.nobody') }}
        renderItem={(staff) => (
          <List.Item
            key={staff.id}
            actions={
              fixed
                ? []
                : [
                    <Button
                      key="remove"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('nominations:flow.remove', { name: staff.fullName })}
                      onClick={() => setPeople(people.filter((p) => p.id !== staff.id))}
                    />,
                  ]
            }
          >
            <Flex vertical>
              <span>{staff.fullName}</span>
              <Typography.Text type="secondary" className="tn-small">
                {staff.code} · {units.data?.byId.get(staff.unitId)?.name ?? ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}

function IntakeOption({
  intake,
  programName,
  recommended,
}: {
  intake: Intake | RecommendedIntake['intake'];
  programName: string;
  recommended: boolean;
}) {
  const { t } = useTranslation();
  const full = 'costTotal' in intake ? intake : undefined;
  return (
    <Flex vertical gap={2}>
      <span>
        <Typography.Text strong>{programName}</Typography.Text> ({intake.code}){' '}
        {recommended && <Tag color={TAG_COLORS.info}>{t('nominations:flow.recommendedTag')}</Tag>}
      </span>
      <Typography.Text type="secondary" className="tn-small">
        {full && (
          <>
            {t('nominations:flow.cost')}: {formatVnd(full.costTotal)} ·{' '}
          </>
        )}
        {t('nominations:flow.seatsLeft', { count: intake.seatsRemaining })} ·{' '}
        {full
          ? t('nominations:flow.window', {
              from: formatDay(full.nominationOpensOn),
              to: formatDay(full.nominationClosesOn),
            })
          : t('staff:windowCloses', { date: formatDay(intake.nominationClosesOn) })}{' '}
        ·{' '}
        {t('nominations:flow.dates', {
          from: formatDay(intake.startsOn),
          to: formatDay(intake.endsOn),
        })}
      </Typography.Text>
    </Flex>
  );
}

function IntakeStep({ people, currentIntakeId }: { people: Staff[]; currentIntakeId?: string }) {
  const { t } = useTranslation();
  const programs = usePrograms();
  const intakes = useIntakes();
  const open = useQuery({
    queryKey: ['intakes', 'open'],
    queryFn: () =>
      call(
        api.GET('/api/v1/intakes', {
          params: { query: { open: true, active: true, pageSize: 200 } },
        }),
      ),
  });
  // Recommendations of the first people chosen (a long list asks for a few only).
  const recommended = useQueries({
    queries: people.slice(0, 10).map((staff) => ({
      queryKey: ['staff', staff.id, 'recommended'],
      queryFn: () =>
        call(
          api.GET('/api/v1/staff/{id}/recommended-intakes', { params: { path: { id: staff.id } } }),
        ),
    })),
  });
  const recommendedIds = new Set(
    recommended.flatMap((r) => (r.data ?? []).map((item) => item.intake.id)),
  );
  const openItems = open.data?.items ?? [];
  const options: Intake[] = [];
  const seen = new Set<string>();
  const push = (intake: Intake | undefined) => {
    if (intake && !seen.has(intake.id)) {
      seen.add(intake.id);
      options.push(intake);
    }
  };
  for (const intake of openItems) if (recommendedIds.has(intake.id)) push(intake);
  for (const intake of openItems) push(intake);
  if (currentIntakeId) push(intakes.data?.byId.get(currentIntakeId));

  if (open.error) return <ErrorAlert error={open.error} onRetry={() => void open.refetch()} />;
  if (open.isPending) return <Skeleton active />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('nominations:flow.intakeHelp')}</Typography.Text>
      {options.length === 0 ? (
        <Empty description={t('nominations:flow.noIntakes')} />
      ) : (
        <Form.Item
          name="intakeId"
          label={t('nominations:flow.intakeLabel')}
          rules={[{ required: true, message: t('nominations:flow.pickIntake') }]}
        >
          <Radio.Group className="tn-full" aria-label={t('nominations:flow.intakeLabel')}>
            <Flex vertical gap={8}>
              {options.map((intake) => (
                <Radio key={intake.id} value={intake.id}>
                  <IntakeOption
                    intake={intake}
                    programName={programs.data?.get(intake.programId)?.name ?? ''}
                    recommended={recommendedIds.has(intake.id)}
                  />
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
      )}
    </Flex>
  );
}

/** Each person's verdict for the intake: every failed rule at once. */
function useVerdicts(people: Staff[], intakeId: string | undefined, targetGroup?: number) {
  return useQueries({
    queries: people.map((staff) => ({
      queryKey: ['eligibility', intakeId, staff.id, targetGroup ?? null],
      queryFn: () =>
        call(
          api.GET('/api/v1/intakes/{id}/eligibility', {
            params: {
              path: { id: intakeId! },
              query: {
                staffId: staff.id,
                targetGroup: targetGroup as 1 | 2 | 3 | undefined,
              },
            },
          }),
        ),
      enabled: !!intakeId,
    })),
  });
}

function EligibilityStep({
  people,
  verdicts,
  onRemove,
}: {
  people: Staff[];
  verdicts: Array<{ data?: Verdict; error: unknown; isPending: boolean }>;
  onRemove?: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const ineligible = people.filter((_, index) => verdicts[index]?.data?.eligible === false);
  const loading = verdicts.some((v) => v.isPending);
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('nominations:flow.eligibilityHelp')}</Typography.Text>
      {!loading &&
        (ineligible.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('nominations:flow.someIneligible')}
            action={
              onRemove && ineligible.length < people.length ? (
                <Button size="small" onClick={() => onRemove(ineligible.map((p) => p.id))}>
                  {t('nominations:flow.removeIneligible')}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <Alert type="success" showIcon title={t('nominations:flow.allEligible')} />
        ))}
      <List
        className="tn-list"
        bordered
        dataSource={people}
        renderItem={(staff, index) => {
          const verdict = verdicts[index];
          return (
            <List.Item key={staff.id}>
              <Flex vertical gap={4} className="tn-full">
                <Typography.Text strong>
                  {staff.fullName} · {staff.code}
                </Typography.Text>
                {verdict?.error ? (
                  <ErrorAlert error={verdict.error} />
                ) : verdict?.data ? (
                  <VerdictView verdict={verdict.data} />
                ) : (
                  <Skeleton active paragraph={false} />
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
    </Flex>
  );
}

function CostStep({
  intake,
  funds,
  count,
}: {
  intake: Intake | undefined;
  funds: { data?: Fund[]; error: unknown; isPending: boolean; refetch: () => unknown };
  count: number;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const lines = Form.useWatch('costLines', form) as CostLineInput[] | undefined;
  const learnerShare = Form.useWatch('learnerShare', form) as string | undefined;
  if (!intake) return <Skeleton active />;
  if (funds.error) return <ErrorAlert error={funds.error} onRetry={() => void funds.refetch()} />;
  if (funds.isPending) return <Skeleton active />;
  const usable = funds.data ?? [];
  const byId = new Map(usable.map((fund) => [fund.id, fund]));
  const state = splitState(intake.costTotal, learnerShare, lines);
  const year = intake.startsOn.slice(0, 4);
  const amountRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const amount = parseVnd(value ?? '');
      if (amount === null || amount === '0' || isNegativeVnd(amount)) {
        throw new Error(t('nominations:flow.invalidAmount'));
      }
    },
  };
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('nominations:flow.costHelp')}</Typography.Text>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('nominations:flow.estimated')}>
          <Money value={intake.costTotal} strong />
        </Descriptions.Item>
      </Descriptions>
      <Form.Item
        name="learnerShare"
        label={t('nominations:flow.learnerShare')}
        extra={
          intake.learnerSharePercent
            ? t('nominations:flow.learnerShareHint', { percent: intake.learnerSharePercent })
            : undefined
        }
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              const amount = parseVnd(value ?? '0');
              if (amount === null || isNegativeVnd(amount)) {
                throw new Error(t('nominations:flow.invalidAmount'));
              }
            },
          },
        ]}
      >
        <Input inputMode="numeric" suffix="₫" className="tn-money-input" />
      </Form.Item>
      {usable.length === 0 && (
        <Alert type="warning" showIcon title={t('nominations:flow.noFunds', { year })} />
      )}
      <Form.List name="costLines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => {
              const line = lines?.[field.name];
              const fund = line?.fundId ? byId.get(line.fundId) : undefined;
              const amount = parseVnd(line?.amount ?? '');
              const after =
                fund && amount ? subtractVnd(fund.available, timesVnd(amount, count)) : null;
              return (
                <div key={field.key} className="tn-cost-line">
                  <Flex wrap gap={12} align="flex-start">
                    <Form.Item
                      name={[field.name, 'fundId']}
                      label={t('nominations:flow.fund')}
                      className="tn-fund-field"
                      rules={[
                        { required: true, message: t('nominations:flow.fundRequired') },
                        {
                          validator: async (_, value: string | undefined) => {
                            const all = (form.getFieldValue('costLines') ?? []) as CostLineInput[];
                            if (value && all.filter((l) => l?.fundId === value).length > 1) {
                              throw new Error(t('nominations:flow.duplicateFund'));
                            }
                          },
                        },
                      ]}
                    >
                      <Select
                        options={usable.map((f) => ({
                          value: f.id,
                          label: `${f.name} (${f.code})`,
                        }))}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'amount']}
                      label={t('nominations:flow.amount')}
                      required
                      rules={[amountRule]}
                      normalize={(value: string) => value.replace(/[^\d.\s]/g, '')}
                    >
                      <Input
                        inputMode="numeric"
                        suffix="₫"
                        className="tn-money-input"
                        onBlur={(event) => {
                          const parsed = parseVnd(event.target.value);
                          if (parsed) {
                            form.setFieldValue(
                              ['costLines', field.name, 'amount'],
                              formatVnd(parsed, { unit: false }),
                            );
                          }
                        }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('nominations:flow.removeLine', { index: index + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                  {fund && (
                    <Descriptions
                      size="small"
                      column={{ xs: 1, sm: 2 }}
                      className="tn-descriptions"
                    >
                      <Descriptions.Item label={t('nominations:flow.available')}>
                        <Money value={fund.available} />
                      </Descriptions.Item>
                      <Descriptions.Item
                        label={
                          count > 1
                            ? t('nominations:flow.afterAll', { count })
                            : t('nominations:flow.after')
                        }
                      >
                        <Money value={after} strong />
                      </Descriptions.Item>
                    </Descriptions>
                  )}
                  {after && isNegativeVnd(after) && (
                    <Alert type="error" showIcon title={t('nominations:flow.shortFund')} />
                  )}
                </div>
              );
            })}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ amount: '' })}
              disabled={!usable.length}
            >
              {t('nominations:flow.addLine')}
            </Button>
          </>
        )}
      </Form.List>
      <div role="status" aria-live="polite">
        <Typography.Text>
          {t('nominations:flow.allocated', {
            sum: formatVnd(state.split),
            total: formatVnd(intake.costTotal),
          })}{' '}
        </Typography.Text>
        {state.balanced ? (
          <Tag color={TAG_COLORS.success}>{t('nominations:flow.balanced')}</Tag>
        ) : isNegativeVnd(state.left) ? (
          <Tag color={TAG_COLORS.error}>
            {t('nominations:flow.over', { amount: formatVnd(state.left.slice(1)) })}
          </Tag>
        ) : (
          <Tag color={TAG_COLORS.warning}>
            {t('nominations:flow.remaining', { amount: formatVnd(state.left) })}
          </Tag>
        )}
      </div>
    </Flex>
  );
}

function PurposeStep() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="targetGroup"
        label={t('nominations:flow.targetGroup')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Radio.Group aria-label={t('nominations:flow.targetGroup')}>
          <Flex vertical gap={6}>
            {([1, 2, 3] as const).map((group) => (
              <Radio key={group} value={group}>
                {t(`nominations:flow.groups.${group}`)}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="justification"
        label={t('nominations:flow.justification')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 4000 }]}
      >
        <Input.TextArea
          rows={5}
          maxLength={4000}
          showCount
          placeholder={t('nominations:flow.justificationPlaceholder')}
        />
      </Form.Item>
    </>
  );
}

export interface NominationFormProps {
  initialPeople: Staff[];
  initialIntakeId?: string;
  /** Editing: the nomination as read (its version is sent back). */
  existing?: NominationDetail;
}

/**
 * The guided nomination: people → intake → eligibility → cost split → group and reason →
 * save or submit. Editing goes through the same steps with the nominee fixed.
 */
export function NominationForm({ initialPeople, initialIntakeId, existing }: NominationFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const narrow = !Grid.useBreakpoint().md;
  const editing = !!existing;
  const [people, setPeople] = useState<Staff[]>(initialPeople);
  const [current, setCurrent] = useState(() => {
    if (editing) return STEPS.indexOf('intake');
    if (initialPeople.length && initialIntakeId) return STEPS.indexOf('eligibility');
    return initialPeople.length ? STEPS.indexOf('intake') : 0;
  });
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // Editing: what the form was based on, and what changed on the server after a conflict.
  const [base, setBase] = useState<NominationDetail | undefined>(existing);
  const [conflict, setConflict] = useState<'pending' | 'reloaded' | null>(null);
  const [changed, setChanged] = useState<Array<keyof Values>>([]);
  const keys = useRef(new Map<string, string>());

  const intakes = useIntakes();
  const programs = usePrograms();
  const intakeId = Form.useWatch('intakeId', form) as string | undefined;
  const targetGroup = Form.useWatch('targetGroup', form) as number | undefined;
  const intake = intakeId ? intakes.data?.byId.get(intakeId) : undefined;
  const verdicts = useVerdicts(people, intakeId);
  const groupVerdicts = useVerdicts(people, targetGroup ? intakeId : undefined, targetGroup);
  const year = intake ? Number(intake.startsOn.slice(0, 4)) : undefined;
  const funds = useQuery({
    queryKey: ['funds', 'usable', year],
    queryFn: () =>
      call(
        api.GET('/api/v1/funds', { params: { query: { year, status: 'open', pageSize: 100 } } }),
      ),
    enabled: !!year,
    // The most local fund first: a unit's own money before the city's.
    select: (page) =>
      page.items
        .filter((fund) => intake?.allowedSources.includes(fund.source))
        .sort((a, b) => b.tierLevel - a.tierLevel || a.code.localeCompare(b.code)),
  });

  const initialValues = useMemo<Values>(
    () => (existing ? valuesOf(existing) : { intakeId: initialIntakeId, costLines: [] }),
    [existing, initialIntakeId],
  );

  /** Fills a first split when the intake is chosen: the learner's share and one fund. */
  const prefillCost = () => {
    if (!intake) return;
    const lines = (form.getFieldValue('costLines') ?? []) as CostLineInput[];
    if (lines.length && form.getFieldValue('learnerShare') !== undefined) return;
    const share = learnerShareOf(intake.costTotal, intake.learnerSharePercent);
    form.setFieldValue('learnerShare', formatVnd(share, { unit: false }));
    const first = funds.data?.[0];
    if (!lines.length && first) {
      form.setFieldValue('costLines', [
        {
          fundId: first.id,
          amount: formatVnd(subtractVnd(intake.costTotal, share), { unit: false }),
        },
      ]);
    }
  };

  const stepKey = STEPS[current];
  const eligibilityLoading = verdicts.some((v) => v.isPending);
  const anyIneligible = verdicts.some((v) => v.data?.eligible === false || v.error);

  const next = async () => {
    setFailure(null);
    try {
      if (stepKey === 'people' && !people.length) return;
      if (stepKey === 'intake') await form.validateFields(['intakeId']);
      if (stepKey === 'eligibility' && (eligibilityLoading || anyIneligible)) return;
      if (stepKey === 'cost') {
        const lines = (form.getFieldValue('costLines') ?? []) as CostLineInput[];
        await form.validateFields([
          'learnerShare',
          ...lines.flatMap((_, i) => [
            ['costLines', i, 'fundId'],
            ['costLines', i, 'amount'],
          ]),
        ]);
        const state = splitState(intake!.costTotal, form.getFieldValue('learnerShare'), lines);
        if (!state.balanced) {
          void message.error(t('nominations:flow.splitMismatch'));
          return;
        }
      }
      if (stepKey === 'purpose') await form.validateFields(['targetGroup', 'justification']);
    } catch {
      return;
    }
    const upcoming = STEPS[current + 1];
    if (upcoming === 'cost') prefillCost();
    setCurrent(current + 1);
  };

  /** Shows a server's answer where it can be fixed: on its field and step, or as a message. */
  const showError = (error: unknown) => {
    if (applyFieldErrors(form, error) && error instanceof ApiError) {
      const step = FIELD_STEP[error.fields[0]?.field.split('.')[0] ?? ''];
      if (step) setCurrent(STEPS.indexOf(step));
    }
    setFailure(error);
    void message.error(messageOf(error));
  };

  const create = useMutation({
    mutationFn: async (andSubmit: boolean): Promise<Outcome[]> => {
      const values = form.getFieldsValue(true) as Values;
      const body = bodyOf(values);
      if (people.length === 1) {
        const payload = { ...body, nomineeStaffId: people[0].id };
        const created = await call(
          api.POST('/api/v1/nominations', {
            params: { header: { 'Idempotency-Key': idempotencyKeyFor(keys.current, payload) } },
            body: payload,
          }),
        );
        const outcome: Outcome = {
          staff: people[0],
          ok: true,
          id: created.id,
          reference: created.reference,
        };
        if (andSubmit && created.status === 'draft') {
          await submitNomination(created.id, created.version);
          outcome.submitted = true;
        } else if (created.status === 'in_review') {
          outcome.submitted = true;
        }
        return [outcome];
      }
      const { learnerShare, costLines, ...shared } = body;
      const bulk = await call(
        api.POST('/api/v1/nominations/bulk', {
          body: {
            ...shared,
            nominees: people.map((staff) => ({ staffId: staff.id, learnerShare, costLines })),
          },
        }),
      );
      const byStaff = new Map(people.map((staff) => [staff.id, staff]));
      return Promise.all(
        bulk.results.map(async (result): Promise<Outcome> => {
          const staff = byStaff.get(result.staffId)!;
          if (!result.ok) {
            return {
              staff,
              ok: false,
              error: messageOf(
                new ApiError(
                  result.problem?.status ?? 422,
                  result.problem?.code ?? 'HTTP_422',
                  result.problem?.detail,
                ),
              ),
            };
          }
          const outcome: Outcome = { staff, ok: true, id: result.id, reference: result.reference };
          if (andSubmit && result.id) {
            try {
              const detail = await fetchNomination(result.id);
              await submitNomination(result.id, detail.version);
              outcome.submitted = true;
            } catch (error) {
              outcome.error = messageOf(error);
            }
          }
          return outcome;
        }),
      );
    },
    onSuccess: (result, andSubmit) => {
      setOutcomes(result);
      const done = result.filter((o) => o.ok);
      if (result.length === 1 && done.length === 1) {
        void message.success(
          t(andSubmit ? 'nominations:flow.submitted' : 'nominations:flow.created', {
            reference: done[0].reference,
          }),
        );
      }
    },
    onError: showError,
  });

  const edit = useMutation({
    mutationFn: async (andSubmit: boolean): Promise<Outcome[]> => {
      const values = form.getFieldsValue(true) as Values;
      const body = bodyOf(values);
      const saved = await call(
        api.PATCH('/api/v1/nominations/{id}', {
          params: {
            path: { id: base!.id },
            header: {
              'If-Match': `"${base!.version}"`,
              'Idempotency-Key': idempotencyKeyFor(keys.current, { ...body, v: base!.version }),
            },
          },
          body,
        }),
      );
      setBase(saved);
      const outcome: Outcome = {
        staff: people[0],
        ok: true,
        id: saved.id,
        reference: saved.reference,
      };
      if (andSubmit) {
        await submitNomination(saved.id, saved.version);
        outcome.submitted = true;
      }
      return [outcome];
    },
    onSuccess: (result, andSubmit) => {
      setOutcomes(result);
      setConflict(null);
      void message.success(
        t(andSubmit ? 'nominations:flow.submitted' : 'nominations:flow.saved', {
          reference: result[0].reference,
        }),
      );
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setConflict('pending');
        setFailure(null);
        return;
      }
      showError(error);
    },
  });

  /** Reads the server's copy again; the form keeps what was typed. */
  const reload = useMutation({
    mutationFn: () => fetchNomination(base!.id),
    onSuccess: (latest) => {
      setChanged(differences(valuesOf(base!), valuesOf(latest)));
      setBase(latest);
      setConflict('reloaded');
    },
    onError: showError,
  });

  if (outcomes) {
    const allOk = outcomes.every((o) => o.ok && !o.error);
    return (
      <Result
        status={allOk ? 'success' : 'warning'}
        title={
          outcomes.length === 1 && outcomes[0].ok
            ? t(
                outcomes[0].submitted
                  ? 'nominations:flow.submitted'
                  : editing
                    ? 'nominations:flow.saved'
                    : 'nominations:flow.created',
                { reference: outcomes[0].reference },
              )
            : t('nominations:flow.outcomes')
        }
        extra={
          <Space wrap>
            {outcomes.length === 1 && outcomes[0].id && (
              <LinkButton type="primary" to={`/nominations/${outcomes[0].id}`}>
                {t('nominations:open')}
              </LinkButton>
            )}
            <LinkButton to="/nominations">{t('nominations:flow.toList')}</LinkButton>
          </Space>
        }
      >
        {outcomes.length > 1 && (
          <Table<Outcome>
            className="tn-table"
            rowKey={(o) => o.staff.id}
            size="small"
            pagination={false}
            scroll={{ x: 320 }}
            dataSource={outcomes}
            columns={[
              {
                title: t('nominations:flow.person'),
                key: 'person',
                render: (_, o) => `${o.staff.fullName} · ${o.staff.code}`,
              },
              {
                title: t('nominations:flow.outcome'),
                key: 'outcome',
                render: (_, o) =>
                  o.ok ? (
                    <Flex vertical>
                      <LinkButton type="link" size="small" to={`/nominations/${o.id}`}>
                        {t(
                          o.submitted
                            ? 'nominations:flow.outcomeSubmitted'
                            : 'nominations:flow.outcomeOk',
                          { reference: o.reference },
                        )}
                      </LinkButton>
                      {o.error && <Typography.Text type="danger">{o.error}</Typography.Text>}
                    </Flex>
                  ) : (
                    <Flex vertical>
                      <Tag color={TAG_COLORS.error}>{t('nominations:flow.outcomeFailed')}</Tag>
                      <Typography.Text type="danger">{o.error}</Typography.Text>
                    </Flex>
                  ),
              },
            ]}
          />
        )}
      </Result>
    );
  }

  const busy = create.isPending || edit.isPending;
  const values = form.getFieldsValue(true) as Values;
  const program = intake ? programs.data?.get(intake.programId) : undefined;
  const canEdit = !existing || ['draft', 'returned'].includes(base?.status ?? '');

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      requiredMark="optional"
      scrollToFirstError
    >
      {narrow ? (
        // On a phone the six titles would fill the screen: the step's number and a bar.
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">
            {t('nominations:flow.stepOf', { n: current + 1, total: STEPS.length })}
          </Typography.Text>
          <Progress
            steps={STEPS.length}
            percent={((current + 1) / STEPS.length) * 100}
            showInfo={false}
            size={['100%', 6] as never}
            aria-label={t('nominations:flow.stepOf', { n: current + 1, total: STEPS.length })}
          />
        </Flex>
      ) : (
        <Steps
          current={current}
          size="small"
          items={STEPS.map((key, index) => ({
            title: t(`nominations:flow.steps.${key}`),
            // Going back is always allowed; going forward only through "next".
            disabled: index > current,
          }))}
          onChange={(index) => index < current && setCurrent(index)}
        />
      )}
      {conflict && (
        <Alert
          className="tn-alert-top"
          type="warning"
          showIcon
          role="alert"
          title={t('errors.conflictTitle')}
          description={
            conflict === 'pending' ? (
              t('errors.conflictBody')
            ) : (
              <Flex vertical gap={4}>
                <span>{t('nominations:flow.conflictReloaded', { version: base?.version })}</span>
                {changed.length ? (
                  <>
                    <Typography.Text strong>
                      {t('nominations:flow.conflictChanged')}
                    </Typography.Text>
                    <ul className="tn-plain-list">
                      {changed.map((key) => (
                        <li key={key}>
                          {t(`nominations:flow.fields.${key}`)}:{' '}
                          {t('nominations:flow.serverValue', {
                            value: describe(
                              key,
                              valuesOf(base!),
                              (id) => {
                                const i = intakes.data?.byId.get(id);
                                return i
                                  ? `${programs.data?.get(i.programId)?.name ?? ''} (${i.code})`
                                  : id;
                              },
                              t,
                            ),
                          })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <span>{t('nominations:flow.conflictNoChange')}</span>
                )}
              </Flex>
            )
          }
          action={
            conflict === 'pending' ? (
              <Button onClick={() => reload.mutate()} loading={reload.isPending}>
                {t('common.reload')}
              </Button>
            ) : undefined
          }
        />
      )}
      {!canEdit && base && (
        <Alert
          className="tn-alert-top"
          type="error"
          showIcon
          title={t('nominations:flow.notEditable', { status: t(`status.${base.status}`) })}
        />
      )}
      <div className="tn-steps-panel">
        <h2 className="tn-card-title tn-gap">{t(`nominations:flow.steps.${stepKey}`)}</h2>
        <div hidden={stepKey !== 'people'}>
          <PeopleStep people={people} setPeople={setPeople} fixed={editing} />
        </div>
        <div hidden={stepKey !== 'intake'}>
          {current >= STEPS.indexOf('intake') && (
            <IntakeStep people={people} currentIntakeId={existing?.intakeId} />
          )}
        </div>
        <div hidden={stepKey !== 'eligibility'}>
          {stepKey === 'eligibility' && (
            <EligibilityStep
              people={people}
              verdicts={verdicts}
              onRemove={
                editing ? undefined : (ids) => setPeople(people.filter((p) => !ids.includes(p.id)))
              }
            />
          )}
        </div>
        <div hidden={stepKey !== 'cost'}>
          {current >= STEPS.indexOf('cost') && (
            <CostStep intake={intake} funds={funds} count={people.length} />
          )}
        </div>
        <div hidden={stepKey !== 'purpose'}>
          <PurposeStep />
          {targetGroup && groupVerdicts.some((v) => v.data?.eligible === false) && (
            <EligibilityStep people={people} verdicts={groupVerdicts} />
          )}
        </div>
        {stepKey === 'review' && (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t('nominations:flow.reviewHelp')}</Typography.Text>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('nominations:flow.steps.people')}>
                {people.map((p) => `${p.fullName} (${p.code})`).join(', ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('nominations:flow.steps.intake')}>
                {program?.name} ({intake?.code})
              </Descriptions.Item>
              <Descriptions.Item label={t('nominations:flow.estimated')}>
                <Money value={intake?.costTotal} />
              </Descriptions.Item>
              <Descriptions.Item label={t('nominations:flow.learnerShare')}>
                <Money value={parseVnd(values.learnerShare ?? '') ?? '0'} />
              </Descriptions.Item>
              {(values.costLines ?? []).map((line, index) => (
                <Descriptions.Item
                  key={`${line?.fundId}-${index}`}
                  label={
                    funds.data?.find((f) => f.id === line?.fundId)?.name ??
                    t('nominations:flow.fund')
                  }
                >
                  <Money value={parseVnd(line?.amount ?? '')} />
                </Descriptions.Item>
              ))}
              <Descriptions.Item label={t('nominations:flow.targetGroup')}>
                {values.targetGroup ? t(`nominations:flow.groups.${values.targetGroup}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('nominations:flow.justification')}>
                <span className="tn-prewrap">{values.justification}</span>
              </Descriptions.Item>
            </Descriptions>
            {failure !== null && <ErrorAlert error={failure} />}
          </Flex>
        )}
        <Flex wrap gap={8} justify="space-between" className="tn-steps-nav">
          <Button disabled={current === 0} onClick={() => setCurrent(current - 1)}>
            {t('common.previous')}
          </Button>
          {stepKey === 'review' ? (
            <Space wrap>
              {editing ? (
                <>
                  <Button
                    loading={edit.isPending}
                    disabled={busy || !canEdit || conflict === 'pending'}
                    onClick={() => edit.mutate(false)}
                  >
                    {t('nominations:flow.save')}
                  </Button>
                  <Button
                    type="primary"
                    loading={edit.isPending}
                    disabled={busy || !canEdit || conflict === 'pending'}
                    onClick={() => edit.mutate(true)}
                  >
                    {base?.status === 'returned'
                      ? t('nominations:flow.saveAndResubmit')
                      : t('nominations:flow.saveAndSubmit')}
                  </Button>
                </>
              ) : (
                <>
                  <Button
                    loading={create.isPending}
                    disabled={busy}
                    onClick={() => create.mutate(false)}
                  >
                    {t('nominations:flow.saveDraft')}
                  </Button>
                  <Button
                    type="primary"
                    loading={create.isPending}
                    disabled={busy}
                    onClick={() => create.mutate(true)}
                  >
                    {t('nominations:flow.submit')}
                  </Button>
                </>
              )}
            </Space>
          ) : (
            <Button
              type="primary"
              onClick={() => void next()}
              disabled={
                (stepKey === 'people' && !people.length) ||
                (stepKey === 'eligibility' && (eligibilityLoading || anyIneligible))
              }
            >
              {t('common.next')}
            </Button>
          )}
        </Flex>
      </div>
    </Form>
  );
}

/** A field's value as a person reads it, for "what changed on the server". */
function describe(
  key: keyof Values,
  values: Values,
  intakeName: (id: string) => string,
  t: TFunction,
): string {
  switch (key) {
    case 'intakeId':
      return values.intakeId ? intakeName(values.intakeId) : '—';
    case 'targetGroup':
      return values.targetGroup ? t(`nominations:flow.groups.${values.targetGroup}`) : '—';
    case 'justification':
      return values.justification ?? '';
    case 'learnerShare':
      return formatVnd(parseVnd(values.learnerShare ?? '') ?? '0');
    case 'costLines':
      return (values.costLines ?? [])
        .map((line) => formatVnd(parseVnd(line.amount ?? '') ?? '0'))
        .join(' + ');
    default:
      return '';
  }
}
