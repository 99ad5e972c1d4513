import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import { ErrorAlert } from '../../components/QueryState';
import { applyFieldErrors } from '../../components/forms';
import { formatVnd, parseVnd } from '../../format/money';
import type { ActionName, NominationDetail, NominationFund } from './types';

const NEEDS_COMMENT: ActionName[] = ['return', 'reject', 'cancel', 'withdraw'];
const ORDER: ActionName[] = [
  'approve',
  'submit',
  'start',
  'complete',
  'return',
  'reject',
  'withdraw',
  'cancel',
];

interface Values {
  comment?: string;
  overrideReason?: string;
  passed?: boolean;
  actual?: Record<string, string>;
}

/**
 * Exactly the actions the API allows the caller now, each confirmed in a dialog that asks
 * for what the action needs. A stale version is said plainly and reloaded, keeping what was
 * typed.
 */
export function ActionPanel({
  nomination,
  funds,
  mayOverride,
  onDone,
  onReload,
}: {
  nomination: NominationDetail;
  funds: NominationFund[] | undefined;
  /** The caller is finance and a fund is over budget but may be overridden. */
  mayOverride: boolean;
  onDone: (action: ActionName, result: NominationDetail) => void;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation(['approvals', 'common']);
  const [form] = Form.useForm<Values>();
  const [action, setAction] = useState<ActionName | null>(null);
  const [conflict, setConflict] = useState(false);
  const [showOverride, setShowOverride] = useState(false);
  const allowed = ORDER.filter((a) => nomination.allowedActions.includes(a));
  const canEdit = nomination.allowedActions.includes('edit');
  const navigate = useNavigate();
  const { message } = App.useApp();

  // "Copy as a new draft": the new draft opens, and says so when its intake has closed.
  const copy = useMutation({
    mutationFn: async () =>
      await call(
        api.POST('/api/v1/nominations/{id}/copy', { params: { path: { id: nomination.id } } }),
      ),
    onSuccess: (draft) => {
      const text = t(draft.intakeOpen ? 'page.copied' : 'page.copiedIntakeClosed', {
        reference: draft.reference,
      });
      if (draft.intakeOpen) void message.success(text);
      else void message.warning(text, 8);
      void navigate(`/nominations/${draft.id}`);
    },
  });

  const mutation = useMutation({
    mutationFn: async ({ name, values }: { name: ActionName; values: Values }) => {
      const body: Record<string, unknown> = {};
      if (values.comment?.trim()) body.comment = values.comment.trim();
      if (values.overrideReason?.trim()) body.overrideReason = values.overrideReason.trim();
      if (name === 'complete') {
        body.passed = values.passed !== false;
        const lines = nomination.costLines
          .map((line) => ({
            fundId: line.fundId,
            amount: parseVnd(values.actual?.[line.fundId] ?? '') ?? line.amount,
          }))
          .filter((line) => line.amount !== null);
        if (lines.length) body.actualCostLines = lines;
      }
      const result = await call(
        api.POST('/api/v1/nominations/{id}/actions/{action}', {
          params: {
            // The path's two parameters: { id, action }.
            path: { id: nomination.id, action: name } as never,
            header: { 'If-Match': `"${nomination.version}"` },
          },
          body,
        }),
      );
      return result;
    },
    onSuccess: (result, { name }) => {
      setAction(null);
      setConflict(false);
      setShowOverride(false);
      form.resetFields();
      onDone(name, result);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') setConflict(true);
      else if (error instanceof ApiError && error.code === 'BUDGET_EXCEEDED' && mayOverride)
        setShowOverride(true);
      else applyFieldErrors(form, error);
    },
  });

  const open = (name: ActionName) => {
    mutation.reset();
    setConflict(false);
    setAction(name);
    form.setFieldsValue({
      passed: true,
      actual: Object.fromEntries(
        nomination.costLines.map((l) => [l.fundId, formatVnd(l.amount, { unit: false })]),
      ),
    });
  };

  const fundName = (fundId: string) => {
    const line = nomination.costLines.find((l) => l.fundId === fundId);
    const fund = funds?.find((f) => f.id === fundId);
    return line?.fundName ?? fund?.name ?? line?.fundCode ?? fund?.code ?? '—';
  };

  if (!allowed.length && !canEdit && !nomination.mayCopy) {
    return <Typography.Text type="secondary">{t('page.noActions')}</Typography.Text>;
  }
  const actionLabel = action ? t(`common:actions.${action}`) : '';
  const overrideVisible =
    (action === 'approve' || action === 'complete') && (mayOverride || showOverride);
  const mutationError = mutation.error;

  return (
    <>
      <Space wrap>
        {allowed.map((name) => (
          <Button
            key={name}
            type={name === 'approve' || name === 'submit' ? 'primary' : 'default'}
            onClick={() => open(name)}
          >
            {t(`common:actions.${name}`)}
          </Button>
        ))}
        {canEdit && (
          <Link to={`/nominations/${nomination.id}/edit`} className="ant-btn ant-btn-default">
            {t('common:actions.edit')}
          </Link>
        )}
        {nomination.mayCopy && (
          <Button
            type="primary"
            title={t('page.copyHelp')}
            loading={copy.isPending}
            onClick={() => copy.mutate()}
          >
            {t('page.copy')}
          </Button>
        )}
      </Space>
      {nomination.mayCopy && (
        <Typography.Paragraph type="secondary" className="tn-top">
          {t('page.copyHelp')}
        </Typography.Paragraph>
      )}
      {copy.error && (
        <div className="tn-top">
          <ErrorAlert error={copy.error} />
        </div>
      )}
      <Modal
        open={action !== null}
        title={t('page.confirmTitle', { action: actionLabel, reference: nomination.reference })}
        okText={actionLabel}
        cancelText={t('common:common.cancel')}
        okButtonProps={{
          loading: mutation.isPending,
          disabled: conflict,
        }}
        onOk={() => form.submit()}
        onCancel={() => {
          setAction(null);
          setConflict(false);
        }}
        forceRender
        destroyOnHidden={false}
      >
        {action && <Typography.Paragraph>{t(`page.confirmBody.${action}`)}</Typography.Paragraph>}
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            className="tn-gap"
            title={t('common:errors.conflictTitle')}
            description={t('common:errors.conflictBody')}
            action={
              <Button
                size="small"
                onClick={async () => {
                  await onReload();
                  setConflict(false);
                  mutation.reset();
                }}
              >
                {t('common:common.reload')}
              </Button>
            }
          />
        )}
        {mutationError &&
          !conflict &&
          !(mutationError instanceof ApiError && mutationError.fields.length) && (
            <div className="tn-gap">
              <ErrorAlert error={mutationError} />
            </div>
          )}
        <Form
          form={form}
          layout="vertical"
          name="nomination-action"
          onFinish={(values) => action && mutation.mutate({ name: action, values })}
        >
          {action === 'complete' && (
            <>
              <Form.Item name="passed" label={t('page.passed')}>
                <Radio.Group
                  options={[
                    { value: true, label: t('page.passedYes') },
                    { value: false, label: t('page.passedNo') },
                  ]}
                />
              </Form.Item>
              {nomination.costLines.map((line) => (
                <Form.Item
                  key={line.fundId}
                  name={['actual', line.fundId]}
                  label={t('page.actualCost', { fund: fundName(line.fundId) })}
                  extra={t('page.actualCostHelp')}
                  rules={[
                    {
                      validator: (_, value: string | undefined) =>
                        !value || parseVnd(value) !== null
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('page.invalidAmount'))),
                    },
                  ]}
                >
                  <Input inputMode="numeric" suffix="₫" />
                </Form.Item>
              ))}
            </>
          )}
          {overrideVisible && (
            <Form.Item
              name="overrideReason"
              label={t('page.overrideReason')}
              extra={t('page.overrideHelp')}
              rules={showOverride ? [{ required: true, message: t('page.commentRequired') }] : []}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          )}
          <Form.Item
            name="comment"
            label={action === 'withdraw' ? t('page.withdrawReason') : t('page.comment')}
            rules={
              action && NEEDS_COMMENT.includes(action)
                ? [{ required: true, whitespace: true, message: t('page.commentRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
