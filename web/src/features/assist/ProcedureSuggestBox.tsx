import { Button, Card, Empty, Flex, Input, List, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { api } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useStrings } from './strings.ts';

interface Suggestion {
  id: string;
  code: string;
  name: string;
  fieldLabel: string;
  score: number;
  matched: string[];
  via: Array<{ from: string; to: string }>;
}

/**
 * "Tôi cần…": a citizen writes what they need in plain words (with or without accents) and gets the five
 * procedures that match best, each with the words that matched and the synonyms used; choosing one opens it.
 */
export function ProcedureSuggestBox({ onOpen, unitId }: { onOpen(id: string): void; unitId?: string }) {
  const { s } = useStrings();
  const inputId = useId();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Suggestion[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = async (text: string) => {
    const query = text.trim();
    if (!query) return;
    setLoading(true);
    setError(undefined);
    try {
      setItems((await api.get<{ items: Suggestion[] }>('/api/v1/assist/procedures', { q: query, unitId })).items);
    } catch (err) {
      setError(err);
      setItems(null);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card title={<label htmlFor={inputId}>{s.needTitle}</label>} style={{ marginBottom: 16 }} data-testid="assist-need">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{s.needIntro}</Typography.Text>
        <Input.Search
          id={inputId}
          aria-label={s.needLabel}
          placeholder={s.needPlaceholder}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => void run(v)}
          enterButton={s.suggest}
          loading={loading}
          maxLength={300}
          allowClear
        />
        <ProblemAlert error={error} />
        {items && items.length === 0 && <Empty description={s.none} />}
        {items && items.length > 0 && (
          <section aria-label={s.suggestions}>
            <List
              dataSource={items}
              renderItem={(p) => (
                <List.Item key={p.id}>
                  <Flex vertical gap={4} style={{ width: '100%' }}>
                    <Flex gap={8} align="center" wrap>
                      <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onOpen(p.id)}>
                        {p.name}
                      </Button>
                      <Tag>{p.fieldLabel}</Tag>
                      <Typography.Text type="secondary">{p.code}</Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary">
                      {s.matched}: {p.matched.join(', ')}
                      {p.via.length > 0 && ` — ${p.via.map((v) => `“${v.from}” ${s.via} “${v.to}”`).join('; ')}`} · {s.score} {p.score.toFixed(1)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {s.automatic}
            </Typography.Text>
          </section>
        )}
      </Flex>
    </Card>
  );
}
