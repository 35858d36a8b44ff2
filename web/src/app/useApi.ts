import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type RequestOptions } from './api.ts';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** True while `data` answers an earlier path or query than the current one (a new answer is on its way). */
  stale: boolean;
  /** Fetches again with the same path and query. */
  reload(): void;
}

/**
 * GETs `path` (null = nothing to fetch yet) and refetches when the path or query change. The previous data
 * stays on screen while the next answer loads, and an answer to an outdated request is dropped.
 */
export function useApi<T>(path: string | null, query?: RequestOptions['query']): ApiState<T> {
  const [data, setData] = useState<T>();
  const [dataKey, setDataKey] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${path}?${JSON.stringify(query ?? {})}`;
  const queryRef = useRef(query);
  queryRef.current = query;

  useEffect(() => {
    if (path === null) return;
    const ctrl = new AbortController();
    setLoading(true);
    api
      .get<T>(path, queryRef.current, ctrl.signal)
      .then((d) => {
        setData(d);
        setDataKey(key);
        setError(undefined);
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, { type: 'about:blank', title: String(err), status: 0, code: 'CLIENT' }));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
    // `key` stands for path + query
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, stale: data !== undefined && dataKey !== key, reload };
}

/** Loads something once per page load and shares it (unit kinds, role labels): a tiny module-level cache. */
export function cached<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((err: unknown) => {
      promise = undefined;
      throw err;
    });
    return promise;
  };
}
