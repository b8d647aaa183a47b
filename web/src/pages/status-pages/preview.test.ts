import { describe, expect, it } from 'vitest';
import { bannerText, contrast, overallStatus, palette, statusColour, type Branding } from './preview';

const none: Branding = {
  theme: 'LIGHT',
  cssBodyBackgroundColor: '',
  cssFontColor: '',
  cssLightFontColor: '',
  cssBorderColor: '',
  cssLinkColor: '',
  cssGreens: '',
  cssYellows: '',
  cssOranges: '',
  cssReds: '',
  cssBlues: '',
  cssGraphColor: '',
  cssNoData: '',
};

describe('branding preview', () => {
  it('uses the public page defaults', () => {
    expect(palette(none, false)).toMatchObject({ bg: '#ffffff', fg: '#1f2933', green: '#1f9d55' });
    expect(palette({ ...none, theme: 'DARK' }, false)).toMatchObject({ bg: '#0f1720', fg: '#e4e7eb' });
  });

  it('puts the page colours on top, the panel on the page background', () => {
    const p = palette({ ...none, cssBodyBackgroundColor: '#fafafa', cssGreens: '#00ff00', cssLinkColor: '#123456' }, false);
    expect(p).toMatchObject({ bg: '#fafafa', panel: '#fafafa', green: '#00ff00', link: '#123456' });
  });

  it('keeps the dark palette of an automatic theme, status colours aside', () => {
    const branded = { ...none, theme: 'AUTO' as const, cssBodyBackgroundColor: '#fafafa', cssReds: '#aa0000' };
    expect(palette(branded, false)).toMatchObject({ bg: '#fafafa', red: '#aa0000' });
    expect(palette(branded, true)).toMatchObject({ bg: '#0f1720', red: '#aa0000' });
  });

  it('ignores what is not a #rrggbb colour, as the server does', () => {
    expect(palette({ ...none, cssFontColor: 'red;}body{display:none', cssGreens: '#12345g' }, false)).toMatchObject({ fg: '#1f2933', green: '#1f9d55' });
  });

  it('shows the worst component status in the banner', () => {
    expect(overallStatus([])).toBe('OPERATIONAL');
    expect(overallStatus(['OPERATIONAL', 'UNDER_MAINTENANCE'])).toBe('UNDER_MAINTENANCE');
    expect(overallStatus(['PARTIAL_OUTAGE', 'DEGRADED_PERFORMANCE', 'UNDER_MAINTENANCE'])).toBe('PARTIAL_OUTAGE');
    expect(bannerText(overallStatus(['MAJOR_OUTAGE', 'OPERATIONAL']))).toBe('Major outage');
    expect(statusColour(palette(none, false), 'UNDER_MAINTENANCE')).toBe('#3b82f6');
  });

  it('measures contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#1f2933', '#ffffff')).toBeGreaterThan(4.5);
  });
});
