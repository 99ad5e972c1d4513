import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ActiveTag, FormDrawer, usePositions } from './shared';
import './i18n';

type Position = components['schemas']['PositionDto'];
type PositionForm = components['schemas']['CreatePositionDto'];

/** The scales of a position's standard and their highest level. */
export const SCALES = {
  education: 5,
  politicalTheory: 3,
  fostering: 3,
  language: 6,
} as const;
type Scale = keyof typeof SCALES;

export function useLevelName() {
  const { t } = useTranslation('admin');
  return (scale: Scale, level: number | null | undefined) =>
    level == null ? '—' : t(`levels.${scale}.${level}`, { defaultValue: String(level) });
}

function LevelSelect({
  scale,
  value,
  onChange,
  id,
}: {
  scale: Scale;
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}) {
  const { t } = useTranslation('admin');
  const levelName = useLevelName();
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear
      placeholder={t('positions.noRequirement')}
      options={Array.from({ length: SCALES[scale] }, (_, i) => ({
        value: i + 1,
        label: levelName(scale, i + 1),
      }))}
    />
  );
}

/** Positions and their standards (the least education, political theory… they need). */
export default function PositionsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const positions = usePositions();
  const levelName = useLevelName();
  const [form] = Form.useForm<PositionForm>();
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const save = async (values: PositionForm) => {
    const body = {
      ...values,
      minEducation: values.minEducation ?? null,
      minPoliticalTheory: values.minPoliticalTheory ?? null,
      minFosteringRank: values.minFosteringRank ?? null,
      minLanguageLevel: values.minLanguageLevel ?? null,
    };
    if (editing === 'new') {
      await call(api.POST('/api/v1/positions', { body }));
      void message.success(t('positions.created'));
    } else if (editing) {
      await call(
        api.PATCH('/api/v1/positions/{id}', { params: { path: { id: editing.id } }, body }),
      );
      void message.success(t('common:common.saved'));
    }
    await queryClient.invalidateQueries({ queryKey: ['positions'] });
  };
  return (
    <>
      <PageHeader
        title={t('screens.positions.title')}
        subtitle={t('screens.positions.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('positions.new')}
          </Button>
        }
      />
      <QueryState query={positions}>
        {(data) => (
          <Table<Position>
            rowKey="id"
            dataSource={data}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('shared.code'), dataIndex: 'code', width: 200 },
              {
                title: t('shared.name'),
                dataIndex: 'name',
                render: (name: string, p) => (
                  <>
                    {name}{' '}
                    {p.isLeadership && (
                      <Tag className="tn-tag-warn">{t('positions.leadership')}</Tag>
                    )}
                  </>
                ),
              },
              {
                title: t('positions.minEducation'),
                dataIndex: 'minEducation',
                render: (v: number | null) => levelName('education', v),
              },
              {
                title: t('positions.minPoliticalTheory'),
                dataIndex: 'minPoliticalTheory',
                render: (v: number | null) => levelName('politicalTheory', v),
              },
              {
                title: t('positions.minFosteringRank'),
                dataIndex: 'minFosteringRank',
                render: (v: number | null) => levelName('fostering', v),
              },
              {
                title: t('positions.minLanguageLevel'),
                dataIndex: 'minLanguageLevel',
                render: (v: number | null) => levelName('language', v),
              },
              {
                title: t('shared.status'),
                dataIndex: 'active',
                width: 130,
                render: (active?: boolean) => <ActiveTag active={active ?? true} />,
              },
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: 90,
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
      <FormDrawer<PositionForm>
        open={editing !== null}
        title={editing === 'new' ? t('positions.new') : t('positions.editTitle')}
        form={form}
        initialValues={
          editing && editing !== 'new' ? editing : { active: true, isLeadership: false }
        }
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
          name="name"
          label={t('shared.name')}
          rules={[{ required: true, whitespace: true, message: t('shared.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="isLeadership" label={t('positions.leadership')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="minEducation" label={t('positions.minEducation')}>
          <LevelSelect scale="education" />
        </Form.Item>
        <Form.Item name="minPoliticalTheory" label={t('positions.minPoliticalTheory')}>
          <LevelSelect scale="politicalTheory" />
        </Form.Item>
        <Form.Item name="minFosteringRank" label={t('positions.minFosteringRank')}>
          <LevelSelect scale="fostering" />
        </Form.Item>
        <Form.Item name="minLanguageLevel" label={t('positions.minLanguageLevel')}>
          <LevelSelect scale="language" />
        </Form.Item>
        <Form.Item name="active" label={t('shared.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
