import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Grid,
  Input,
  Select,
  Space,
  Tag,
  type FormInstance,
} from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import { applyFieldErrors } from '../../components/forms';
import { formatDay, parseDay } from '../../format/date';
import { messageOf } from '../../i18n/errors';
import './i18n';

export interface Option {
  value: string;
  label: string;
}

/** A value typed while searching, passed on after a pause. */
export function useDebounced<T>(value: T, delay = 300): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return current;
}

/**
 * A select whose options come from the server as the person types (units, users,
 * programmes…); the chosen record's name is loaded on its own, so an existing value shows
 * its name, never its id.
 */
export function RemoteSelect({
  kind,
  search,
  lookup,
  value,
  onChange,
  id,
  placeholder,
  allowClear = true,
  disabled,
  ariaLabel,
  style,
}: {
  kind: string;
  search: (q: string) => Promise<Option[]>;
  lookup: (id: string) => Promise<Option>;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  ariaLabel?: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation('admin');
  const [text, setText] = useState('');
  const q = useDebounced(text);
  const results = useQuery({
    queryKey: ['admin-select', kind, q],
    queryFn: () => search(q),
    staleTime: 30_000,
  });
  const chosen = useQuery({
    queryKey: ['admin-select-one', kind, value],
    queryFn: () => lookup(value as string),
    enabled: !!value,
    staleTime: 5 * 60_000,
  });
  const options = [...(results.data ?? [])];
  if (chosen.data && !options.some((o) => o.value === chosen.data.value))
    options.unshift(chosen.data);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      onClear={() => onChange?.(null)}
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('shared.typeToSearch')}
      loading={results.isFetching}
      options={options}
      notFoundContent={results.isFetching ? t('shared.searching') : t('shared.noMatch')}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
    />
  );
}

type UnitLike = { id: string; name: string; code: string };
const unitOption = (u: UnitLike): Option => ({ value: u.id, label: `${u.name} (${u.code})` });

export function UnitSelect(
  props: Omit<Parameters<typeof RemoteSelect>[0], 'kind' | 'search' | 'lookup'>,
) {
  return (
    <RemoteSelect
      {...props}
      kind="unit"
      search={async (q) =>
        (
          await call(
            api.GET('/api/v1/units', { params: { query: { q: q || undefined, pageSize: 30 } } }),
          )
        ).items.map(unitOption)
      }
      lookup={async (id) =>
        unitOption(await call(api.GET('/api/v1/units/{id}', { params: { path: { id } } })))
      }
    />
  );
}

export function UserSelect(
  props: Omit<Parameters<typeof RemoteSelect>[0], 'kind' | 'search' | 'lookup'>,
) {
  const option = (u: { id: string; displayName: string; email: string }): Option => ({
    value: u.id,
    label: `${u.displayName} (${u.email})`,
  });
  return (
    <RemoteSelect
      {...props}
      kind="user"
      search={async (q) =>
        (
          await call(
            api.GET('/api/v1/users', { params: { query: { q: q || undefined, pageSize: 30 } } }),
          )
        ).items.map(option)
      }
      lookup={async (id) =>
        option(await call(api.GET('/api/v1/users/{id}', { params: { path: { id } } })))
      }
    />
  );
}

export function ProviderSelect(
  props: Omit<Parameters<typeof RemoteSelect>[0], 'kind' | 'search' | 'lookup'>,
) {
  return (
    <RemoteSelect
      {...props}
      kind="provider"
      search={async (q) =>
        (
          await call(
            api.GET('/api/v1/providers', {
              params: { query: { q: q || undefined, pageSize: 30 } },
            }),
          )
        ).items.map(unitOption)
      }
      lookup={async (id) =>
        unitOption(await call(api.GET('/api/v1/providers/{id}', { params: { path: { id } } })))
      }
    />
  );
}

