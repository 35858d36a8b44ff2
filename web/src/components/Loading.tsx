import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner that says what it is doing to screen readers. */
export function Loading({ minHeight = 200 }: { minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight }} role="status" aria-live="polite">
      <Spin description={t('common.loading')} />
    </Flex>
  );
}
