import { CloudUploadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Grid,
  Radio,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { ApiError, toApiError } from '../../api/problem';
import { authorizedFetch } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { messageOf } from '../../i18n/errors';
import './i18n';
import {
  isReferenceKind,
  REFERENCE_COLUMNS,
  REFERENCE_KINDS,
  type ReferenceKind,
} from './referenceImportColumns';

import { HISTORY_COLUMNS, HISTORY_KINDS, type HistoryKind } from './history-import-columns';

type Kind = 'units' | 'positions' | 'staff' | ReferenceKind | HistoryKind | 'users';
type ImportResult = components['schemas']['ImportResultDto'];
type RowError = components['schemas']['ImportRowErrorDto'];

/** The columns of each file (docs/import.md): key, Vietnamese header, required. */
const COLUMNS: Record<Kind, Array<[string, string, boolean]>> = {
  units: [
    ['code', 'Mã đơn vị', true],
    ['name', 'Tên đơn vị', true],
    ['tier_code', 'Mã cấp', true],
    ['kind', 'Loại đơn vị', true],
    ['parent_code', 'Mã đơn vị cấp trên', false],
    ['active', 'Hoạt động', false],
  ],
  positions: [
    ['code', 'Mã chức danh', true],
    ['name', 'Tên chức danh', true],
    ['is_leadership', 'Lãnh đạo', false],
    ['min_education', 'Trình độ chuyên môn tối thiểu', false],
    ['min_political_theory', 'Lý luận chính trị tối thiểu', false],
    ['min_fostering_rank', 'Bồi dưỡng QLNN tối thiểu', false],
    ['min_language_level', 'Ngoại ngữ tối thiểu', false],
  ],
  staff: [
    ['code', 'Mã cán bộ', true],
    ['full_name', 'Họ và tên', true],
    ['birth_date', 'Ngày sinh', true],
    ['gender', 'Giới tính', true],
    ['ethnic_minority', 'Dân tộc thiểu số', false],
    ['unit_code', 'Mã đơn vị', true],
    ['position_code', 'Mã chức danh', false],
    ['civil_service_rank', 'Ngạch', false],
    ['education_level', 'Trình độ chuyên môn', false],
    ['education_field', 'Chuyên ngành', false],
    ['political_theory', 'Lý luận chính trị', false],
    ['fostering_rank', 'Bồi dưỡng QLNN', false],
    ['language_level', 'Ngoại ngữ', false],
    ['joined_service_on', 'Ngày vào ngành', false],
    ['authority_code', 'Mã thẩm quyền quản lý', true],
    ['employment_status', 'Trạng thái', false],
  ],
  users: [
    ['email', 'Email', true],
    ['full_name', 'Họ và tên', true],
    ['roles', 'Vai trò', false],
    ['staff_code', 'Mã cán bộ', false],
    ['active', 'Hoạt động', false],
  ],
  ...REFERENCE_COLUMNS,
  ...HISTORY_COLUMNS,
};

/** Sends the file as multipart/form-data with the session's token (refreshed once on 401). */
async function upload(kind: Kind, file: File, dryRun: boolean): Promise<ImportResult> {
  const response = await authorizedFetch(`/api/v1/imports/${kind}?dryRun=${dryRun}`, () => {
    const body = new FormData();
    body.append('file', file, file.name);
    return {
      method: 'POST',
      headers: { accept: 'application/json, application/problem+json' },
      body,
    };
  });
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw toApiError(response.status, body);
  return body as ImportResult;
}

interface Outcome {
  result?: ImportResult;
  error?: unknown;
}

function Counts({ result }: { result: ImportResult }) {
  const { t } = useTranslation('admin');
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} bordered>
      <Descriptions.Item label={t('imports.rows')}>{result.rows}</Descriptions.Item>
      <Descriptions.Item label={t('imports.createdCount')}>{result.created}</Descriptions.Item>
      <Descriptions.Item label={t('imports.updatedCount')}>{result.updated}</Descriptions.Item>
      <Descriptions.Item label={t('imports.unchangedCount')}>{result.unchanged}</Descriptions.Item>
    </Descriptions>
  );
}

