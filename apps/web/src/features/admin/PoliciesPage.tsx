import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { messageOf } from '../../i18n/errors';
import { AuthoritySelect, FormDrawer, TierSelect } from './shared';
import './i18n';

type Policy = components['schemas']['PolicyDto'];
type Saved = components['schemas']['SavedPolicyDto'];
type Body = components['schemas']['CreatePolicyDto'];
type Step = Body['steps'][number];

const CATEGORIES: NonNullable<Body['matchCategories']> = [
  'political_theory_elementary',
  'political_theory_intermediate',
  'political_theory_advanced',
  'degree_university',
  'degree_master',
  'degree_doctor',
  'state_management',
  'leadership_skills',
  'knowledge_update',
  'foreign_language',
  'information_technology',
  'other',
];

interface PolicyForm {
  priority: number;
  name: string;
  active: boolean;
  matchAuthorityId?: string | null;
  matchTierId?: string | null;
  matchFundOwnerTierId?: string | null;
  matchCategories?: Body['matchCategories'];
  matchOverseas: 'any' | 'yes' | 'no';
  matchMinCost?: string | null;
  steps: string;
}

const STEPS_EXAMPLE = `[
  { "role": "board_reviewer", "authority": "managing" },
  { "role": "board_member", "authority": "managing" }
]`;

/** Form rule: a JSON list of steps typed in a text area. */
const stepsRule = (message: string) => ({
  validator: (_: unknown, value: unknown) => {
    try {
      const parsed = JSON.parse(String(value ?? ''));
      return Array.isArray(parsed) && parsed.length > 0
        ? Promise.resolve()
        : Promise.reject(new Error(message));
    } catch {
      return Promise.reject(new Error(message));
    }
  },
});

const orNull = <T,>(value: T | null | undefined) =>
  value === undefined || value === '' ? null : value;

