import type { ReactNode } from 'react';

/**
 * A table (or anything wide) that scrolls sideways inside its own box on narrow screens, so
 * the page never does (positioned, so that visually hidden cells inside stay inside too). Focusable and named, so that keyboard users can scroll it too.
 */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ position: 'relative', overflowX: 'auto', width: '100%', maxWidth: '100%', minWidth: 0 }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
