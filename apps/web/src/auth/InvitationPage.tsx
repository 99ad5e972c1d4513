import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../api/client';
import { messageOf } from '../i18n/errors';

const MIN_PASSWORD = 12;

/**
 * The page an invitation email links to (/invitation/:token), open to anyone holding the
 * link: it checks the link, lets the new user choose a password, then sends them to sign in.
 */
export default function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () =>
      call(api.GET('/api/v1/auth/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (password: string) =>
      call(api.POST('/api/v1/auth/invitations/accept', { body: { token, password } })),
    onSuccess: () => {
      const email = invitation.data?.email ?? '';
      void navigate(`/login?reason=invited&email=${encodeURIComponent(email)}`, {
        replace: true,
      });
    },
  });

  return (
    <main className="tn-login">
      <Card className="tn-login-card">
        <div className="tn-login-head">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <div>
            <Typography.Title level={1} className="tn-login-title">
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={2} className="tn-login-subtitle">
          {t('invitation.title')}
        </Typography.Title>
        {invitation.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
        {invitation.isError && (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              title={messageOf(invitation.error)}
              className="tn-gap"
            />
            <Link to="/login">{t('invitation.toSignIn')}</Link>
          </>
        )}
        {invitation.data && (
          <>
            <Typography.Paragraph>
              {t('invitation.intro', { name: invitation.data.displayName })}
            </Typography.Paragraph>
            {accept.isError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={messageOf(accept.error)}
                className="tn-gap"
              />
            )}
            <Form
              layout="vertical"
              requiredMark={false}
              onFinish={(values: { password: string }) => accept.mutate(values.password)}
            >
              <Form.Item label={t('auth.email')} htmlFor="invitation-email">
                <Input
                  id="invitation-email"
                  value={invitation.data.email}
                  readOnly
                  autoComplete="username"
                />
              </Form.Item>
              <Form.Item
                label={t('invitation.password')}
                name="password"
                extra={t('invitation.passwordHelp', { count: MIN_PASSWORD })}
                rules={[
                  { required: true, message: t('common.required') },
                  {
                    min: MIN_PASSWORD,
                    message: t('invitation.tooShort', { count: MIN_PASSWORD }),
                  },
                ]}
              >
                <Input.Password autoComplete="new-password" autoFocus />
              </Form.Item>
              <Form.Item
                label={t('invitation.confirm')}
                name="confirm"
                dependencies={['password']}
                rules={[
                  { required: true, message: t('common.required') },
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || value === getFieldValue('password')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('invitation.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={accept.isPending}>
                {t('invitation.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}
