import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { messageOf } from '../../i18n/errors';
import { FormDrawer, IntakeCode, jsonRule, parseJson, ProgramName, ProgramSelect } from './shared';
import './i18n';

type Rule = components['schemas']['RuleDto'];
type Kind = Rule['kind'];
const KINDS: Kind[] = [
  'nomination_window_open',
  'allowed_tiers',
  'allowed_positions',
  'allowed_target_groups',
  'max_age',
  'min_service_years',
  'prerequisite',
  'min_language_overseas',
  'not_already_qualified',
  'no_overlapping_full_time',
];
/** An example of each kind's parameters (docs/catalog.md). */
const EXAMPLES: Record<Kind, string> = {
  nomination_window_open: '{}',
  allowed_tiers: '{"tiers": ["district", "commune"]}',
  allowed_positions: '{"positions": ["SPECIALIST"]}',
  allowed_target_groups: '{"groups": [1, 2]}',
  max_age: '{"years": 40, "firstPostgraduateOnly": true}',
  min_service_years: '{"years": 2}',
  prerequisite: '{"kind": "education", "level": 3}',
  min_language_overseas: '{"level": 3}',
  not_already_qualified: '{}',
  no_overlapping_full_time: '{}',
};

type Level = 'default' | 'program' | 'intake';
interface RuleForm {
  level: Level;
  programId?: string | null;
  intakeId?: string | null;
  kind: Kind;
  params: string;
  enabled: boolean;
}

function IntakeOfProgram({
  programId,
  value,
  onChange,
  id,
}: {
  programId: string | null | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const { t } = useTranslation('admin');
  const intakes = useQuery({
    queryKey: ['intakes-of', programId],
    enabled: !!programId,
    queryFn: () =>
      call(
        api.GET('/api/v1/intakes', {
          params: { query: { programId: programId as string, pageSize: 200 } },
        }),
      ),
  });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      disabled={!programId}
      loading={intakes.isFetching}
      placeholder={programId ? t('shared.choose') : t('eligibility.programFirst')}
      options={(intakes.data?.items ?? []).map((i) => ({ value: i.id, label: i.code }))}
    />
  );
}

