import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Segmented, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { currentLanguage, setLanguage, type Language } from '../../i18n';
import { messageOf } from '../../i18n/errors';
import './i18n';

type Preference = components['schemas']['PreferenceDto'];

export default function SettingsPage() {
  const { t } = useTranslation(['notifications', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => call(api.GET('/api/v1/notifications/preferences')),
  });
  const onDone = {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notification-preferences'] }),
    onError: (error: unknown) => void message.error(messageOf(error)),
  };
  const save = useMutation({
    mutationFn: (p: Preference) =>
      call(
        api.PUT('/api/v1/notifications/preferences/{eventType}', {
          params: { path: { eventType: p.eventType } },
          body: { inbox: p.inbox, email: p.email, emailDigest: p.email && p.emailDigest },
        }),
      ),
    ...onDone,
  });
  const reset = useMutation({
    mutationFn: (eventType: Preference['eventType']) =>
      call(
        api.DELETE('/api/v1/notifications/preferences/{eventType}', {
          params: { path: { eventType } },
        }),
      ),
    ...onDone,
  });

  return (
    <>
      <PageHeader title={t('settingsTitle')} />
      <Card title={t('common:common.language')} className="tn-gap">
        <Segmented<Language>
          aria-label={t('common:common.language')}
          value={currentLanguage()}
          options={[
            { label: 'Tiếng Việt', value: 'vi' },
            { label: 'English', value: 'en' },
          ]}
          onChange={(value) => void setLanguage(value)}
        />
      </Card>
      <Card title={t('common:notifications.preferences')}>
        <Typography.Paragraph type="secondary">{t('preferencesHelp')}</Typography.Paragraph>
        <QueryState query={query}>
          {(preferences) => (
            <Table<Preference>
              rowKey="eventType"
              dataSource={preferences}
              pagination={false}
              scroll={{ x: 560 }}
              size="middle"
              columns={[
                {
                  title: t('event'),
                  dataIndex: 'eventType',
                  render: (type: Preference['eventType'], p) => (
                    <>
                      {t(`types.${type}`)}{' '}
                      {p.awaitsAction && <Tag color="orange">{t('needsAction')}</Tag>}
                    </>
                  ),
                },
                {
                  title: t('inbox'),
                  dataIndex: 'inbox',
                  render: (on: boolean, p) => (
                    <Switch
                      checked={on}
                      aria-label={`${t(`types.${p.eventType}`)}: ${t('inbox')}`}
                      onChange={(inbox) => save.mutate({ ...p, inbox })}
                    />
                  ),
                },
                {
                  title: t('email'),
                  dataIndex: 'email',
                  render: (on: boolean, p) => (
                    <Switch
                      checked={on}
                      aria-label={`${t(`types.${p.eventType}`)}: ${t('email')}`}
                      onChange={(email) => save.mutate({ ...p, email })}
                    />
                  ),
                },
                {
                  title: t('digest'),
                  dataIndex: 'emailDigest',
                  render: (on: boolean, p) => (
                    <Switch
                      checked={on}
                      disabled={!p.email}
                      aria-label={`${t(`types.${p.eventType}`)}: ${t('digest')}`}
                      onChange={(emailDigest) => save.mutate({ ...p, emailDigest })}
                    />
                  ),
                },
                {
                  title: '',
                  key: 'reset',
                  render: (_: unknown, p) =>
                    p.default ? (
                      <Typography.Text type="secondary">{t('default')}</Typography.Text>
                    ) : (
                      <Button size="small" onClick={() => reset.mutate(p.eventType)}>
                        {t('restoreDefault')}
                      </Button>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
    </>
  );
}
