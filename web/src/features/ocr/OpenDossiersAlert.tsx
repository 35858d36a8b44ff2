import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format.ts';
import { DOSSIER_STATUSES, labelOf } from '../dossiers/labels.ts';
import { fetchOpenDossiers, type OpenDossiersDto } from './ocrApi.ts';
import { fmt, useStrings } from './strings.ts';

const ID_NUMBER = /^[0-9A-Za-z]{6,20}$/;

/**
 * Duplicate warning at receipt: once a procedure is chosen and an ID number typed (or read from a scan), lists the
 * applicant's dossiers of the same procedure that are still being handled (code, receipt date, status). A warning,
 * never a block: the official may still receive.
 */
export function OpenDossiersAlert({ procedureId, idNumber }: { procedureId?: string; idNumber?: string }) {
  const { s, lang } = useStrings();
  const [items, setItems] = useState<OpenDossiersDto['items']>([]);
  const id = idNumber?.replace(/\s/g, '') ?? '';

  useEffect(() => {
    if (!procedureId || !ID_NUMBER.test(id)) {
      setItems([]);
      return;
    }
    const ctrl = new AbortController();
    // Typed digit by digit: ask once the typing pauses.
    const timer = setTimeout(() => {
      fetchOpenDossiers(procedureId, id, ctrl.signal)
        .then((r) => setItems(r.items))
        .catch(() => {
          if (!ctrl.signal.aborted) setItems([]);
        });
    }, 350);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [procedureId, id]);

  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="open-dossiers-warning"
      style={{ marginBottom: 16 }}
      title={fmt(s.duplicateTitle, { n: items.length })}
      description={
        <>
          <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
            {items.map((d) => (
              <li key={d.id}>
                <Link to={`/ho-so/${d.id}`} target="_blank">
                  {d.code}
                </Link>
                {` — ${fmt(s.receivedOn, { date: formatDateTime(d.receivedAt, { seconds: false, lang }) })} — ${labelOf(DOSSIER_STATUSES, d.status, lang)}`}
              </li>
            ))}
          </ul>
          {s.duplicateHint}
        </>
      }
    />
  );
}
