import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'default',
  in_review: 'processing',
  returned: 'warning',
  approved: 'success',
  in_training: 'cyan',
  completed: 'green',
  not_completed: 'volcano',
  rejected: 'error',
  withdrawn: 'default',
  cancelled: 'default',
};

/** A nomination's status in the user's language. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
}
