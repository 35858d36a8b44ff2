import { useCallback, useState } from 'react';

/** Awaits `fn` as one submission; see useSubmitWith. */
export type RunSubmission = <T>(fn: () => Promise<T>) => Promise<T | undefined>;

/**
 * Tracks a submission (a form's save, a button's action) and where its error goes.
 * `run(fn)` sets `busy`, calls `clear()` to remove the previous error, awaits `fn`, and resolves to what `fn`
 * resolved to; when `fn` throws it calls `report(err)` instead and resolves to undefined (it never rejects).
 * `busy` turns false once `fn` has settled, either way. Put the success steps (message, navigation, closing a
 * modal) inside `fn`, so that an error they throw is reported like the request's. `run` is stable while
 * `clear` and `report` are.
 */
export function useSubmitWith(clear: () => void, report: (err: unknown) => void): { busy: boolean; run: RunSubmission } {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      clear();
      try {
        return await fn();
      } catch (err) {
        report(err);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [clear, report],
  );
  return { busy, run };
}

/**
 * useSubmitWith for a page that shows the error itself: `setError` (usually a useState setter) gets undefined
 * when a run starts and the thrown error when it fails. Forms use useFormProblem(form).run instead.
 */
export function useSubmit(setError: (err: unknown) => void): { busy: boolean; run: RunSubmission } {
  const clear = useCallback(() => setError(undefined), [setError]);
  return useSubmitWith(clear, setError);
}
