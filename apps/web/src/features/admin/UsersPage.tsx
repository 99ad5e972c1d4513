import { KeyOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Grid,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { useAuth } from '../../auth/AuthProvider';
import { applyFieldErrors } from '../../components/forms';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { messageOf } from '../../i18n/errors';
import {
  ActiveTag,
  AuthorityName,
  AuthoritySelect,
  FormDrawer,
  StaffSelect,
  UnitName,
  UnitSelect,
} from './shared';
import './i18n';

type User = components['schemas']['UserDto'];
type Role = components['schemas']['RoleSpecDto']['role'];
const ROLES: Role[] = ['admin', 'unit_head', 'board_reviewer', 'board_member', 'finance', 'staff'];
const MIN_PASSWORD = 12;

type ScopeKind = 'none' | 'unit' | 'authority';
interface RoleRow {
  role?: Role;
  scope?: ScopeKind;
  unitId?: string | null;
  authorityId?: string | null;
}
interface UserForm {
  email?: string;
  displayName: string;
  password?: string;
  locale: 'vi' | 'en';
  staffId?: string | null;
  roles: RoleRow[];
}

/** What scope a role takes: none, a unit, or (board roles) a unit or an authority. */
function scopeKinds(role: Role | undefined): ScopeKind[] {
  if (role === 'unit_head' || role === 'finance') return ['unit'];
  if (role === 'board_reviewer' || role === 'board_member') return ['authority', 'unit'];
  return ['none'];
}

/** A password of 16 letters and digits from the browser's secure random source. */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function toRoleSpecs(rows: RoleRow[] = []): components['schemas']['RoleSpecDto'][] {
  return rows
    .filter((r) => r.role)
    .map((r) => {
      const kinds = scopeKinds(r.role);
      const scope = r.scope && kinds.includes(r.scope) ? r.scope : kinds[0];
      return {
        role: r.role as Role,
        unitId: scope === 'unit' ? (r.unitId ?? undefined) : undefined,
        authorityId: scope === 'authority' ? (r.authorityId ?? undefined) : undefined,
      };
    });
}

function InvitedTag() {
  const { t } = useTranslation('admin');
  return <Tag color="gold">{t('users.invitationPending')}</Tag>;
}

function RoleTags({ roles }: { roles: User['roles'] }) {
  const { t } = useTranslation(['admin', 'common']);
  if (!roles.length)
    return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {roles.map((r, index) => (
        <span key={index}>
          <Tag color="blue">{t(`common:roles.${r.role}`)}</Tag>
          {r.unitId && (r.unitName ?? <UnitName id={r.unitId} />)}
          {r.authorityId && (r.authorityName ?? <AuthorityName id={r.authorityId} />)}
        </span>
      ))}
    </Space>
  );
}

/**
 * A password typed or generated. Optional for a new user: left empty, the user is emailed an
 * invitation to choose their own, which is the usual way (nobody else ever knows it).
 */
