import { useEffect, useState } from 'react';

/** The time a page's relative times are counted from (one clock for the page), moving every 15 s. */
export function useNow(every = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(timer);
  }, [every]);
  return now;
}
