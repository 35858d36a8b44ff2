import { Card, Empty, Flex, Form, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi } from '../../app/useApi.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { formatDate, todayVn } from '../../i18n/format.ts';
import { AUTHORITY_LEVELS, formatDuration, formatMoney, labelOf, ONLINE_LEVELS, optionsOf, PROCEDURE_FIELDS, PROCEDURE_STATUSES, type ProcedurePageDto, type ProcedureSummaryDto } from './labels.ts';
import { useStrings } from './strings.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = 20;

/** The catalogue filters, kept in the address (?q=&linh-vuc=&cap=&don-vi=&truc-tuyen=&trang-thai=&ngay=&trang=) so a search can be shared. */
export function useCatalogueFilters(publicMode: boolean) {
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k)?.trim() || undefined;
  const date = get('ngay');
  const query = {
    q: get('q'),
    field: get('linh-vuc'),
    level: get('cap'),
    unitId: publicMode ? undefined : get('don-vi'),
    onlineLevel: get('truc-tuyen'),
    status: publicMode ? 'active' : (get('trang-thai') ?? 'active'),
    asOf: date && ISO.test(date) ? date : undefined,
  };
  const page = Math.max(1, Number(get('trang') ?? 1) || 1);
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('trang' in changes)) next.delete('trang');
    setParams(next, { replace: true });
  };
  return { query, page, set };
}

/**
 * Search box, filters and the result table of the catalogue (public or internal). The search is the server's:
 * accent-insensitive, on names and codes, versions in force on the chosen date.
 */
