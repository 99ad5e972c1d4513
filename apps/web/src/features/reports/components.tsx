import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Form, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { DownloadButtons } from '../../components/DownloadButtons';
import { useFocusableScrollRegions } from './scrollRegions';

/** Filters of a screen, laid out in a responsive grid of labelled fields. */
export function FilterBar({ children, label }: { children: ReactNode; label: string }) {
  return (
    <Card className="tn-gap tn-filters" size="small">
      <Form layout="vertical" component="div" aria-label={label} role="search">
        <Row gutter={[12, 0]}>{children}</Row>
      </Form>
    </Card>
  );
}

/** One labelled filter; `id` ties the label to its control. */
export function Field({ label, id, children }: { label: string; id: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} md={8} lg={6}>
      <Form.Item label={label} htmlFor={id} style={{ marginBottom: 8 }}>
        {children}
      </Form.Item>
    </Col>
  );
}

/** A day kept as YYYY-MM-DD, typed and shown as dd/MM/yyyy. */
export function DateField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string | null;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      format="DD/MM/YYYY"
      value={value ? dayjs(value) : null}
      onChange={(day) => onChange(day ? day.format('YYYY-MM-DD') : undefined)}
    />
  );
}

/** A unit picked by searching its name or code. */
export function UnitSelect({
  id,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  value: string | null;
  onChange: (value: string | undefined) => void;
  placeholder?: string;
}) {
  const [search, setSearch] = useState('');
  const query = useQuery({
    queryKey: ['units', 'search', search],
    queryFn: () =>
      call(
        api.GET('/api/v1/units', { params: { query: { q: search || undefined, pageSize: 30 } } }),
      ),
    staleTime: 60_000,
  });
  const selected = useQuery({
    queryKey: ['units', 'one', value],
    queryFn: () => call(api.GET('/api/v1/units/{id}', { params: { path: { id: value! } } })),
    enabled: !!value,
    staleTime: 300_000,
  });
  const options = (query.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }));
  if (value && selected.data && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: selected.data.name });
  }
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={placeholder}
      value={value ?? undefined}
      options={options}
      loading={query.isFetching}
      onChange={(next?: string) => onChange(next)}
      style={{ width: '100%' }}
    />
  );
}

/** A table or chart of a report in a card, with its CSV and Excel downloads. */
export function ReportCard({
  title,
  download,
  children,
}: {
  title: ReactNode;
  download?: {
    path: string;
    query?: Record<string, string | number | undefined | null>;
    name: string;
  };
  children: ReactNode;
}) {
  useFocusableScrollRegions();
  return (
    <Card
      className="tn-gap tn-report-card"
      title={title}
      extra={download ? <DownloadButtons {...download} /> : undefined}
    >
      {children}
    </Card>
  );
}

/** The title of a section: a real heading (h2) for screen readers' outline. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return <h2 className="tn-section-title">{children}</h2>;
}

export function useReportLanguage() {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}