/** Who may be nominated: default rules, and programme or intake rules that replace them. */
export default function EligibilityPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [programId, setProgramId] = useState<string | null>(null);
  const rules = useQuery({
    queryKey: ['eligibility-rules', programId],
    queryFn: () =>
      call(
        api.GET('/api/v1/eligibility-rules', {
          params: { query: programId ? { programId } : { defaultsOnly: true } },
        }),
      ),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['eligibility-rules'] });
  const [form] = Form.useForm<RuleForm>();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: (rule: Rule) =>
      call(
        api.PATCH('/api/v1/eligibility-rules/{id}', {
          params: { path: { id: rule.id } },
          body: { enabled: !rule.enabled },
        }),
      ),
    onSuccess: () => void refresh(),
    onError: (error) => void message.error(messageOf(error)),
  });
  const remove = useMutation({
    mutationFn: (rule: Rule) =>
      call(api.DELETE('/api/v1/eligibility-rules/{id}', { params: { path: { id: rule.id } } })),
    onSuccess: () => {
      void message.success(t('eligibility.deleted'));
      void refresh();
    },
    onError: (error) => void message.error(messageOf(error)),
  });

  const save = async (values: RuleForm) => {
    const params = parseJson(values.params);
    if (editing === 'new') {
      await call(
        api.POST('/api/v1/eligibility-rules', {
          body: {
            kind: values.kind,
            programId: values.level !== 'default' ? (values.programId ?? undefined) : undefined,
            intakeId: values.level === 'intake' ? (values.intakeId ?? undefined) : undefined,
            params,
            enabled: values.enabled,
          },
        }),
      );
      void message.success(t('eligibility.created'));
    } else if (editing) {
      await call(
        api.PATCH('/api/v1/eligibility-rules/{id}', {
          params: { path: { id: editing.id } },
          body: { params, enabled: values.enabled },
        }),
      );
      void message.success(t('common:common.saved'));
    }
    await refresh();
  };

  const initial: Partial<RuleForm> =
    editing && editing !== 'new'
      ? {
          level: editing.level as Level,
          kind: editing.kind,
          params: JSON.stringify(editing.params, null, 2),
          enabled: editing.enabled,
        }
      : {
          level: programId ? 'program' : 'default',
          programId,
          enabled: true,
          params: '{}',
          kind: 'min_service_years',
        };

  return (
    <>
      <PageHeader
        title={t('screens.eligibility.title')}
        subtitle={t('screens.eligibility.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('eligibility.new')}
          </Button>
        }
      />
      <Space wrap className="tn-admin-filters">
        <div style={{ minWidth: 300, maxWidth: '100%' }}>
          <ProgramSelect
            ariaLabel={t('eligibility.forProgram')}
            placeholder={t('eligibility.defaultsShown')}
            value={programId}
            onChange={setProgramId}
          />
        </div>
      </Space>
      <QueryState query={rules}>
        {(data) => (
          <Table<Rule>
            rowKey="id"
            dataSource={data}
            pagination={false}
            scroll={{ x: 1000 }}
            columns={[
              {
                title: t('eligibility.kind'),
                dataIndex: 'kind',
                render: (kind: string) => t(`ruleKinds.${kind}`, { defaultValue: kind }),
              },
              {
                title: t('eligibility.level'),
                key: 'level',
                render: (_, r) => (
                  <Space orientation="vertical" size={0}>
                    <Tag>{t(`eligibility.levels.${r.level}`)}</Tag>
                    {r.programId && <ProgramName id={r.programId} />}
                    {r.intakeId && <IntakeCode id={r.intakeId} />}
                  </Space>
                ),
              },
              {
                title: t('eligibility.params'),
                dataIndex: 'params',
                render: (params: Record<string, unknown>) => (
                  <pre className="tn-admin-json">{JSON.stringify(params)}</pre>
                ),
              },
              {
                title: t('eligibility.enabled'),
                dataIndex: 'enabled',
                width: 110,
                render: (enabled: boolean, r) => (
                  <Switch
                    checked={enabled}
                    aria-label={t('eligibility.enabled')}
                    onChange={() => toggle.mutate(r)}
                  />
                ),
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 170,
                render: (_, r) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setEditing(r)}>
                      {t('common:common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('eligibility.confirmDelete')}
                      okText={t('common:common.delete')}
                      cancelText={t('common:common.cancel')}
                      onConfirm={() => remove.mutate(r)}
                    >
                      <Button size="small" danger>
                        {t('common:common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<RuleForm>
        open={editing !== null}
        title={editing === 'new' ? t('eligibility.new') : t('eligibility.editTitle')}
        form={form}
        initialValues={initial}
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        <Form.Item name="level" label={t('eligibility.level')}>
          <Radio.Group
            disabled={editing !== 'new'}
            options={(['default', 'program', 'intake'] as Level[]).map((l) => ({
              value: l,
              label: t(`eligibility.levels.${l}`),
            }))}
          />
        </Form.Item>
        {editing === 'new' && (
          <Form.Item noStyle dependencies={['level', 'programId']}>
            {({ getFieldValue }) => {
              const level = getFieldValue('level') as Level;
              return (
                <>
                  {level !== 'default' && (
                    <Form.Item
                      name="programId"
                      label={t('eligibility.program')}
                      rules={[{ required: true, message: t('shared.required') }]}
                    >
                      <ProgramSelect />
                    </Form.Item>
                  )}
                  {level === 'intake' && (
                    <Form.Item
                      name="intakeId"
                      label={t('eligibility.intake')}
                      rules={[{ required: true, message: t('shared.required') }]}
                    >
                      <IntakeOfProgram programId={getFieldValue('programId') as string | null} />
                    </Form.Item>
                  )}
                </>
              );
            }}
          </Form.Item>
        )}
        <Form.Item
          name="kind"
          label={t('eligibility.kind')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <Select
            disabled={editing !== 'new'}
            options={KINDS.map((k) => ({ value: k, label: t(`ruleKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['kind']}>
          {({ getFieldValue }) => (
            <Form.Item
              name="params"
              label={t('eligibility.params')}
              extra={t('eligibility.paramsHelp', {
                example: EXAMPLES[getFieldValue('kind') as Kind] ?? '{}',
              })}
              rules={[jsonRule(t('shared.jsonInvalid'))]}
            >
              <Input.TextArea rows={5} spellCheck={false} className="tn-admin-json-input" />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="enabled" label={t('eligibility.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
