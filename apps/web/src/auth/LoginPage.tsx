import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { currentLanguage, setLanguage, type Language } from '../i18n';
import { useAuth } from './AuthProvider';
import { login, LoginError } from './session';

/** Only paths of this app are followed after sign-in (never another site). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { status, endedBecause } = useAuth();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [language, setLang] = useState<Language>(currentLanguage());
  const next = safeNext(params.get('next'));

  if (status === 'signed-in') return <Navigate to={next} replace />;

  const expired = params.get('reason') === 'expired' || endedBecause === 'expired';
  const invited = params.get('reason') === 'invited';
  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.email.trim(), values.password);
    } catch (e) {
      if (e instanceof LoginError && e.code === 'TOO_MANY_ATTEMPTS') {
        setError(t('auth.tooManyAttempts', { seconds: e.retryAfterSeconds ?? 60 }));
      } else if (e instanceof LoginError && e.status < 500) {
        setError(t('auth.invalidCredentials'));
      } else {
        setError(t('errors.network'));
      }
    } finally {
      setBusy(false);
    }
  };

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
          {t('auth.welcome')}
        </Typography.Title>
        {expired && !error && (
          <Alert type="warning" showIcon title={t('auth.sessionEnded')} className="tn-gap" />
        )}
        {invited && !error && (
          <Alert type="success" showIcon title={t('invitation.done')} className="tn-gap" />
        )}
        {endedBecause === 'logout' && !error && (
          <Alert type="info" showIcon title={t('auth.signedOut')} className="tn-gap" />
        )}
        {error && <Alert type="error" showIcon title={error} className="tn-gap" role="alert" />}
        <Form
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={{ email: params.get('email') ?? '' }}
        >
          <Form.Item
            label={t('auth.email')}
            name="email"
            rules={[{ required: true, type: 'email', message: t('common.required') }]}
          >
            <Input autoComplete="username" inputMode="email" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('auth.password')}
            name="password"
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <div className="tn-login-language">
          <Segmented<Language>
            aria-label={t('common.language')}
            value={language}
            options={[
              { label: 'Tiếng Việt', value: 'vi' },
              { label: 'English', value: 'en' },
            ]}
            onChange={(value) => {
              setLang(value);
              void setLanguage(value);
            }}
          />
        </div>
      </Card>
    </main>
  );
}
