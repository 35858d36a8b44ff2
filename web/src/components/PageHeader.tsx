import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The page's title (the one h1 of the page), a line of explanation, and page-level actions. */
export function PageHeader({ title, intro, extra }: { title: ReactNode; intro?: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0, flex: '1 1 320px' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
        {intro && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {intro}
          </Typography.Paragraph>
        )}
      </div>
      {extra && <Flex gap={8} wrap>{extra}</Flex>}
    </Flex>
  );
}
