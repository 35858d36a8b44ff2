import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitDto } from '../../app/types.ts';

/** The "demo" and "chưa xác minh" tags of a unit. */
export function UnitFlags({ unit }: { unit: Pick<UnitDto, 'isDemo' | 'unconfirmed'> }) {
  const { t } = useTranslation();
  return (
    <>
      {unit.isDemo && (
        <Tag color="gold" title={t('units.demoNotice')}>
          {t('common.demo')}
        </Tag>
      )}
      {unit.unconfirmed && (
        <Tag color="orange" title={t('units.unconfirmedNotice')}>
          {t('common.unconfirmed')}
        </Tag>
      )}
    </>
  );
}
