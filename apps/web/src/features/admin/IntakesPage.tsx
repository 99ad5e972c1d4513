import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Table,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Day, Money } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { formatVnd, parseVnd } from '../../format/money';
import {
  ActiveTag,
  AuthoritySelect,
  DayInput,
  dayRule,
  FormDrawer,
  ProgramName,
  ProgramSelect,
  TierSelect,
  UnitSelect,
} from './shared';
import './i18n';

type Intake = components['schemas']['IntakeDto'];
type Source = Intake['allowedSources'][number];
const SOURCES: Source[] = ['state_budget', 'sponsor', 'scholarship', 'other'];
const COSTS = ['tuition', 'allowances', 'travel', 'other'] as const;

interface QuotaRow {
  target?: 'tier' | 'owner';
  tierId?: string | null;
  ownerUnitId?: string | null;
  seats?: number;
}
interface IntakeForm {
  code: string;
  programId: string;
  authorityId: string | null;
  startsOn: string;
  endsOn: string;
  location: string;
  seatsTotal: number;
  nominationOpensOn: string;
  nominationClosesOn: string;
  costs: Record<(typeof COSTS)[number], string>;
  allowedSources: Source[];
  learnerSharePercent: number;
  active: boolean;
  quotas: QuotaRow[];
}

/** Intakes of programmes: dates, nomination window, seats, quotas and costs per learner. */
export default function IntakesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const programId = params.get('programId') ?? undefined;
  const query = useQuery({
    queryKey: ['intakes', { page, pageSize, programId }],
    queryFn: () =>
      call(api.GET('/api/v1/intakes', { params: { query: { page, pageSize, programId } } })),
  });
  const [form] = Form.useForm<IntakeForm>();
  const [editing, setEditing] = useState<Intake | 'new' | null>(null);
  const moneyRule = {
    validator: (_: unknown, value: unknown) => {
      const parsed = parseVnd(String(value ?? '0') || '0');
      return parsed !== null && !parsed.startsWith('-') && parsed.length <= 15
        ? Promise.resolve()
        : Promise.reject(new Error(t('shared.moneyInvalid')));
    },
  };

  const save = async (values: IntakeForm) => {
    const costs = Object.fromEntries(
      COSTS.map((key) => [key, parseVnd(values.costs?.[key] || '0') ?? '0']),
    ) as Record<(typeof COSTS)[number], string>;
    const body = {
      code: values.code,
      programId: values.programId,
      authorityId: values.authorityId ?? null,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      location: values.location,
      seatsTotal: values.seatsTotal,
      nominationOpensOn: values.nominationOpensOn,
      nominationClosesOn: values.nominationClosesOn,
      costs,
      allowedSources: values.allowedSources,
      learnerSharePercent: values.learnerSharePercent ?? 0,
      active: values.active,
      quotas: (values.quotas ?? []).map((q) => ({
        tierId: (q.target ?? 'tier') === 'tier' ? (q.tierId ?? undefined) : undefined,
        ownerUnitId: q.target === 'owner' ? (q.ownerUnitId ?? undefined) : undefined,
        seats: q.seats ?? 0,
      })),
    };
    if (editing === 'new') {
      await call(api.POST('/api/v1/intakes', { body }));
      void message.success(t('intakes.created'));
    } else if (editing) {
      await call(api.PATCH('/api/v1/intakes/{id}', { params: { path: { id: editing.id } }, body }));
      void message.success(t('common:common.saved'));
    }
    await queryClient.invalidateQueries({ queryKey: ['intakes'] });
    void queryClient.invalidateQueries({ queryKey: ['intake'] });
  };

  const initial: Partial<IntakeForm> =
    editing && editing !== 'new'
      ? {
          ...editing,
          costs: Object.fromEntries(
            COSTS.map((key) => [key, formatVnd(editing.costs[key], { unit: false })]),
          ) as IntakeForm['costs'],
          quotas: editing.quotas.map((q) => ({
            target: q.ownerUnitId ? 'owner' : 'tier',
            tierId: q.tierId,
            ownerUnitId: q.ownerUnitId,
            seats: q.seats,
          })),
        }
      : {
          active: true,
          allowedSources: ['state_budget'],
          learnerSharePercent: 0,
          seatsTotal: 30,
          costs: { tuition: '0', allowances: '0', travel: '0', other: '0' },
          quotas: [],
        };

  return (
    <>
      <PageHeader
        title={t('screens.intakes.title')}
        subtitle={t('screens.intakes.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('intakes.new')}
          </Button>
        }
      />
      <Space wrap className="tn-admin-filters">
        <div style={{ minWidth: 280, maxWidth: '100%' }}>
          <ProgramSelect
            ariaLabel={t('intakes.program')}
            placeholder={t('intakes.filterProgram')}
            value={programId}
            onChange={(value) => setFilters({ programId: value })}
          />
        </div>
      </Space>
      <QueryState query={query}>
        {(data) => (
          <Table<Intake>
            rowKey="id"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={{ x: 1280 }}
            columns={[
              { title: t('shared.code'), dataIndex: 'code', width: 160 },
              {
                title: t('intakes.program'),
                dataIndex: 'programId',
                width: 280,
                render: (id: string) => <ProgramName id={id} />,
              },
              {
                title: t('intakes.dates'),
                key: 'dates',
                width: 210,
                render: (_, i) => (
                  <>
                    <Day value={i.startsOn} /> – <Day value={i.endsOn} />
                  </>
                ),
              },
              {
                title: t('intakes.window'),
                key: 'window',
                width: 210,
                render: (_, i) => (
                  <>
                    <Day value={i.nominationOpensOn} /> – <Day value={i.nominationClosesOn} />
                  </>
                ),
              },
              {
                title: t('intakes.seats'),
                key: 'seats',
                width: 110,
                render: (_, i) => `${i.seatsTaken}/${i.seatsTotal}`,
              },
              {
                title: t('intakes.costTotal'),
                dataIndex: 'costTotal',
                width: 150,
                align: 'right',
                render: (v: string) => <Money value={v} />,
              },
              {
                title: t('shared.status'),
                dataIndex: 'active',
                width: 130,
                render: (active: boolean) => <ActiveTag active={active} />,
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 90,
                render: (_, i) => (
                  <Button size="small" onClick={() => setEditing(i)}>
                    {t('common:common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<IntakeForm>
        open={editing !== null}
        title={editing === 'new' ? t('intakes.new') : t('intakes.editTitle')}
        form={form}
        initialValues={initial}
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item
          name="code"
          label={t('shared.code')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="programId"
          label={t('intakes.program')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <ProgramSelect />
        </Form.Item>
        <Form.Item
          name="authorityId"
          label={t('intakes.authority')}
          extra={t('intakes.authorityHelp')}
        >
          <AuthoritySelect />
        </Form.Item>
        <Row gutter={12}>
          {(['startsOn', 'endsOn', 'nominationOpensOn', 'nominationClosesOn'] as const).map(
            (name) => (
              <Col xs={24} sm={12} key={name}>
                <Form.Item
                  name={name}
                  label={t(`intakes.${name}`)}
                  rules={[
                    { required: true, message: t('shared.required') },
                    dayRule(t('shared.dayInvalid')),
                  ]}
                >
                  <DayInput />
                </Form.Item>
              </Col>
            ),
          )}
        </Row>
        <Form.Item
          name="location"
          label={t('intakes.location')}
          rules={[{ required: true, whitespace: true, message: t('shared.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="seatsTotal"
              label={t('intakes.seatsTotal')}
              rules={[{ required: true, message: t('shared.required') }]}
            >
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="learnerSharePercent" label={t('intakes.learnerShare')}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          {COSTS.map((key) => (
            <Col xs={24} sm={12} key={key}>
              <Form.Item
                name={['costs', key]}
                label={t(`intakes.costs.${key}`)}
                rules={[moneyRule]}
              >
                <Input inputMode="numeric" suffix="₫" />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item
          name="allowedSources"
          label={t('intakes.sources')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <Select
            mode="multiple"
            options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))}
          />
        </Form.Item>
        <Form.List name="quotas">
          {(fields, { add, remove }) => (
            <fieldset className="tn-gap">
              <legend className="tn-admin-legend">{t('intakes.quotas')}</legend>
              {fields.map((field) => (
                <div key={field.key} className="tn-admin-role-row">
                  <Form.Item
                    name={[field.name, 'target']}
                    label={t('intakes.quotaFor')}
                    initialValue="tier"
                  >
                    <Radio.Group
                      options={[
                        { value: 'tier', label: t('intakes.quotaTier') },
                        { value: 'owner', label: t('intakes.quotaOwner') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['quotas', field.name, 'target']]}>
                    {({ getFieldValue }) =>
                      getFieldValue(['quotas', field.name, 'target']) === 'owner' ? (
                        <Form.Item
                          name={[field.name, 'ownerUnitId']}
                          label={t('intakes.quotaOwner')}
                          rules={[{ required: true, message: t('shared.required') }]}
                        >
                          <UnitSelect />
                        </Form.Item>
                      ) : (
                        <Form.Item
                          name={[field.name, 'tierId']}
                          label={t('intakes.quotaTier')}
                          rules={[{ required: true, message: t('shared.required') }]}
                        >
                          <TierSelect />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'seats']}
                    label={t('intakes.seats')}
                    rules={[{ required: true, message: t('shared.required') }]}
                  >
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('intakes.removeQuota')}
                  />
                </div>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ target: 'tier' })}
                block
              >
                {t('intakes.addQuota')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Form.Item name="active" label={t('shared.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
