import { useEffect, useState } from 'react';

/**
 * False in the server's rendering and until React has hydrated the page, true after: controls that need
 * JavaScript are disabled until then. Also marks `<html data-ready="true">`, which the browser tests wait for.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    document.documentElement.dataset['ready'] = 'true';
  }, []);
  return hydrated;
}
