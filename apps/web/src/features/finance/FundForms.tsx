import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import { applyFieldErrors } from '../../components/forms';
import { parseVnd } from '../../format/money';
import { fundMessage, type Fund } from './common';

type Kind = 'allocate' | 'adjust' | 'edit';

const MONEY = /^-?\d{1,15}$/;

/** The three changes finance makes to a fund, each in a modal with labelled fields. */
export function FundChangeModal({
  fund,
  kind,
  onClose,
}: {
  fund: Fund;
  kind: Kind | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('finance');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();

  useEffect(() => {
    if (!kind) return;
    form.resetFields();
    if (kind === 'edit') {
      form.setFieldsValue({
        name: fund.name,
        policy: fund.policy,
        thresholds: fund.thresholds.map(String),
        pipelineWarningPercent: fund.pipelineWarningPercent,
        status: fund.status,
      });
    }
  }, [kind, fund, form]);

  const mutation = useMutation({
    mutationFn: async (values: Record<string, unknown>): Promise<Fund> => {
      const path = { id: fund.id };
      if (kind === 'allocate') {
        return call(
          api.POST('/api/v1/funds/{id}/allocations', {
            params: { path },
            body: {
              amount: parseVnd(String(values.amount)) ?? '',
              comment: (values.comment as string | undefined)?.trim() || undefined,
            },
          }),
        );
      }
      if (kind === 'adjust') {
        return call(
          api.POST('/api/v1/funds/{id}/adjustments', {
            params: { path },
            body: {
              amount: parseVnd(String(values.amount)) ?? '',
              reason: String(values.reason).trim(),
            },
          }),
        );
      }
      const thresholds = ((values.thresholds as string[] | undefined) ?? []).map(Number);
      const body: {
        name?: string;
        policy?: Fund['policy'];
        thresholds?: number[];
        pipelineWarningPercent?: number | null;
        status?: Fund['status'];
      } = {};
      const warning = (values.pipelineWarningPercent as number | null | undefined) ?? null;
      if (warning !== fund.pipelineWarningPercent) body.pipelineWarningPercent = warning;
      if (values.name !== fund.name) body.name = String(values.name).trim();
      if (values.policy !== fund.policy) body.policy = values.policy as Fund['policy'];
      if (values.status !== fund.status) body.status = values.status as Fund['status'];
      const sorted = [...thresholds].sort((a, b) => a - b);
      if (sorted.join(',') !== fund.thresholds.join(',')) body.thresholds = sorted;
      return call(api.PATCH('/api/v1/funds/{id}', { params: { path }, body }));
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(['fund', fund.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['fund-ledger', fund.id] });
      void queryClient.invalidateQueries({ queryKey: ['funds'] });
      void message.success(
        t(
          kind === 'allocate'
            ? 'fund.allocated'
            : kind === 'adjust'
              ? 'fund.adjusted'
              : 'fund.updated',
        ),
      );
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400 && applyFieldErrors(form, error))
        return;
      void message.error(fundMessage(error));
    },
  });

  const amountRule = (signed: boolean) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (!value || !value.trim()) throw new Error(t('forms.amountRequired'));
      const amount = parseVnd(value);
      if (!amount || !MONEY.test(amount)) throw new Error(t('forms.amountInvalid'));
      if (!signed && (amount.startsWith('-') || /^0+$/.test(amount)))
        throw new Error(t('forms.amountPositive'));
      if (signed && /^-?0+$/.test(amount)) throw new Error(t('forms.amountNonZero'));
    },
  });

  const title =
    kind === 'allocate'
      ? t('fund.allocate')
      : kind === 'adjust'
        ? t('fund.adjust')
        : t('fund.edit');

  return (
    <Modal
      open={!!kind}
      title={title}
      okText={kind === 'edit' ? t('common:common.save') : t('forms.submit')}
      cancelText={t('common:common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name={`fund-${kind ?? 'none'}`}
        onFinish={(values) => mutation.mutate(values)}
      >
        {kind === 'allocate' && (
          <>
            <Form.Item
              name="amount"
              label={t('forms.amount')}
              extra={t('forms.amountHelp')}
              rules={[amountRule(false)]}
              required
            >
              <Input inputMode="numeric" autoComplete="off" />
            </Form.Item>
            <Form.Item name="comment" label={t('forms.comment')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {kind === 'adjust' && (
          <>
            <Form.Item
              name="amount"
              label={t('forms.amount')}
              extra={t('forms.signedAmountHelp')}
              rules={[amountRule(true)]}
              required
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('forms.reason')}
              extra={t('forms.reasonHelp')}
              rules={[
                { required: true, whitespace: true, message: t('forms.reasonRequired') },
                { max: 500 },
              ]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
        {kind === 'edit' && (
          <>
            <Form.Item
              name="name"
              label={t('fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('forms.nameRequired') },
                { max: 200 },
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="policy" label={t('fields.policy')}>
              <Select
                options={(['stop', 'warn'] as const).map((p) => ({
                  value: p,
                  label: t(`policy.${p}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="thresholds"
              label={t('fields.thresholds')}
              extra={t('forms.thresholdsHelp')}
              rules={[
                {
                  validator: async (_: unknown, value: string[] | undefined) => {
                    const list = value ?? [];
                    const ok =
                      list.length <= 10 &&
                      list.every(
                        (v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 100,
                      ) &&
                      new Set(list.map(Number)).size === list.length;
                    if (!ok) throw new Error(t('forms.thresholdsInvalid'));
                  },
                },
              ]}
            >
              <Select
                mode="tags"
                tokenSeparators={[',', ' ', ';']}
                options={['50', '80', '90', '95', '100'].map((v) => ({
                  value: v,
                  label: `${v} %`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="pipelineWarningPercent"
              label={t('fields.pipelineWarningPercent')}
              extra={t('forms.pipelineWarningHelp')}
            >
              <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="status" label={t('fields.status')}>
              <Select
                options={(['open', 'closed'] as const).map((s) => ({
                  value: s,
                  label: t(`fundStatus.${s}`),
                }))}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