/** Which approval chain a nomination gets: conditions, then ordered steps; versioned. */
export default function PoliciesPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  const policies = useQuery({
    queryKey: ['approval-policies'],
    queryFn: () => call(api.GET('/api/v1/approval-policies')),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['approval-policies'] });
  const [form] = Form.useForm<PolicyForm>();
  const [editing, setEditing] = useState<Policy | 'new' | null>(null);

  const warn = (saved: Saved) => {
    if (!saved.warnings.length) return;
    notification.warning({
      title: t('policies.warningsTitle'),
      description: saved.warnings
        .map((w) => t('policies.noHolder', { position: w.position, name: w.authorityName ?? '' }))
        .join(' '),
    });
  };
  const toggle = useMutation({
    mutationFn: (policy: Policy) =>
      call(
        api.PATCH('/api/v1/approval-policies/{id}', {
          params: { path: { id: policy.id } },
          body: { version: policy.version, active: !policy.active },
        }),
      ),
    onSuccess: (saved) => {
      warn(saved);
      void refresh();
    },
    onError: (error) => {
      void message.error(messageOf(error));
      void refresh();
    },
  });

  const save = async (values: PolicyForm) => {
    const body: Body = {
      priority: values.priority,
      name: values.name,
      active: values.active,
      matchAuthorityId: orNull(values.matchAuthorityId),
      matchTierId: orNull(values.matchTierId),
      matchFundOwnerTierId: orNull(values.matchFundOwnerTierId),
      matchCategories: values.matchCategories?.length ? values.matchCategories : null,
      matchOverseas: values.matchOverseas === 'any' ? null : values.matchOverseas === 'yes',
      matchMinCost: orNull(values.matchMinCost?.trim()),
      steps: JSON.parse(values.steps) as Step[],
    };
    const saved =
      editing === 'new'
        ? await call(api.POST('/api/v1/approval-policies', { body }))
        : await call(
            api.PATCH('/api/v1/approval-policies/{id}', {
              params: { path: { id: (editing as Policy).id } },
              body: { ...body, version: (editing as Policy).version },
            }),
          );
    void message.success(t('common:common.saved'));
    warn(saved);
    await refresh();
  };

  const initial: Partial<PolicyForm> =
    editing && editing !== 'new'
      ? {
          priority: editing.priority,
          name: editing.name,
          active: editing.active,
          matchAuthorityId: editing.matchAuthorityId,
          matchTierId: editing.matchTierId,
          matchFundOwnerTierId: editing.matchFundOwnerTierId,
          matchCategories: editing.matchCategories ?? undefined,
          matchOverseas:
            editing.matchOverseas === null ? 'any' : editing.matchOverseas ? 'yes' : 'no',
          matchMinCost: editing.matchMinCost,
          steps: JSON.stringify(
            editing.steps.map(({ authorityName: _name, ...step }) => step),
            null,
            2,
          ),
        }
      : { active: true, matchOverseas: 'any', steps: STEPS_EXAMPLE };

  const conditions = (p: Policy) =>
    [
      p.matchAuthorityName,
      p.matchTierName && t('policies.tierIs', { name: p.matchTierName }),
      p.matchFundOwnerTierName && t('policies.fundOwnerTierIs', { name: p.matchFundOwnerTierName }),
      p.matchCategories?.map((c) => t(`categories.${c}`, { defaultValue: c })).join(', '),
      p.matchOverseas !== null && t(p.matchOverseas ? 'policies.overseas' : 'policies.domestic'),
      p.matchMinCost &&
        t('policies.costFrom', { amount: Number(p.matchMinCost).toLocaleString('vi-VN') }),
    ].filter(Boolean);

  return (
    <>
      <PageHeader
        title={t('screens.policies.title')}
        subtitle={t('screens.policies.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('policies.new')}
          </Button>
        }
      />
      <QueryState query={policies}>
        {(data) => (
          <Table<Policy>
            rowKey="id"
            dataSource={data}
            pagination={false}
            scroll={{ x: 1000 }}
            columns={[
              { title: t('policies.priority'), dataIndex: 'priority', width: 90 },
              { title: t('policies.name'), dataIndex: 'name' },
              {
                title: t('policies.conditions'),
                key: 'conditions',
                render: (_, p) => {
                  const list = conditions(p);
                  return list.length ? (
                    <Space size={[4, 4]} wrap>
                      {list.map((c) => (
                        <Tag key={String(c)}>{c}</Tag>
                      ))}
                    </Space>
                  ) : (
                    t('policies.always')
                  );
                },
              },
              {
                title: t('policies.steps'),
                key: 'steps',
                render: (_, p) => (
                  <ol className="tn-admin-steps">
                    {p.steps.map((step, index) => (
                      <li key={index}>
                        {t(`policies.roles.${step.role}`)} —{' '}
                        {step.authorityName ?? t(`policies.authorities.${step.authority}`)}
                        {step.minFundAmount &&
                          ` (≥ ${Number(step.minFundAmount).toLocaleString('vi-VN')} ₫)`}
                        {step.onlyHigherTier && ` · ${t('policies.onlyHigherTier')}`}
                        {step.committee && ` · ${t('policies.committee')}`}
                      </li>
                    ))}
                  </ol>
                ),
              },
              { title: t('policies.version'), dataIndex: 'version', width: 90 },
              {
                title: t('shared.active'),
                dataIndex: 'active',
                width: 100,
                render: (active: boolean, p) => (
                  <Switch
                    checked={active}
                    aria-label={t('shared.active')}
                    onChange={() => toggle.mutate(p)}
                  />
                ),
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 110,
                render: (_, p) => (
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t('common:common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<PolicyForm>
        open={editing !== null}
        title={editing === 'new' ? t('policies.new') : t('policies.editTitle')}
        form={form}
        initialValues={initial}
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item
          name="priority"
          label={t('policies.priority')}
          extra={t('policies.priorityHelp')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('policies.name')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="matchAuthorityId" label={t('policies.matchAuthority')}>
          <AuthoritySelect />
        </Form.Item>
        <Form.Item name="matchTierId" label={t('policies.matchTier')}>
          <TierSelect allowClear />
        </Form.Item>
        <Form.Item name="matchFundOwnerTierId" label={t('policies.matchFundOwnerTier')}>
          <TierSelect allowClear />
        </Form.Item>
        <Form.Item name="matchCategories" label={t('policies.matchCategories')}>
          <Select
            mode="multiple"
            allowClear
            options={CATEGORIES.map((c) => ({
              value: c,
              label: t(`categories.${c}`, { defaultValue: c }),
            }))}
          />
        </Form.Item>
        <Form.Item name="matchOverseas" label={t('policies.matchOverseas')}>
          <Select
            options={(['any', 'yes', 'no'] as const).map((v) => ({
              value: v,
              label: t(`policies.overseasChoice.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="matchMinCost"
          label={t('policies.matchMinCost')}
          rules={[{ pattern: /^\d{1,15}$/, message: t('policies.digits') }]}
        >
          <Input inputMode="numeric" placeholder="200000000" />
        </Form.Item>
        <Form.Item
          name="steps"
          label={t('policies.steps')}
          extra={t('policies.stepsHelp')}
          rules={[stepsRule(t('policies.stepsInvalid'))]}
        >
          <Input.TextArea rows={10} spellCheck={false} className="tn-admin-json-input" />
        </Form.Item>
        <Form.Item name="active" label={t('shared.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
