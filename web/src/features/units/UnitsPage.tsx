import { Button, Card, Empty, Flex, Form, Input, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { UnitDto } from '../../app/types.ts';
import { useApi } from '../../app/useApi.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { allIds, buildUnitTree, withAncestors, type UnitNode } from '../../components/unitTree.ts';
import { useUnitKinds } from '../../components/useUnitKinds.ts';
import { formatDate, todayVn } from '../../i18n/format.ts';
import { UnitDrawer, type DrawerTarget } from './UnitDrawer.tsx';
import { UnitFlags } from './UnitFlags.tsx';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Nodes open at first: the roots, and the former districts under them (so a district shows its communes). */
function defaultExpanded(nodes: UnitNode[]): string[] {
  return nodes.flatMap((n) => [n.unit.id, ...n.children.filter((c) => c.unit.kind === 'district' && c.children.length).map((c) => c.unit.id)]);
}

/**
 * /don-vi: the tree of units valid on a date (?ngay=YYYY-MM-DD, today by default), an accent-insensitive search
 * (?q=), and a drawer with a unit's detail and lineage. Date and search live in the address so a view can be shared.
 */
export default function UnitsPage() {
  const { t } = useTranslation();
  const { label: kindLabel, shortLabel } = useUnitKinds();
  const [params, setParams] = useSearchParams();
  const asOf = ISO.test(params.get('ngay') ?? '') ? params.get('ngay')! : todayVn();
  const q = params.get('q')?.trim() ?? '';
  const [qInput, setQInput] = useState(q);
  const [target, setTarget] = useState<DrawerTarget | null>(null);

  const all = useApi<UnitDto[]>('/api/v1/units', { asOf });
  const hits = useApi<UnitDto[]>(q ? '/api/v1/units' : null, { asOf, q });

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  useEffect(() => setQInput(q), [q]);

  const hitIds = useMemo(() => new Set(q ? (hits.data ?? []).map((u) => u.id) : []), [q, hits.data]);
  const forest = useMemo(() => {
    const list = all.data ?? [];
    return buildUnitTree(q ? withAncestors(hits.data ?? [], list) : list);
  }, [all.data, hits.data, q]);

  const [expanded, setExpanded] = useState<string[]>([]);
  // Open the default nodes when a new date or search has loaded; a reload after an edit keeps what the user opened.
  const viewKey = `${asOf}|${q}`;
  const expandedFor = useRef<string | null>(null);
  const ready = !!all.data && !all.stale && (!q || (!!hits.data && !hits.stale));
  useEffect(() => {
    if (!ready || expandedFor.current === viewKey) return;
    expandedFor.current = viewKey;
    setExpanded(q ? allIds(forest) : defaultExpanded(forest));
  }, [ready, viewKey, forest, q]);

  const treeData = useMemo(() => {
    const toData = (nodes: UnitNode[]): TreeDataNode[] =>
      nodes.map((n) => ({
        key: n.unit.id,
        title: (
          <span className="unit-title">
            {hitIds.has(n.unit.id) ? <mark>{n.unit.name}</mark> : <span>{n.unit.name}</span>}
            <Tag className="kind" variant="filled" title={kindLabel(n.unit.kind)}>
              {shortLabel(n.unit.kind)}
            </Tag>
            <UnitFlags unit={n.unit} />
          </span>
        ),
        children: toData(n.children),
      }));
    return toData(forest);
  }, [forest, hitIds, kindLabel, shortLabel]);

  const loading = all.loading || (q !== '' && hits.loading);
  // While a new date or search loads, the old tree stays (dimmed) but its caption must not claim the new date.
  const stale = !ready;
  const error = all.error ?? hits.error;
  const shownCount = q ? (hits.data?.length ?? 0) : (all.data?.length ?? 0);

  return (
    <>
      <PageHeader title={t('units.title')} intro={t('units.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" colon={false} style={{ rowGap: 12 }} onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('units.asOf')} htmlFor="units-as-of">
            <Flex gap={8} wrap>
              <IsoDatePicker
                id="units-as-of"
                value={asOf}
                onChange={(v) => setParam('ngay', v && v !== todayVn() ? v : null)}
                allowClear={false}
                placeholder={t('common.dateFormatHint')}
                style={{ width: 160 }}
              />
              <Button onClick={() => setParam('ngay', null)} disabled={asOf === todayVn()}>
                {t('common.today')}
              </Button>
            </Flex>
          </Form.Item>
          <Form.Item label={t('units.search')} htmlFor="units-search" style={{ flex: '1 1 320px' }}>
            <Input.Search
              id="units-search"
              value={qInput}
              onChange={(e) => {
                setQInput(e.target.value);
                if (!e.target.value) setParam('q', null);
              }}
              onSearch={(v) => setParam('q', v.trim() || null)}
              placeholder={t('units.searchPlaceholder')}
              allowClear
              enterButton={t('common.search')}
            />
          </Form.Item>
        </Form>
      </Card>

      <Card>
        {error && <ProblemAlert error={error} style={{ marginBottom: 16 }} />}
        {!all.data && loading ? (
          <Loading />
        ) : (
          <>
            <Typography.Paragraph type="secondary" aria-live="polite" data-testid="units-count">
              {error ? null : stale ? t('common.loading') : q ? t('units.matches', { count: shownCount, q }) : t('units.count', { count: shownCount, date: formatDate(asOf) })}
            </Typography.Paragraph>
            {treeData.length === 0 ? (
              <Empty description={q ? t('units.noMatch') : t('units.empty')} />
            ) : (
              <div aria-busy={stale} style={{ opacity: stale ? 0.5 : 1, transition: 'opacity .2s' }}>
              <Tree
                aria-label={t('units.treeLabel')}
                treeData={treeData}
                showLine
                blockNode
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys.map(String))}
                selectedKeys={target ? [target.id] : []}
                onSelect={(_, info) => setTarget({ id: String(info.node.key), asOf })}
                style={{ fontSize: 15 }}
              />
              </div>
            )}
          </>
        )}
      </Card>

      <UnitDrawer
        target={target}
        pageAsOf={asOf}
        onNavigate={setTarget}
        onClose={() => setTarget(null)}
        onChanged={(revealId) => {
          all.reload();
          if (q) hits.reload();
          if (revealId) setExpanded((prev) => (prev.includes(revealId) ? prev : [...prev, revealId]));
        }}
      />
    </>
  );
}