export function ProgramSelect(
  props: Omit<Parameters<typeof RemoteSelect>[0], 'kind' | 'search' | 'lookup'>,
) {
  return (
    <RemoteSelect
      {...props}
      kind="program"
      search={async (q) =>
        (
          await call(
            api.GET('/api/v1/programs', {
              params: { query: { q: q || undefined, pageSize: 30 } },
            }),
          )
        ).items.map(unitOption)
      }
      lookup={async (id) =>
        unitOption(await call(api.GET('/api/v1/programs/{id}', { params: { path: { id } } })))
      }
    />
  );
}

export function StaffSelect(
  props: Omit<Parameters<typeof RemoteSelect>[0], 'kind' | 'search' | 'lookup'>,
) {
  const option = (s: { id: string; fullName: string; code: string }): Option => ({
    value: s.id,
    label: `${s.fullName} (${s.code})`,
  });
  return (
    <RemoteSelect
      {...props}
      kind="staff"
      search={async (q) =>
        (
          await call(
            api.GET('/api/v1/staff', { params: { query: { q: q || undefined, pageSize: 30 } } }),
          )
        ).items.map(option)
      }
      lookup={async (id) =>
        option(await call(api.GET('/api/v1/staff/{id}', { params: { path: { id } } })))
      }
    />
  );
}

/** Every management authority (a short list), by id. */
export function useAuthorities() {
  return useQuery({
    queryKey: ['authorities'],
    queryFn: () => call(api.GET('/api/v1/authorities')),
    staleTime: 60_000,
  });
}

export function useTiers() {
  return useQuery({
    queryKey: ['tiers'],
    queryFn: async () =>
      [...(await call(api.GET('/api/v1/tiers')))].sort((a, b) => a.level - b.level),
    staleTime: 60_000,
  });
}

export function usePositions() {
  return useQuery({
    queryKey: ['positions'],
    queryFn: () => call(api.GET('/api/v1/positions')),
    staleTime: 60_000,
  });
}

export function AuthoritySelect({
  value,
  onChange,
  id,
  allowClear = true,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  allowClear?: boolean;
}) {
  const { t } = useTranslation('admin');
  const authorities = useAuthorities();
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      loading={authorities.isPending}
      placeholder={t('shared.choose')}
      options={(authorities.data ?? []).map((a) => ({
        value: a.id,
        label: `${a.name} (${a.code})`,
      }))}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

export function TierSelect({
  value,
  onChange,
  id,
  allowClear,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  allowClear?: boolean;
}) {
  const { t } = useTranslation('admin');
  const tiers = useTiers();
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear={allowClear}
      loading={tiers.isPending}
      placeholder={t('shared.choose')}
      options={(tiers.data ?? []).map((tier) => ({ value: tier.id, label: tier.name }))}
      style={{ width: '100%' }}
    />
  );
}

