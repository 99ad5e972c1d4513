import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../api/client';
import { messageOf } from '../i18n/errors';

/**
 * CSV and XLSX of a report or list, produced by the API (`format=csv|xlsx` on the same
 * path and filters), so downloads match the table exactly.
 */
export function DownloadButtons({
  path,
  query = {},
  name,
}: {
  path: string;
  query?: Record<string, string | number | undefined | null>;
  name: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const get = async (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    }
    params.set('format', format);
    setBusy(format);
    try {
      await download(`${path}?${params}`, `${name}.${format}`);
    } catch (error) {
      void message.error(messageOf(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={busy === 'csv'} onClick={() => get('csv')}>
        {t('common.downloadCsv')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => get('xlsx')}>
        {t('common.downloadXlsx')}
      </Button>
    </Space>
  );
}
