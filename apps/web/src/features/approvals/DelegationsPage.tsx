import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { applyFieldErrors } from '../../components/forms';
import { Day } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { ErrorAlert, QueryState } from '../../components/QueryState';
import { parseDay } from '../../format/date';
import { messageOf } from '../../i18n/errors';
import { TONE } from '../../components/tones';
import type { Delegation } from './types';
import './i18n';
import './approvals.css';

type DelegableRole = 'board_reviewer' | 'board_member' | 'finance';
const DELEGABLE: DelegableRole[] = ['board_reviewer', 'board_member', 'finance'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Values {
  grant: string;
  toUserId: string;
  startsOn: string;
  endsOn: string;
}

const dayRule = (message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    !value || parseDay(value) ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** Lend one's board or finance grant for some days; see and revoke what was lent. */
export default function DelegationsPage() {
  const { t } = useTranslation(['approvals', 'common']);
  const { message } = App.useApp();
  const { profile, hasRole } = useAuth();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { page, pageSize, pagination } = usePaging(20);
  const isAdmin = hasRole('admin');

  const list = useQuery({
    queryKey: ['delegations', { page, pageSize }],
    queryFn: () => call(api.GET('/api/v1/delegations', { params: { query: { page, pageSize } } })),
  });

  // The grants the caller may lend, named by their authority or unit.
  const grants = (profile?.roles ?? []).filter((r) => DELEGABLE.includes(r.role as DelegableRole));
  const authorities = useQuery({
    queryKey: ['authorities'],
    queryFn: () => call(api.GET('/api/v1/authorities')),
    enabled: grants.some((g) => g.authorityId),
    staleTime: 10 * 60_000,
  });
  const unitIds = [...new Set(grants.map((g) => g.unitId).filter((u): u is string => !!u))];
  const units = useQueries({
    queries: unitIds.map((id) => ({
      queryKey: ['unit', id],
      queryFn: () => call(api.GET('/api/v1/units/{id}', { params: { path: { id } } })),
      staleTime: 10 * 60_000,
    })),
  });
  const scopeName = (authorityId: string | null, unitId: string | null) => {
    if (authorityId) {
      const found = (authorities.data as Array<{ id: string; name: string }> | undefined)?.find(
        (a) => a.id === authorityId,
      );
      return found?.name ?? '—';
    }
    const index = unitIds.indexOf(unitId ?? '');
    return (units[index]?.data as { name?: string } | undefined)?.name ?? '—';
  };
  const grantOptions = grants.map((g) => ({
    value: `${g.role}|${g.authorityId ?? ''}|${g.unitId ?? ''}`,
    label: `${t(`common:roles.${g.role}`)} – ${scopeName(g.authorityId, g.unitId)}`,
  }));

  // The first grant is chosen at first; a new object in `initialValues` each render would
  // reset the form over and over.
  const firstGrant = grantOptions[0]?.value;
  useEffect(() => {
    if (firstGrant && !form.getFieldValue('grant')) form.setFieldValue('grant', firstGrant);
  }, [firstGrant, form]);

  // Administrators look people up; nobody else has a user directory to search.
  const [search, setSearch] = useState('');
  const users = useQuery({
    queryKey: ['users', search],
    queryFn: () =>
      call(
        api.GET('/api/v1/users', { params: { query: { q: search || undefined, pageSize: 20 } } }),
      ),
    enabled: isAdmin,
  });
  const userOptions = useMemo(
    () =>
      (users.data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName} (${u.email})`,
      })),
    [users.data],
  );

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['delegations'] });
  const create = useMutation({
    mutationFn: (values: Values) => {
      const [role, authorityId, unitId] = values.grant.split('|');
      return call(
        api.POST('/api/v1/delegations', {
          body: {
            toUserId: values.toUserId.trim(),
            role: role as DelegableRole,
            ...(authorityId ? { authorityId } : { unitId }),
            startsOn: parseDay(values.startsOn)!,
            endsOn: parseDay(values.endsOn)!,
          },
        }),
      );
    },
    onSuccess: () => {
      void message.success(t('delegations.created'));
      form.resetFields(['toUserId', 'startsOn', 'endsOn']);
      void refresh();
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/delegations/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      void message.success(t('delegations.revokedDone'));
      void refresh();
    },
    onError: (error) => void message.error(messageOf(error)),
  });

  const nameOf = (id: string, name: string | undefined) =>
    id === profile?.id ? t('delegations.me') : (name ?? '—');

  return (
    <>
      <PageHeader title={t('delegations.title')} subtitle={t('delegations.help')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card title={<h2 className="tn-card-title">{t('delegations.create')}</h2>}>
            {grants.length === 0 && !isAdmin ? (
              <Typography.Text type="secondary">{t('delegations.noGrant')}</Typography.Text>
            ) : (
              <Form<Values>
                form={form}
                layout="vertical"
                name="delegation"
                onFinish={(values) => create.mutate(values)}
              >
                <Form.Item
                  name="grant"
                  label={t('delegations.grant')}
                  rules={[{ required: true, message: t('common:common.required') }]}
                >
                  <Radio.Group options={grantOptions} className="tn-radio-column" />
                </Form.Item>
                {isAdmin ? (
                  <Form.Item
                    name="toUserId"
                    label={t('delegations.delegate')}
                    extra={t('delegations.delegateHelp')}
                    rules={[{ required: true, message: t('common:common.required') }]}
                  >
                    <Select
                      showSearch={{ filterOption: false, onSearch: setSearch }}
                      options={userOptions}
                      loading={users.isFetching}
                    />
                  </Form.Item>
                ) : (
                  <Form.Item
                    name="toUserId"
                    label={t('delegations.delegateId')}
                    extra={t('delegations.delegateIdHelp')}
                    rules={[
                      { required: true, message: t('common:common.required') },
                      {
                        validator: (_, value: string | undefined) =>
                          !value || UUID.test(value.trim())
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('delegations.invalidId'))),
                      },
                    ]}
                  >
                    <Input autoComplete="off" />
                  </Form.Item>
                )}
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="startsOn"
                      label={t('delegations.from')}
                      rules={[
                        { required: true, message: t('common:common.required') },
                        dayRule(t('delegations.invalidDate')),
                      ]}
                    >
                      <Input placeholder="dd/mm/yyyy" inputMode="numeric" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="endsOn"
                      label={t('delegations.to')}
                      dependencies={['startsOn']}
                      rules={[
                        { required: true, message: t('common:common.required') },
                        dayRule(t('delegations.invalidDate')),
                        ({ getFieldValue }) => ({
                          validator: (_: unknown, value: string | undefined) => {
                            const from = parseDay(getFieldValue('startsOn') ?? '');
                            const to = parseDay(value ?? '');
                            return !from || !to || to >= from
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('delegations.rangeError')));
                          },
                        }),
                      ]}
                    >
                      <Input placeholder="dd/mm/yyyy" inputMode="numeric" />
                    </Form.Item>
                  </Col>
                </Row>
                {create.error && !applyFieldErrorsShown(create.error) && (
                  <div className="tn-gap">
                    <ErrorAlert error={create.error} />
                  </div>
                )}
                <Button type="primary" htmlType="submit" loading={create.isPending}>
                  {t('delegations.create')}
                </Button>
              </Form>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <QueryState query={list}>
            {(data) => (
              <Table<Delegation>
                rowKey="id"
                size="middle"
                dataSource={data.items}
                scroll={{ x: 760 }}
                locale={{ emptyText: t('delegations.empty') }}
                pagination={pagination(data.total)}
                columns={[
                  {
                    title: t('delegations.delegator'),
                    key: 'from',
                    render: (_: unknown, d) => nameOf(d.fromUserId, d.fromUserName),
                  },
                  {
                    title: t('delegations.delegateColumn'),
                    key: 'to',
                    render: (_: unknown, d) => nameOf(d.toUserId, d.toUserName),
                  },
                  {
                    title: t('delegations.role'),
                    key: 'role',
                    render: (_: unknown, d) => (
                      <>
                        <div>{t(`common:roles.${d.role}`)}</div>
                        <Typography.Text type="secondary">
                          {d.authorityName ?? d.unitName ?? scopeName(d.authorityId, d.unitId)}
                        </Typography.Text>
                      </>
                    ),
                  },
                  {
                    title: t('delegations.period'),
                    key: 'period',
                    render: (_: unknown, d) => (
                      <span>
                        <Day value={d.startsOn} /> – <Day value={d.endsOn} />
                      </span>
                    ),
                  },
                  {
                    title: t('delegations.state'),
                    key: 'state',
                    render: (_: unknown, d) =>
                      d.revokedAt ? (
                        <Tag>{t('delegations.revoked')}</Tag>
                      ) : d.active ? (
                        <Tag color={TONE.good}>{t('delegations.active')}</Tag>
                      ) : (
                        <Tag>{t('delegations.inactive')}</Tag>
                      ),
                  },
                  {
                    title: t('common:common.actions'),
                    key: 'actions',
                    render: (_: unknown, d) =>
                      !d.revokedAt && (d.fromUserId === profile?.id || isAdmin) ? (
                        <Popconfirm
                          title={t('delegations.revokeConfirm')}
                          okText={t('delegations.revoke')}
                          cancelText={t('common:common.cancel')}
                          onConfirm={() => revoke.mutate(d.id)}
                        >
                          <Button size="small">{t('delegations.revoke')}</Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]}
              />
            )}
          </QueryState>
        </Col>
      </Row>
    </>
  );
}

/** Whether an error's field problems are shown on the form's fields already. */
function applyFieldErrorsShown(error: unknown): boolean {
  return !!(
    error &&
    typeof error === 'object' &&
    'fields' in error &&
    Array.isArray((error as { fields: unknown[] }).fields) &&
    (error as { fields: unknown[] }).fields.length > 0
  );
}
