import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/useApi.ts';
import type { UnitDto } from '../app/types.ts';
import { todayVn } from '../i18n/format.ts';
import { buildUnitTree, unitMatches, type UnitNode } from './unitTree.ts';

const WHOLE = '__whole_system__';

interface Props {
  id?: string;
  /** A unit id, null for "whole installation" (only offered with `allowWholeSystem`), undefined for none. */
  value?: string | null;
  onChange?: (value: string | null | undefined) => void;
  allowWholeSystem?: boolean;
  placeholder?: string;
  'aria-label'?: string;
}

interface Option {
  value: string;
  title: string;
  unit?: UnitDto;
  children?: Option[];
}

const toOptions = (nodes: UnitNode[]): Option[] => nodes.map((n) => ({ value: n.unit.id, title: n.unit.name, unit: n.unit, children: toOptions(n.children) }));

/** Picks a unit valid today from the tree, with accent-insensitive search by typing. */
export function UnitSelect({ value, onChange, allowWholeSystem, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const { data, loading } = useApi<UnitDto[]>('/api/v1/units', { asOf: todayVn() });
  const treeData = useMemo(() => {
    const options = toOptions(buildUnitTree(data ?? []));
    return allowWholeSystem ? [{ value: WHOLE, title: t('common.wholeSystem') }, ...options] : options;
  }, [data, allowWholeSystem, t]);
  return (
    <TreeSelect
      {...rest}
      showSearch={{ filterTreeNode: (input, node) => ((node as Option).unit ? unitMatches((node as Option).unit!, input) : String((node as Option).title).toLowerCase().includes(input.toLowerCase())) }}
      loading={loading}
      treeData={treeData}
      value={value === null ? WHOLE : value}
      onChange={(v: string | undefined) => onChange?.(v === WHOLE ? null : v)}
      placeholder={placeholder ?? t('accounts.unitPlaceholder')}
      allowClear
      treeDefaultExpandedKeys={treeData.filter((o) => o.value !== WHOLE).map((o) => o.value)}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