/** Upload a spreadsheet, check it without writing (every bad row listed), then import it. */
export default function ImportsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('staff');
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const [preview, setPreview] = useState<Outcome | null>(null);
  const [committed, setCommitted] = useState<ImportResult | null>(null);
  const file = files[0]?.originFileObj as File | undefined;
  const phone = !Grid.useBreakpoint().md;
  const { can } = useAuth();
  // Users are for administrators only; the others would only be refused.
  // Users, reference data and compliance figures are for administrators only; the others
  // would only be refused.
  const kinds: Kind[] = can('users:manage')
    ? ['units', 'positions', 'staff', 'users', ...REFERENCE_KINDS, ...HISTORY_KINDS]
    : ['units', 'positions', 'staff', 'participations'];

  const reset = () => {
    setPreview(null);
    setCommitted(null);
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'check' : 'commit');
    try {
      const result = await upload(kind, file, dryRun);
      if (dryRun) setPreview({ result });
      else {
        setCommitted(result);
        setPreview(null);
        void queryClient.invalidateQueries();
      }
    } catch (error) {
      setPreview({ error });
    } finally {
      setBusy(null);
    }
  };

  const problem = preview?.error instanceof ApiError ? preview.error : null;
  const rowErrors =
    problem?.code === 'IMPORT_INVALID' ? ((problem.body.errors ?? []) as RowError[]) : null;
  const errorCount = Number(problem?.body.errorCount ?? rowErrors?.length ?? 0);
  const step = committed ? 3 : preview?.result ? 2 : file ? 1 : 0;

  return (
    <>
      <PageHeader title={t('screens.imports.title')} subtitle={t('screens.imports.description')} />
      <Steps
        className="tn-gap"
        size="small"
        current={step}
        status={preview?.error !== undefined ? 'error' : undefined}
        items={[
          { title: t('imports.stepFile') },
          { title: t('imports.stepCheck') },
          { title: t('imports.stepCommit') },
        ]}
      />
      <Card className="tn-gap">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <fieldset>
            <legend className="tn-admin-legend">{t('imports.kind')}</legend>
            <Radio.Group
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                reset();
              }}
              options={kinds.map((k) => ({
                value: k,
                label: isReferenceKind(k)
                  ? t(`imports.referenceKinds.${k}`)
                  : t(`imports.kinds.${k}`),
              }))}
              optionType="button"
            />
          </fieldset>
          <Collapse
            size="small"
            items={[
              {
                key: 'columns',
                label: t('imports.columns'),
                children: (
                  <>
                    <Typography.Paragraph type="secondary">
                      {t('imports.columnsHelp')}
                    </Typography.Paragraph>
                    {(isReferenceKind(kind) || kind === 'users') && (
                      <Typography.Paragraph type="secondary">
                        {isReferenceKind(kind)
                          ? t(`imports.referenceHelp.${kind}`)
                          : t('imports.usersHelp')}
                      </Typography.Paragraph>
                    )}
                    <Space wrap size={[4, 8]}>
                      {COLUMNS[kind].map(([key, header, required]) => (
                        <Tag key={key} className={required ? 'tn-tag-bad' : undefined}>
                          {header} <Typography.Text code>{key}</Typography.Text>
                          {required ? ' *' : ''}
                        </Tag>
                      ))}
                    </Space>
                  </>
                ),
              },
            ]}
          />
          <Upload
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              reset();
            }}
          >
            <Button icon={<UploadOutlined />}>{t('imports.chooseFile')}</Button>
          </Upload>
          <Typography.Text type="secondary">{t('imports.limits')}</Typography.Text>
          <Space wrap>
            <Button
              type="primary"
              disabled={!file}
              loading={busy === 'check'}
              onClick={() => void run(true)}
            >
              {t('imports.check')}
            </Button>
          </Space>
        </Space>
      </Card>

      {committed && (
        <Alert
          className="tn-gap"
          type="success"
          showIcon
          role="status"
          title={t('imports.committed')}
          description={<Counts result={committed} />}
        />
      )}

      {preview?.result && (
        <Card className="tn-gap" title={t('imports.previewTitle')}>
          <Alert
            className="tn-gap"
            type="success"
            showIcon
            role="status"
            title={t('imports.valid', { count: preview.result.rows })}
            description={t('imports.nothingWritten')}
          />
          <Counts result={preview.result} />
          <Button
            className="tn-gap"
            style={{ marginTop: 16 }}
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={busy === 'commit'}
            onClick={() => void run(false)}
          >
            {t('imports.commit')}
          </Button>
        </Card>
      )}

      {preview?.error !== undefined && !rowErrors && (
        <Alert
          className="tn-gap"
          type="error"
          showIcon
          role="alert"
          title={messageOf(preview.error)}
          description={
            problem ? (
              <>
                {problem.detail && <div>{problem.detail}</div>}
                <div>{t('common:errors.code', { code: problem.code })}</div>
              </>
            ) : undefined
          }
        />
      )}

      {rowErrors && (
        <Card className="tn-gap" title={t('imports.errorsTitle')}>
          <Alert
            className="tn-gap"
            type="error"
            showIcon
            role="alert"
            title={t('imports.invalid', { count: errorCount })}
            description={
              errorCount > rowErrors.length
                ? t('imports.moreErrors', { shown: rowErrors.length, count: errorCount })
                : t('imports.fixAndRetry')
            }
          />
          <Table<RowError>
            rowKey={(e, index) => `${e.row}-${e.column ?? ''}-${index}`}
            dataSource={rowErrors}
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={phone ? undefined : { x: 640 }}
            columns={[
              { title: t('imports.row'), dataIndex: 'row', width: phone ? 56 : 70 },
              ...(phone
                ? []
                : [
                    {
                      title: t('imports.column'),
                      dataIndex: 'column',
                      width: 160,
                      render: (column: string | null) =>
                        column ? <Typography.Text code>{column}</Typography.Text> : '—',
                    },
                  ]),
              {
                title: t('imports.problem'),
                dataIndex: 'code',
                width: phone ? undefined : 220,
                render: (code: string, e: RowError) => (
                  <span className="tn-admin-user-cell">
                    {phone && e.column && (
                      <>
                        <Typography.Text code>{e.column}</Typography.Text>{' '}
                      </>
                    )}
                    {t(`importCodes.${code}`, { defaultValue: code })}{' '}
                    <Typography.Text type="secondary">({code})</Typography.Text>
                    {phone && <div>{e.message}</div>}
                  </span>
                ),
              },
              ...(phone ? [] : [{ title: t('imports.detail'), dataIndex: 'message' }]),
            ]}
          />
        </Card>
      )}
    </>
  );
}