/** The name of a unit, loaded (and cached) from its id. */
export function UnitName({ id }: { id: string | null | undefined }) {
  const unit = useQuery({
    queryKey: ['unit', id],
    queryFn: () => call(api.GET('/api/v1/units/{id}', { params: { path: { id: id as string } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
  if (!id) return <>—</>;
  return <>{unit.data?.name ?? '…'}</>;
}

export function UserName({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation('admin');
  const user = useQuery({
    queryKey: ['user', id],
    queryFn: () => call(api.GET('/api/v1/users/{id}', { params: { path: { id: id as string } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (!id) return <>{t('audit.system')}</>;
  if (user.error) return <>{t('shared.unknownUser')}</>;
  return <>{user.data?.displayName ?? '…'}</>;
}

export function ProgramName({ id }: { id: string | null | undefined }) {
  const program = useQuery({
    queryKey: ['program', id],
    queryFn: () =>
      call(api.GET('/api/v1/programs/{id}', { params: { path: { id: id as string } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
  if (!id) return <>—</>;
  return <>{program.data?.name ?? '…'}</>;
}

export function ProviderName({ id }: { id: string | null | undefined }) {
  const provider = useQuery({
    queryKey: ['provider', id],
    queryFn: () =>
      call(api.GET('/api/v1/providers/{id}', { params: { path: { id: id as string } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
  if (!id) return <>—</>;
  return <>{provider.data?.name ?? '…'}</>;
}

export function IntakeCode({ id }: { id: string | null | undefined }) {
  const intake = useQuery({
    queryKey: ['intake', id],
    queryFn: () =>
      call(api.GET('/api/v1/intakes/{id}', { params: { path: { id: id as string } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
  if (!id) return <>—</>;
  return <>{intake.data?.code ?? '…'}</>;
}

export function AuthorityName({ id }: { id: string | null | undefined }) {
  const authorities = useAuthorities();
  if (!id) return <>—</>;
  return <>{authorities.data?.find((a) => a.id === id)?.name ?? '…'}</>;
}

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation('admin');
  return active ? (
    <Tag className="tn-tag-ok">{t('shared.active')}</Tag>
  ) : (
    <Tag>{t('shared.inactive')}</Tag>
  );
}

/**
 * A create or edit form in a drawer: labelled fields, the API's field errors on the fields,
 * any other error above the buttons; what was typed is kept when saving fails.
 */
export function FormDrawer<T extends object>({
  open,
  title,
  form,
  initialValues,
  onClose,
  onSubmit,
  children,
  submitLabel,
}: {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  initialValues?: Partial<T>;
  onClose: () => void;
  onSubmit: (values: T) => Promise<unknown>;
  children: ReactNode;
  submitLabel?: string;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const screens = Grid.useBreakpoint();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setError(null);
  }
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initialValues) form.setFieldsValue(initialValues as never);
    }
    // Only when the drawer opens: later changes of initialValues must not wipe what was typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const finish = async (values: T) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e);
      else if (e instanceof ApiError) setError(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={screens.sm ? 560 : '100%'}
      forceRender
      footer={
        <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common:common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {submitLabel ?? t('common:common.save')}
          </Button>
        </Space>
      }
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="tn-gap"
          title={messageOf(error)}
          description={
            error instanceof ApiError && error.code
              ? t('common:errors.code', { code: error.code })
              : undefined
          }
        />
      )}
      <Form<T> form={form} layout="vertical" onFinish={finish} requiredMark="optional">
        {children}
      </Form>
    </Drawer>
  );
}

/** A day typed as dd/mm/yyyy, kept in the form as YYYY-MM-DD. */
export function DayInput({
  value,
  onChange,
  id,
  ariaLabel,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  ariaLabel?: string;
}) {
  const [text, setText] = useState(value ? formatDay(value) : '');
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // The form set a value (reset, initial values): show it unless it is what was typed.
    setSeen(value);
    const typed = parseDay(text) ?? (text.trim() ? text : null);
    if (typed !== (value ?? null)) {
      setText(value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : (value ?? ''));
    }
  }
  return (
    <Input
      id={id}
      aria-label={ariaLabel}
      value={text}
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseDay(e.target.value);
        onChange?.(parsed ?? (e.target.value.trim() ? e.target.value : null));
      }}
    />
  );
}

/** Form rule: the field holds a real day (YYYY-MM-DD after DayInput). */
export const dayRule = (message: string) => ({
  validator: (_: unknown, value: unknown) =>
    value == null ||
    value === '' ||
    (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
      ? Promise.resolve()
      : Promise.reject(new Error(message)),
});

/** Form rule: a JSON object typed in a text area. */
export const jsonRule = (message: string) => ({
  validator: (_: unknown, value: unknown) => {
    if (value == null || value === '') return Promise.resolve();
    try {
      const parsed = JSON.parse(String(value));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? Promise.resolve()
        : Promise.reject(new Error(message));
    } catch {
      return Promise.reject(new Error(message));
    }
  },
});

export const parseJson = (value: unknown): Record<string, unknown> =>
  value == null || value === '' ? {} : (JSON.parse(String(value)) as Record<string, unknown>);
