import { Alert, Button, Flex, Input, Radio } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../app/api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { CRITERIA, SCALE, type Criterion } from '../satisfaction/strings.ts';
import { useStrings } from './strings.ts';

const KEYS = Object.keys(CRITERIA) as Criterion[];

/**
 * The signed-in citizen rates their returned dossier once (POST /api/v1/ratings, the same SIPAS criteria as the
 * counter's kiosk). Each criterion is a labelled group of five choices; nothing is sent until every one is chosen.
 */
export function PortalRating({ dossierCode }: { dossierCode: string }) {
  const { s, lang } = useStrings();
  const [scores, setScores] = useState<Partial<Record<Criterion, number>>>({});
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'form' | 'busy' | 'done' | 'already'>('form');
  const [error, setError] = useState<unknown>();
  const [key] = useState(() => crypto.randomUUID());
  const complete = KEYS.every((k) => scores[k]);

  const send = async () => {
    setState('busy');
    setError(undefined);
    try {
      await api.post('/api/v1/ratings', { dossierCode, scores, ...(comment.trim() ? { comment: comment.trim() } : {}) }, { 'idempotency-key': key });
      setState('done');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setState('already');
      else {
        setError(err);
        setState('form');
      }
    }
  };

  if (state === 'done') return <Alert type="success" showIcon role="status" title={s.rateThanks} />;
  if (state === 'already') return <Alert type="info" showIcon role="status" title={s.rateAlready} />;
  return (
    <Flex vertical gap={12} data-testid="portal-rating">
      <p className="portal-help">{s.rateHelp}</p>
      {KEYS.map((k) => (
        <fieldset key={k} className="portal-fieldset">
          <legend className="portal-label">{CRITERIA[k][lang]}</legend>
          <Radio.Group
            value={scores[k]}
            onChange={(e) => setScores({ ...scores, [k]: e.target.value as number })}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: SCALE[n][lang] }))}
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          />
        </fieldset>
      ))}
      <label htmlFor="rating-comment" className="portal-label">
        {s.rateComment}
      </label>
      <Input.TextArea id="rating-comment" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      <ProblemAlert error={error} />
      <Button type="primary" disabled={!complete} loading={state === 'busy'} onClick={() => void send()} style={{ alignSelf: 'flex-start' }}>
        {s.rateSend}
      </Button>
    </Flex>
  );
}
