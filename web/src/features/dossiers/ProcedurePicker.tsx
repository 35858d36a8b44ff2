import { Flex, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { formatDuration, type ProcedurePageDto, type ProcedureSummaryDto } from '../procedures/labels.ts';
import { useStrings } from './strings.ts';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, procedure: ProcedureSummaryDto | undefined) => void;
  'aria-describedby'?: string;
}

/**
 * Picks a procedure in force from the catalogue. The search is the server's (accent- and case-insensitive, on names
 * and codes: "dang ky khai sinh" finds "Đăng ký khai sinh"), asked again as the official types.
 */
export function ProcedurePicker({ id, value, onChange, ...rest }: Props) {
  const { s, lang } = useStrings();
  const [items, setItems] = useState<ProcedureSummaryDto[]>([]);
  const [loading, setLoading] = useState(false);
  const [search, setSearch] = useState('');
  const chosen = useRef<ProcedureSummaryDto | undefined>(undefined);

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<ProcedurePageDto>('/api/v1/procedures', { q: search.trim() || undefined, status: 'active', limit: 30 }, ctrl.signal)
        .then((page) => setItems(page.items))
        .catch(() => undefined)
        .finally(() => {
          if (!ctrl.signal.aborted) setLoading(false);
        });
    }, search ? 250 : 0);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [search]);

  // The chosen procedure stays an option while the list shows another search's results.
  const options = [...items, ...(chosen.current && !items.some((p) => p.id === chosen.current!.id) ? [chosen.current] : [])].map((p) => ({ value: p.id, label: p.name, p }));

  return (
    <Select
      id={id}
      aria-describedby={rest['aria-describedby']}
      value={value}
      size="large"
      allowClear
      placeholder={s.receipt.procedurePlaceholder}
      loading={loading}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onChange={(v: string | undefined) => {
        const p = options.find((o) => o.value === v)?.p;
        chosen.current = p;
        setSearch('');
        onChange?.(v, p);
      }}
      options={options}
      optionRender={(o) => {
        const p = (o.data as { p: ProcedureSummaryDto }).p;
        return (
          <Flex vertical style={{ whiteSpace: 'normal', padding: '2px 0' }}>
            <span>{p.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
              {[p.nationalCode ?? p.code, formatDuration(p.processingTime, lang, s.receipt.onTheSpot)].join(' · ')}
            </Typography.Text>
          </Flex>
        );
      }}
      notFoundContent={loading ? null : s.receipt.noProcedure}
      style={{ width: '100%' }}
      popupMatchSelectWidth
      data-testid="procedure-picker"
    />
  );
}