function PasswordField({
  name,
  label,
  optional = false,
}: {
  name: string;
  label: string;
  optional?: boolean;
}) {
  const { t } = useTranslation('admin');
  const form = Form.useFormInstance();
  const value = Form.useWatch(name, form) as string | undefined;
  return (
    <Form.Item
      label={label}
      required={!optional}
      extra={optional ? (value ? t('users.passwordGiven') : t('users.inviteHelp')) : undefined}
    >
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name={name}
          noStyle
          rules={[
            ...(optional ? [] : [{ required: true, message: t('shared.required') }]),
            { min: MIN_PASSWORD, message: t('users.passwordTooShort', { count: MIN_PASSWORD }) },
          ]}
        >
          <Input aria-label={label} autoComplete="new-password" allowClear={optional} />
        </Form.Item>
        <Button icon={<KeyOutlined />} onClick={() => form.setFieldValue(name, generatePassword())}>
          {t('users.generate')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}

function RolesField() {
  const { t } = useTranslation(['admin', 'common']);
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <fieldset>
          <legend className="ant-form-item-label">{t('users.roles')}</legend>
          {fields.map((field) => (
            <div key={field.key} className="tn-admin-role-row">
              <Form.Item
                name={[field.name, 'role']}
                label={t('users.role')}
                rules={[{ required: true, message: t('shared.required') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
                />
              </Form.Item>
              <Form.Item
                noStyle
                dependencies={[
                  ['roles', field.name, 'role'],
                  ['roles', field.name, 'scope'],
                ]}
              >
                {({ getFieldValue }) => {
                  const role = getFieldValue(['roles', field.name, 'role']) as Role | undefined;
                  const kinds = scopeKinds(role);
                  const scope =
                    (getFieldValue(['roles', field.name, 'scope']) as ScopeKind | undefined) ??
                    kinds[0];
                  const effective = kinds.includes(scope) ? scope : kinds[0];
                  return (
                    <>
                      {kinds.length > 1 && (
                        <Form.Item
                          name={[field.name, 'scope']}
                          label={t('users.scopeKind')}
                          initialValue={kinds[0]}
                        >
                          <Radio.Group
                            options={kinds.map((k) => ({ value: k, label: t(`users.scope.${k}`) }))}
                          />
                        </Form.Item>
                      )}
                      {effective === 'unit' && (
                        <Form.Item
                          name={[field.name, 'unitId']}
                          label={t('users.scopeUnit')}
                          rules={[{ required: true, message: t('shared.required') }]}
                        >
                          <UnitSelect />
                        </Form.Item>
                      )}
                      {effective === 'authority' && (
                        <Form.Item
                          name={[field.name, 'authorityId']}
                          label={t('users.scopeAuthority')}
                          rules={[{ required: true, message: t('shared.required') }]}
                        >
                          <AuthoritySelect />
                        </Form.Item>
                      )}
                    </>
                  );
                }}
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<MinusCircleOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('users.removeRole')}
              />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            {t('users.addRole')}
          </Button>
        </fieldset>
      )}
    </Form.List>
  );
}

export default function UsersPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const { profile } = useAuth();
  const queryClient = useQueryClient();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const query = useQuery({
    queryKey: ['users', { page, pageSize, q }],
    queryFn: () =>
      call(api.GET('/api/v1/users', { params: { query: { page, pageSize, q: q || undefined } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const [form] = Form.useForm<UserForm>();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;

  const setActive = useMutation({
    mutationFn: (u: User) =>
      call(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: u.id } },
          body: { active: !u.active },
        }),
      ),
    onSuccess: (u) => {
      void message.success(u.active ? t('users.enabled') : t('users.disabled'));
      void refresh();
    },
    onError: (error) => void message.error(messageOf(error)),
  });

  const resend = useMutation({
    mutationFn: (u: User) =>
      call(api.POST('/api/v1/users/{id}/invitation', { params: { path: { id: u.id } } })),
    onSuccess: () => void message.success(t('users.invitationSent')),
    onError: (error) => void message.error(messageOf(error)),
  });

  const save = async (values: UserForm) => {
    const roles = toRoleSpecs(values.roles);
    if (editing === 'new') {
      // No password: the server emails an invitation to choose one.
      const password = values.password?.trim() ? values.password : undefined;
      await call(
        api.POST('/api/v1/users', {
          body: {
            email: (values.email ?? '').trim(),
            displayName: values.displayName,
            password,
            locale: values.locale,
            staffId: values.staffId ?? undefined,
            roles,
          },
        }),
      );
      void message.success(password ? t('users.created') : t('users.createdInvited'));
    } else if (editing) {
      await call(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: editing.id } },
          body: { displayName: values.displayName, locale: values.locale, roles },
        }),
      );
      void message.success(t('common:common.saved'));
    }
    void refresh();
  };

  const initial: Partial<UserForm> | undefined =
    editing && editing !== 'new'
      ? {
          displayName: editing.displayName,
          locale: editing.locale,
          roles: editing.roles.map((r) => ({
            role: r.role,
            scope: r.authorityId ? 'authority' : r.unitId ? 'unit' : 'none',
            unitId: r.unitId,
            authorityId: r.authorityId,
          })),
        }
      : { locale: 'vi', roles: [{}] };

  return (
    <>
      <PageHeader
        title={t('screens.users.title')}
        subtitle={t('screens.users.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('users.new')}
          </Button>
        }
      />
      <Space wrap className="tn-admin-filters">
        <Input.Search
          aria-label={t('users.search')}
          placeholder={t('users.search')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(value) => setFilters({ q: value.trim() || undefined })}
          style={{ maxWidth: 360 }}
        />
      </Space>
      <QueryState query={query}>
        {(data) => (
          <Table<User>
            rowKey="id"
            dataSource={data.items}
            pagination={pagination(data.total)}
            scroll={phone ? undefined : { x: 900 }}
            columns={[
              {
                title: phone ? t('users.user') : t('users.displayName'),
                dataIndex: 'displayName',
                render: (_, u) => (
                  <div className="tn-admin-user-cell">
                    <div>{u.displayName}</div>
                    <Typography.Text type="secondary">{u.email}</Typography.Text>
                    {phone && (
                      <div className="tn-admin-user-extra">
                        <RoleTags roles={u.roles} />
                        {!u.active && <ActiveTag active={false} />}
                        {u.invitationPending && <InvitedTag />}
                      </div>
                    )}
                  </div>
                ),
              },
              ...(phone
                ? []
                : [
                    {
                      title: t('users.roles'),
                      key: 'roles',
                      render: (_: unknown, u: User) => <RoleTags roles={u.roles} />,
                    },
                    {
                      title: t('shared.status'),
                      dataIndex: 'active',
                      width: 130,
                      render: (active: boolean, u: User) => (
                        <Space orientation="vertical" size={2}>
                          <ActiveTag active={active} />
                          {u.invitationPending && <InvitedTag />}
                        </Space>
                      ),
                    },
                  ]),
              {
                title: t('common:common.actions'),
                key: 'actions',
                width: phone ? 116 : 280,
                render: (_, u) => (
                  <Space wrap size={4} orientation={phone ? 'vertical' : 'horizontal'}>
                    <Button size="small" onClick={() => setEditing(u)}>
                      {t('common:common.edit')}
                    </Button>
                    <Popconfirm
                      title={u.active ? t('users.confirmDisable') : t('users.confirmEnable')}
                      okText={t('common:common.confirm')}
                      cancelText={t('common:common.cancel')}
                      onConfirm={() => setActive.mutate(u)}
                      disabled={u.id === profile?.id && u.active}
                    >
                      <Button
                        size="small"
                        danger={u.active}
                        disabled={u.id === profile?.id && u.active}
                      >
                        {u.active ? t('users.disable') : t('users.enable')}
                      </Button>
                    </Popconfirm>
                    {u.invitationPending && u.active && (
                      <Button
                        size="small"
                        loading={resend.isPending && resend.variables?.id === u.id}
                        onClick={() => resend.mutate(u)}
                      >
                        {t('users.resendInvitation')}
                      </Button>
                    )}
                    <Button size="small" onClick={() => setResetting(u)}>
                      {t('users.resetPassword')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <FormDrawer<UserForm>
        open={editing !== null}
        title={
          editing === 'new'
            ? t('users.new')
            : t('users.editTitle', { name: editing?.displayName ?? '' })
        }
        form={form}
        initialValues={initial}
        onClose={() => setEditing(null)}
        onSubmit={save}
      >
        {editing === 'new' && (
          <Form.Item
            name="email"
            label={t('users.email')}
            rules={[{ required: true, type: 'email', message: t('users.emailInvalid') }]}
          >
            <Input inputMode="email" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('shared.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {editing === 'new' && (
          <PasswordField name="password" label={t('users.passwordOptional')} optional />
        )}
        <Form.Item name="locale" label={t('users.locale')}>
          <Radio.Group
            options={[
              { value: 'vi', label: t('common:common.vietnamese') },
              { value: 'en', label: t('common:common.english') },
            ]}
          />
        </Form.Item>
        {editing === 'new' && (
          <Form.Item name="staffId" label={t('users.staff')} extra={t('users.staffHelp')}>
            <StaffSelect />
          </Form.Item>
        )}
        <RolesField />
      </FormDrawer>
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const [form] = Form.useForm<{ password: string }>();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reset = useMutation({
    mutationFn: (password: string) =>
      call(
        api.POST('/api/v1/users/{id}/reset-password', {
          params: { path: { id: user!.id } },
          body: { password },
        }),
      ),
  });
  const close = () => {
    setDone(null);
    setError(null);
    form.resetFields();
    onClose();
  };
  const submit = async ({ password }: { password: string }) => {
    setError(null);
    try {
      await reset.mutateAsync(password);
      setDone(password);
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e);
    }
  };
  return (
    <Modal
      open={user !== null}
      title={t('users.resetTitle', { name: user?.displayName ?? '' })}
      onCancel={close}
      forceRender
      footer={
        done ? (
          <Button type="primary" onClick={close}>
            {t('common:common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>{t('common:common.cancel')}</Button>
            <Button type="primary" loading={reset.isPending} onClick={() => form.submit()}>
              {t('users.resetPassword')}
            </Button>
          </Space>
        )
      }
    >
      {done ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('users.resetDone')}
          description={
            <>
              <p>{t('users.resetOnce')}</p>
              <Typography.Text code copyable={{ text: done }} className="tn-reset-password">
                {done}
              </Typography.Text>
            </>
          }
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('users.resetHelp')}</Typography.Paragraph>
          {error !== null && (
            <Alert type="error" showIcon role="alert" className="tn-gap" title={messageOf(error)} />
          )}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
            <PasswordField name="password" label={t('users.newPassword')} />
          </Form>
        </>
      )}
    </Modal>
  );
}
