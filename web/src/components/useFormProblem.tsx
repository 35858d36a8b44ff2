import { useCallback, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError } from '../app/api.ts';
import { ProblemAlert } from './ProblemAlert.tsx';
import { useSubmitWith } from './useSubmit.ts';

type NamePath = Array<string | number>;
const toNamePath = (field: string): NamePath => field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/**
 * Shows a failed submission on a form: each server field message goes under its input (the server's field
 * path `grants.0.unitId` is the form's name path ['grants', 0, 'unitId']); the title and messages of fields
 * the form has no input for go in an alert.
 * `run(fn)` submits: it sets `busy`, clears the previous problem (its alert and the messages it put under inputs,
 * which antd would otherwise keep after the input changed), awaits `fn` and reports what it throws here,
 * resolving to fn's value or to undefined when it threw (see useSubmitWith).
 */
export function useFormProblem(form: FormInstance) {
  const [error, setError] = useState<unknown>();
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  /** The inputs the last problem wrote messages under, to take them away at the next submission. */
  const marked = useRef<NamePath[]>([]);

  const report = useCallback(
    (err: unknown) => {
      setError(err);
      if (!(err instanceof ApiError)) {
        setShown(new Set());
        return;
      }
      const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
      const byField = new Map<string, { name: NamePath; errors: string[] }>();
      for (const fe of err.fieldErrors) {
        const name = toNamePath(fe.field);
        if (!registered.has(JSON.stringify(name))) continue;
        const entry = byField.get(fe.field) ?? { name, errors: [] };
        entry.errors.push(fe.message);
        byField.set(fe.field, entry);
      }
      form.setFields([...byField.values()]);
      marked.current = [...byField.values()].map((f) => f.name);
      setShown(new Set(byField.keys()));
      // Bring the first wrong input into view for keyboard and screen-reader users.
      const first = [...byField.values()][0];
      if (first) form.scrollToField(first.name, { block: 'center', focus: true });
    },
    [form],
  );

  const clear = useCallback(() => {
    setError(undefined);
    setShown(new Set());
    if (marked.current.length) form.setFields(marked.current.map((name) => ({ name, errors: [] })));
    marked.current = [];
  }, [form]);

  const { busy, run } = useSubmitWith(clear, report);

  const alert = error ? <ProblemAlert error={error} shownFields={shown} style={{ marginBottom: 16 }} /> : null;
  return { report, clear, alert, error, busy, run };
}
