import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title of a screen (the page's only h1) with its main actions beside it. */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Flex className="tn-page-header" justify="space-between" align="flex-start" wrap gap={12}>
      <div>
        <Typography.Title level={1} className="tn-page-title">
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div className="tn-page-extra">{extra}</div>}
    </Flex>
  );
}
