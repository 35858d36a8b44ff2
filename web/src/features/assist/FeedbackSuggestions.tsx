import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { fmt, useStrings } from './strings.ts';

interface LabelInfo {
  status: 'ok' | 'not_enough_history';
  examples: number;
  minPerClass: number;
}
interface Suggestions {
  field: LabelInfo & { current: string; options: Array<{ code: string; label: string; probability: number }> };
  unit: LabelInfo & { current: string; options: Array<{ id: string; name: string; probability: number }> };
  duplicates: Array<{ id: string; code: string; title: string | null; excerpt: string; score: number; samePlace: boolean; places: string[] }>;
}

/** The item as the inbox holds it: what the suggestions need to call the feedback actions. */
interface Item {
  id: string;
  version: number;
  allowedActions: string[];
}

const pct = (p: number) => Math.round(p * 100);

/**
 * Suggestions on one feedback item (likely field and handling unit, possible duplicates). "Áp dụng" calls the
 * feedback module's own action (acknowledge with the field, assign, merge) with the item's version; the official
 * decides, and `onApplied` receives the updated item.
 */
export function FeedbackSuggestions<T extends Item>({ item, onApplied }: { item: T; onApplied(updated: T): void }) {
  const { s, lang } = useStrings();
  const [data, setData] = useState<Suggestions | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .get<Suggestions>(`/api/v1/assist/feedback/${item.id}/suggestions`)
      .then((d) => live && (setData(d), setError(undefined)))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [item.id, item.version, lang]);

  const apply = async (action: string, body: Record<string, unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      onApplied(await api.post<T>(`/api/v1/feedback/${item.id}/${action}`, { version: item.version, ...body }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const can = (a: string) => item.allowedActions.includes(a);
  const applyButton = (action: string, name: string, body: Record<string, unknown>) => (
    <Button size="small" aria-label={name} title={can(action) ? name : s.notNow} disabled={!can(action) || busy} onClick={() => void apply(action, body)}>
      {s.apply}
    </Button>
  );
  const notEnough = (i: LabelInfo) => <Typography.Text type="secondary">{fmt(s.notEnough, { min: i.minPerClass, n: i.examples })}</Typography.Text>;

  if (!data) return <ProblemAlert error={error} />;
  const field = data.field.options[0];
  const unit = data.unit.options[0];
  return (
    <Card size="small" title={s.assistTitle} data-testid="assist-feedback">
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {s.assistNote}
        </Typography.Text>
        <div>
          <Typography.Text strong>{s.field}: </Typography.Text>
          {data.field.status !== 'ok' || !field ? (
            notEnough(data.field)
          ) : (
            <Flex gap={8} align="center" wrap style={{ display: 'inline-flex' }}>
              <span>{field.label}</span>
              <Typography.Text type="secondary">({fmt(s.probability, { p: pct(field.probability) })})</Typography.Text>
              {field.code === data.field.current ? <Tag>{s.current}</Tag> : applyButton('acknowledge', fmt(s.applyField, { label: field.label }), { field: field.code })}
            </Flex>
          )}
        </div>
        <div>
          <Typography.Text strong>{s.unit}: </Typography.Text>
          {data.unit.status !== 'ok' || !unit ? (
            notEnough(data.unit)
          ) : (
            <Flex gap={8} align="center" wrap style={{ display: 'inline-flex' }}>
              <span>{unit.name}</span>
              <Typography.Text type="secondary">({fmt(s.probability, { p: pct(unit.probability) })})</Typography.Text>
              {unit.id === data.unit.current ? <Tag>{s.current}</Tag> : applyButton('assign', fmt(s.applyUnit, { name: unit.name }), { unitId: unit.id })}
            </Flex>
          )}
        </div>
        <Typography.Text strong>{s.duplicates}</Typography.Text>
        {data.duplicates.length === 0 ? (
          <Typography.Text type="secondary">{s.noDuplicates}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={data.duplicates}
            renderItem={(d) => (
              <List.Item key={d.id} actions={[applyButton('merge', fmt(s.applyMerge, { code: d.code }), { intoId: d.id })]}>
                <Flex vertical gap={2}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{d.code}</Typography.Text>
                    <Typography.Text type="secondary">{fmt(s.similarity, { p: pct(d.score) })}</Typography.Text>
                    {d.samePlace && <Tag>{s.samePlace}</Tag>}
                  </Flex>
                  <Typography.Text>{d.title ? `${d.title} — ` : ''}{d.excerpt}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
        <ProblemAlert error={error} />
      </Flex>
    </Card>
  );
}
