import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Timeline,
  Tree,
  Typography,
} from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { Instant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ActiveTag, FormDrawer, TierSelect, UnitName, UnitSelect, useTiers } from './shared';
import './i18n';

type Unit = components['schemas']['UnitDto'];
export const UNIT_KINDS = [
  'party_committee',
  'peoples_committee',
  'peoples_council',
  'department',
  'public_service_unit',
  'mass_organization',
  'other',
] as const;

interface UnitForm {
  code: string;
  name: string;
  tierId: string;
  kind: Unit['kind'];
  parentId: string | null;
  active: boolean;
}

const childrenOf = async (parentId: string) =>
  (await call(api.GET('/api/v1/units', { params: { query: { parentId, pageSize: 500 } } }))).items;

/** The organization as a tree of units (children loaded when a unit is opened). */
export default function UnitsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tiers = useTiers();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('unit');
  const [children, setChildren] = useState<Record<string, Unit[]>>({});
  const [expanded, setExpanded] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [form] = Form.useForm<UnitForm>();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const topTier = tiers.data?.[0];
  const roots = useQuery({
    queryKey: ['units-roots', topTier?.id],
    enabled: !!tiers.data,
    queryFn: async () => {
      const query = topTier ? { tierId: topTier.id, pageSize: 500 } : { pageSize: 500 };
      const page = await call(api.GET('/api/v1/units', { params: { query } }));
      return page.items.filter((u) => u.parentId === null);
    },
  });
  // The top of the tree opens by itself, so the first level of units is in view.
  useEffect(() => {
    let live = true;
    for (const root of roots.data ?? []) {
      void childrenOf(root.id).then((items) => {
        if (!live) return;
        setChildren((current) => (current[root.id] ? current : { ...current, [root.id]: items }));
        setExpanded((current) => (current.includes(root.id) ? current : [...current, root.id]));
      });
    }
    return () => {
      live = false;
    };
  }, [roots.data]);
  const found = useQuery({
    queryKey: ['units-search', q],
    enabled: q.length > 0,
    queryFn: () => call(api.GET('/api/v1/units', { params: { query: { q, pageSize: 50 } } })),
  });
  const selected = useQuery({
    queryKey: ['unit', selectedId],
    enabled: !!selectedId,
    queryFn: () =>
      call(api.GET('/api/v1/units/{id}', { params: { path: { id: selectedId as string } } })),
  });
  const history = useQuery({
    queryKey: ['unit-history', selectedId],
    enabled: !!selectedId,
    queryFn: () =>
      call(
        api.GET('/api/v1/units/{id}/history', { params: { path: { id: selectedId as string } } }),
      ),
  });

  const tierName = (id: string) => tiers.data?.find((tier) => tier.id === id)?.name ?? '';
  const treeData = useMemo(() => {
    const build = (unit: Unit): DataNode => {
      const loaded = children[unit.id];
      return {
        key: unit.id,
        title: (
          <span>
            {unit.name}{' '}
            <Tag className="tn-admin-tier-tag" bordered={false}>
              {tierName(unit.tierId)}
            </Tag>
            {!unit.active && <Tag>{t('shared.inactive')}</Tag>}
          </span>
        ),
        isLeaf: loaded ? loaded.length === 0 : undefined,
        children: loaded?.map(build),
      };
    };
    return (roots.data ?? []).map(build);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roots.data, children, tiers.data, t]);

  const select = (id: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('unit', id);
      return next;
    });

  const reloadTree = async () => {
    await queryClient.invalidateQueries({ queryKey: ['units-roots'] });
    const reloaded: Record<string, Unit[]> = {};
    for (const parentId of Object.keys(children)) reloaded[parentId] = await childrenOf(parentId);
    setChildren(reloaded);
  };

  const save = async (values: UnitForm) => {
    let unit: Unit;
    if (editing === 'new') {
      unit = await call(api.POST('/api/v1/units', { body: { ...values } }));
      void message.success(t('units.created'));
    } else if (editing) {
      unit = await call(
        api.PATCH('/api/v1/units/{id}', { params: { path: { id: editing.id } }, body: values }),
      );
      void message.success(t('common:common.saved'));
    } else return;
    queryClient.setQueryData(['unit', unit.id], unit);
    void queryClient.invalidateQueries({ queryKey: ['unit-history', unit.id] });
    void queryClient.invalidateQueries({ queryKey: ['units-search'] });
    void queryClient.invalidateQueries({ queryKey: ['admin-select', 'unit'] });
    await reloadTree();
    select(unit.id);
  };

  const initial: Partial<UnitForm> =
    editing && editing !== 'new'
      ? {
          code: editing.code,
          name: editing.name,
          tierId: editing.tierId,
          kind: editing.kind,
          parentId: editing.parentId ?? null,
          active: editing.active ?? true,
        }
      : {
          active: true,
          parentId: selected.data?.id ?? null,
          kind: 'department',
          tierId: selected.data?.tierId,
        };

  return (
    <>
      <PageHeader
        title={t('screens.units.title')}
        subtitle={t('screens.units.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('units.new')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Input.Search
            aria-label={t('units.search')}
            placeholder={t('units.search')}
            allowClear
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (!e.target.value) setQ('');
            }}
            onSearch={(value) => setQ(value.trim())}
            className="tn-gap"
          />
          {q ? (
            <QueryState query={found}>
              {(data) => (
                <List
                  className="tn-card-list"
                  size="small"
                  dataSource={data.items}
                  locale={{ emptyText: t('shared.noMatch') }}
                  renderItem={(unit) => (
                    <List.Item>
                      <Button type="link" onClick={() => select(unit.id)}>
                        {unit.name}
                      </Button>
                      <Tag bordered={false}>{tierName(unit.tierId)}</Tag>
                    </List.Item>
                  )}
                />
              )}
            </QueryState>
          ) : (
            <QueryState query={roots}>
              {() => (
                <div className="tn-admin-tree">
                  <Tree
                    aria-label={t('units.tree')}
                    treeData={treeData}
                    expandedKeys={expanded}
                    onExpand={(keys) => setExpanded(keys as string[])}
                    selectedKeys={selectedId ? [selectedId] : []}
                    onSelect={(keys) => keys[0] && select(String(keys[0]))}
                    loadData={async (node) => {
                      const id = String(node.key);
                      if (children[id]) return;
                      const items = await childrenOf(id);
                      setChildren((current) => ({ ...current, [id]: items }));
                    }}
                    showLine
                    blockNode
                  />
                </div>
              )}
            </QueryState>
          )}
        </Col>
        <Col xs={24} lg={13}>
          {!selectedId ? (
            <Card>
              <Empty description={t('units.pick')} />
            </Card>
          ) : (
            <QueryState query={selected}>
              {(unit) => (
                <Card
                  title={unit.name}
                  extra={
                    <Space wrap>
                      <Button onClick={() => setEditing(unit)}>{t('common:common.edit')}</Button>
                    </Space>
                  }
                >
                  <Descriptions column={1} size="small" bordered>
                    <Descriptions.Item label={t('shared.code')}>{unit.code}</Descriptions.Item>
                    <Descriptions.Item label={t('units.tier')}>
                      {tierName(unit.tierId)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('units.kind')}>
                      {t(`unitKinds.${unit.kind}`, { defaultValue: unit.kind })}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('units.parent')}>
                      <UnitName id={unit.parentId} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('shared.status')}>
                      <ActiveTag active={unit.active ?? true} />
                    </Descriptions.Item>
                  </Descriptions>
                  <Typography.Title level={2} className="tn-admin-group" style={{ marginTop: 16 }}>
                    {t('units.history')}
                  </Typography.Title>
                  <QueryState query={history}>
                    {(placements) => (
                      <Timeline
                        items={placements.map((p, index) => ({
                          key: index,
                          color: p.validTo ? 'gray' : 'green',
                          content: (
                            <div>
                              <div>
                                {t('units.placedUnder')}{' '}
                                {p.parentId ? <UnitName id={p.parentId} /> : t('units.root')} ·{' '}
                                {tierName(p.tierId)}
                              </div>
                              <Typography.Text type="secondary">
                                <Instant value={p.validFrom} /> →{' '}
                                {p.validTo ? <Instant value={p.validTo} /> : t('units.now')}
                              </Typography.Text>
                            </div>
                          ),
                        }))}
                      />
                    )}
                  </QueryState>
                </Card>
              )}
            </QueryState>
          )}
        </Col>
      </Row>
      <FormDrawer<UnitForm>
        open={editing !== null}
        title={editing === 'new' ? t('units.new') : t('units.editTitle')}
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
          name="name"
          label={t('shared.name')}
          rules={[{ required: true, whitespace: true, message: t('shared.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="tierId"
          label={t('units.tier')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <TierSelect />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('units.kind')}
          rules={[{ required: true, message: t('shared.required') }]}
        >
          <Select
            options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')} extra={t('units.parentHelp')}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="active" label={t('shared.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
