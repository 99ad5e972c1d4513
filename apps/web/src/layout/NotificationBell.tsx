import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../api/client';

/** The unread count, refreshed every minute and when the window regains focus. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () =>
      call(api.GET('/api/v1/notifications', { params: { query: { unread: true, pageSize: 1 } } })),
    refetchInterval: 60_000,
  });
  const count = data?.unreadCount ?? 0;
  return (
    <Badge count={count} size="small" overflowCount={99}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined />}
        aria-label={`${t('notifications.bell')}${count ? ` — ${t('notifications.unread', { count })}` : ''}`}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
