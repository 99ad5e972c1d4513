import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { Instant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { usePaging } from '../../components/paging';
import { QueryState } from '../../components/QueryState';
import { appPath, inboxBody, inboxTitle } from './links';
import './i18n';

export default function InboxPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { page, pageSize, params, pagination, setFilters } = usePaging(20);
  const unread = params.get('unread') === 'true';
  const query = useQuery({
    queryKey: ['notifications', { page, pageSize, unread }],
    queryFn: () =>
      call(api.GET('/api/v1/notifications', { params: { query: { page, pageSize, unread } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => call(api.POST('/api/v1/notifications/read-all')),
    onSuccess: refresh,
  });

  return (
    <>
      <PageHeader
        title={t('notifications.inbox')}
        extra={
          <Space wrap>
            <label className="tn-inline-label">
              <Switch
                checked={unread}
                onChange={(on) => setFilters({ unread: on ? 'true' : undefined })}
              />{' '}
              {t('notifications.onlyUnread')}
            </label>
            <Button onClick={() => markAll.mutate()} loading={markAll.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          </Space>
        }
      />
      <QueryState query={query}>
        {(data) => (
          <List
            className="tn-card-list"
            itemLayout="vertical"
            locale={{ emptyText: t('notifications.empty') }}
            dataSource={data.items}
            pagination={{ ...pagination(data.total), align: 'center' }}
            renderItem={(item) => {
              const to = appPath(item.link);
              return (
                <List.Item
                  key={item.id}
                  className={item.readAt ? 'tn-read' : 'tn-unread'}
                  actions={[
                    to ? (
                      <Link
                        key="open"
                        to={to}
                        onClick={() => !item.readAt && markRead.mutate(item.id)}
                      >
                        {t('notifications.open')}
                      </Link>
                    ) : null,
                    !item.readAt ? (
                      <Button
                        key="read"
                        type="link"
                        size="small"
                        onClick={() => markRead.mutate(item.id)}
                      >
                        {t('notifications.markRead')}
                      </Button>
                    ) : null,
                  ].filter(Boolean)}
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        {!item.readAt && <Badge status="processing" />}
                        <Typography.Text strong={!item.readAt}>
                          {inboxTitle(item.title)}
                        </Typography.Text>
                      </Space>
                    }
                    description={<Instant value={item.createdAt} />}
                  />
                  <Typography.Paragraph className="tn-prewrap">
                    {inboxBody(item.body, item.link)}
                  </Typography.Paragraph>
                </List.Item>
              );
            }}
          />
        )}
      </QueryState>
    </>
  );
}
