// The colours the public page uses, as its stylesheet computes them (server/src/public/style.rs):
// the light or dark palette of the theme, the page's text colours on top (not in the dark half of
// an automatic theme, which keeps its own), and the status colours on top in every theme. The
// settings screen's preview renders with these. Pure, so it is unit-tested.
import type { ComponentStatus, StatusPageTheme } from '../../gql/graphql';

export interface Palette {
  bg: string;
  fg: string;
  fg2: string;
  border: string;
  link: string;
  panel: string;
  green: string;
  yellow: string;
  orange: string;
  red: string;
  blue: string;
  graph: string;
  nodata: string;
}

const LIGHT = { bg: '#ffffff', fg: '#1f2933', fg2: '#52606d', border: '#d9e2ec', link: '#1d4ed8', panel: '#f5f7fa' };
const DARK = { bg: '#0f1720', fg: '#e4e7eb', fg2: '#a7b1bc', border: '#334155', link: '#8ab4f8', panel: '#16212d' };
const STATUS = { green: '#1f9d55', yellow: '#d69e2e', orange: '#dd6b20', red: '#d92d20', blue: '#3b82f6', graph: '#3b82f6', nodata: '#b8c2cc' };

/** The colour settings the preview reads (the form's values: empty is "the default"). */
export interface Branding {
  theme: StatusPageTheme;
  cssBodyBackgroundColor: string;
  cssFontColor: string;
  cssLightFontColor: string;
  cssBorderColor: string;
  cssLinkColor: string;
  cssGreens: string;
  cssYellows: string;
  cssOranges: string;
  cssReds: string;
  cssBlues: string;
  cssGraphColor: string;
  cssNoData: string;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** A colour only when it is one the server would keep; anything else falls back. */
function colour(value: string, fallback: string): string {
  return HEX.test(value.trim()) ? value.trim() : fallback;
}

/** What a visitor sees: `dark` is the visitor's system setting, read only by `AUTO`. */
export function palette(branding: Branding, dark: boolean): Palette {
  const darkPalette = branding.theme === 'DARK' || (branding.theme === 'AUTO' && dark);
  const base = darkPalette ? DARK : LIGHT;
  const ownText = branding.theme !== 'AUTO' || !dark;
  const text = ownText
    ? {
        bg: colour(branding.cssBodyBackgroundColor, base.bg),
        fg: colour(branding.cssFontColor, base.fg),
        fg2: colour(branding.cssLightFontColor, base.fg2),
        border: colour(branding.cssBorderColor, base.border),
        link: colour(branding.cssLinkColor, base.link),
        panel: colour(branding.cssBodyBackgroundColor, base.panel),
      }
    : base;
  return {
    ...text,
    green: colour(branding.cssGreens, STATUS.green),
    yellow: colour(branding.cssYellows, STATUS.yellow),
    orange: colour(branding.cssOranges, STATUS.orange),
    red: colour(branding.cssReds, STATUS.red),
    blue: colour(branding.cssBlues, STATUS.blue),
    graph: colour(branding.cssGraphColor, STATUS.graph),
    nodata: colour(branding.cssNoData, STATUS.nodata),
  };
}

/** The palette colour of a component status. */
export function statusColour(p: Palette, status: ComponentStatus): string {
  switch (status) {
    case 'OPERATIONAL':
      return p.green;
    case 'DEGRADED_PERFORMANCE':
      return p.yellow;
    case 'PARTIAL_OUTAGE':
      return p.orange;
    case 'MAJOR_OUTAGE':
      return p.red;
    case 'UNDER_MAINTENANCE':
      return p.blue;
  }
}

const ORDER: ComponentStatus[] = ['OPERATIONAL', 'UNDER_MAINTENANCE', 'DEGRADED_PERFORMANCE', 'PARTIAL_OUTAGE', 'MAJOR_OUTAGE'];

/** The page's banner: the worst status of its components, operational without any. */
export function overallStatus(statuses: readonly ComponentStatus[]): ComponentStatus {
  return statuses.reduce<ComponentStatus>((worst, s) => (ORDER.indexOf(s) > ORDER.indexOf(worst) ? s : worst), 'OPERATIONAL');
}

export function bannerText(status: ComponentStatus): string {
  switch (status) {
    case 'OPERATIONAL':
      return 'All systems operational';
    case 'UNDER_MAINTENANCE':
      return 'Maintenance in progress';
    case 'DEGRADED_PERFORMANCE':
      return 'Degraded performance';
    case 'PARTIAL_OUTAGE':
      return 'Partial outage';
    case 'MAJOR_OUTAGE':
      return 'Major outage';
  }
}

/** WCAG relative luminance contrast of two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
