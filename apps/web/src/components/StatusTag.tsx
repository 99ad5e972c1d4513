import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TONE } from './tones';

const COLORS: Record<string, string | undefined> = {
  in_review: TONE.info,
  returned: TONE.warn,
  approved: TONE.good,
  in_training: TONE.teal,
  completed: TONE.good,
  not_completed: TONE.bad,
  rejected: TONE.bad,
};

/** A nomination's status in the user's language. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`status.${status}`)}</Tag>;
}
