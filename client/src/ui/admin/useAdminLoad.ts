import { useCallback, useEffect, useState } from 'react';

/**
 * What an admin section shows from the server: fetched on mounting and on `reload`, with the error
 * kept as it came (worded at render time, so switching the language does not fetch again).
 */
export interface AdminLoad<T> {
  data: T | null;
  failed: { error: unknown } | null;
  reload: () => Promise<void>;
}

export function useAdminLoad<T>(fetch: () => Promise<T>): AdminLoad<T> {
  const [data, setData] = useState<T | null>(null);
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  const reload = useCallback(
    () =>
      fetch().then(
        (value) => {
          setData(value);
          setFailed(null);
        },
        (error: unknown) => setFailed({ error }),
      ),
    [fetch],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, failed, reload };
}