export function CatalogueBrowser({ publicMode, onOpen, reloadKey = 0 }: { publicMode: boolean; onOpen(id: string, asOf?: string): void; reloadKey?: number }) {
  const { s, lang } = useStrings();
  const { query, page, set } = useCatalogueFilters(publicMode);
  const [qInput, setQInput] = useState(query.q ?? '');
  useEffect(() => setQInput(query.q ?? ''), [query.q]);
  const { data, error, loading, stale, reload } = useApi<ProcedurePageDto>('/api/v1/procedures', { ...query, limit: PAGE, offset: (page - 1) * PAGE });
  useEffect(() => {
    if (reloadKey) reload();
  }, [reloadKey, reload]);

  const columns = [
    {
      title: s.catalogue.code,
      key: 'code',
      width: 130,
      render: (_: unknown, r: ProcedureSummaryDto) => (
        <Flex vertical>
          <span>{r.nationalCode ?? r.code}</span>
          {r.nationalCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.code}
              {r.nationalCodeUnconfirmed && (
                <Tooltip title={s.catalogue.unconfirmedCode}>
                  <span aria-label={s.catalogue.unconfirmedCode}> *</span>
                </Tooltip>
              )}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: s.catalogue.name,
      key: 'name',
      render: (_: unknown, r: ProcedureSummaryDto) => (
        <span>
          <Typography.Link onClick={() => onOpen(r.id, query.asOf)}>{r.name}</Typography.Link>
          {r.isDemo && (
            <Tag style={{ marginInlineStart: 8 }} color="gold">
              {s.catalogue.demo}
            </Tag>
          )}
          {r.status !== 'active' && <Tag color={r.status === 'abolished' ? 'red' : 'orange'}>{labelOf(PROCEDURE_STATUSES, r.status, lang)}</Tag>}
        </span>
      ),
    },
    { title: s.catalogue.field, key: 'field', width: 160, responsive: ['md' as const], render: (_: unknown, r: ProcedureSummaryDto) => labelOf(PROCEDURE_FIELDS, r.field, lang) },
    { title: s.catalogue.level, key: 'level', width: 110, responsive: ['lg' as const], render: (_: unknown, r: ProcedureSummaryDto) => labelOf(AUTHORITY_LEVELS, r.authorityLevel, lang) },
    { title: s.catalogue.time, key: 'time', width: 150, render: (_: unknown, r: ProcedureSummaryDto) => formatDuration(r.processingTime, lang, s.catalogue.onTheSpot) },
    { title: s.catalogue.online, key: 'online', width: 150, responsive: ['md' as const], render: (_: unknown, r: ProcedureSummaryDto) => labelOf(ONLINE_LEVELS, r.onlineLevel, lang) },
    { title: s.catalogue.fees, key: 'fees', width: 120, align: 'right' as const, render: (_: unknown, r: ProcedureSummaryDto) => (r.feeTotal === 0 ? s.catalogue.free : formatMoney(r.feeTotal)) },
  ];

  const anyOption = { value: '', label: s.catalogue.any };
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="vertical" colon={false} onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={s.catalogue.search} htmlFor="procedures-search" style={{ marginBottom: 12 }}>
            <Input.Search
              id="procedures-search"
              value={qInput}
              onChange={(e) => {
                setQInput(e.target.value);
                if (!e.target.value) set({ q: undefined });
              }}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              placeholder={s.catalogue.searchPlaceholder}
              allowClear
              enterButton={s.catalogue.search}
              size="large"
            />
          </Form.Item>
          <Flex wrap gap={12}>
            <Form.Item label={s.catalogue.field} htmlFor="procedures-field" style={{ minWidth: 220, marginBottom: 0 }}>
              <Select id="procedures-field" value={query.field ?? ''} onChange={(v) => set({ 'linh-vuc': v || undefined })} options={[anyOption, ...optionsOf(PROCEDURE_FIELDS, lang)]} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item label={s.catalogue.level} htmlFor="procedures-level" style={{ minWidth: 160, marginBottom: 0 }}>
              <Select id="procedures-level" value={query.level ?? ''} onChange={(v) => set({ cap: v || undefined })} options={[anyOption, ...optionsOf(AUTHORITY_LEVELS, lang)]} />
            </Form.Item>
            <Form.Item label={s.catalogue.online} htmlFor="procedures-online" style={{ minWidth: 180, marginBottom: 0 }}>
              <Select id="procedures-online" value={query.onlineLevel ?? ''} onChange={(v) => set({ 'truc-tuyen': v || undefined })} options={[anyOption, ...optionsOf(ONLINE_LEVELS, lang)]} />
            </Form.Item>
            {!publicMode && (
              <>
                <Form.Item label={s.catalogue.unit} htmlFor="procedures-unit" style={{ minWidth: 240, marginBottom: 0 }}>
                  <UnitSelect id="procedures-unit" value={query.unitId} onChange={(v) => set({ 'don-vi': v ?? undefined })} placeholder={s.catalogue.any} />
                </Form.Item>
                <Form.Item label={s.catalogue.status} htmlFor="procedures-status" style={{ minWidth: 160, marginBottom: 0 }}>
                  <Select id="procedures-status" value={query.status} onChange={(v) => set({ 'trang-thai': v === 'active' ? undefined : v })} options={[...optionsOf(PROCEDURE_STATUSES, lang), { value: 'all', label: s.catalogue.allStatuses }]} />
                </Form.Item>
              </>
            )}
            <Form.Item label={s.catalogue.asOf} htmlFor="procedures-asof" style={{ marginBottom: 0 }}>
              <IsoDatePicker id="procedures-asof" value={query.asOf ?? todayVn()} onChange={(v) => set({ ngay: v && v !== todayVn() ? v : undefined })} allowClear={false} style={{ width: 160 }} />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      <Card>
        {error && <ProblemAlert error={error} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary" aria-live="polite" data-testid="procedures-count">
          {data && !stale ? `${s.catalogue.results.replace('{{count}}', String(data.total))}${query.asOf ? ` · ${s.catalogue.asOf.toLowerCase()} ${formatDate(query.asOf)}` : ''}` : null}
        </Typography.Paragraph>
        <Table<ProcedureSummaryDto>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          size="middle"
          locale={{ emptyText: <Empty description={s.catalogue.noResults} /> }}
          onRow={(r) => ({ onDoubleClick: () => onOpen(r.id, query.asOf) })}
          pagination={{ current: page, pageSize: PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => set({ trang: p > 1 ? String(p) : undefined }) }}
        />
      </Card>
    </>
  );
}
