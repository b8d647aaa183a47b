import { Box, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type CSSProperties } from 'react';
import type { ComponentStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { bannerText, contrast, overallStatus, palette, statusColour, type Branding } from './preview';

export interface PreviewContent extends Branding {
  name: string;
  headline: string;
  description: string;
  supportUrl: string;
}

export interface PreviewComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  showcase: boolean;
}

/** A small rendering of the public page with the settings as they are typed: colours, images, texts. */
export function BrandingPreview({ content, logo, hero, components }: { content: PreviewContent; logo?: string | null; hero?: string | null; components: PreviewComponent[] }) {
  const [scheme, setScheme] = useState<'light' | 'dark'>('light');
  const p = palette(content, scheme === 'dark');
  const status = overallStatus(components.map((c) => c.status));
  const shown = components.length ? components.slice(0, 6) : [{ id: 'example', name: 'Your first component', status: 'OPERATIONAL' as const, showcase: true }];
  const frame: CSSProperties = { background: p.bg, color: p.fg, border: `1px solid ${p.border}`, borderRadius: 8, overflow: 'hidden', fontSize: 13, lineHeight: 1.45 };
  const warnings = [
    contrast(p.fg, p.bg) < 4.5 && 'Text on the background is hard to read (contrast below 4.5:1).',
    contrast(p.fg2, p.bg) < 4.5 && 'Secondary text on the background is hard to read (contrast below 4.5:1).',
    contrast(p.link, p.bg) < 4.5 && 'Links on the background are hard to read (contrast below 4.5:1).',
  ].filter((w): w is string => Boolean(w));
  return (
    <Stack gap="xs">
      <Text fw={600} id="branding-preview-label">
        Preview
      </Text>
      {content.theme === 'AUTO' && (
        <SegmentedControl
          size="xs"
          aria-label="Preview as a visitor using"
          value={scheme}
          onChange={(value) => setScheme(value as 'light' | 'dark')}
          data={[
            { value: 'light', label: 'Light system' },
            { value: 'dark', label: 'Dark system' },
          ]}
        />
      )}
      <Box component="figure" m={0} aria-labelledby="branding-preview-label" style={frame} data-testid="branding-preview" data-theme={scheme}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '10px 12px', borderBottom: `1px solid ${p.border}` }}>
          {logo && <img src={logo} alt={`${content.name} logo`} style={{ maxHeight: 28, maxWidth: 110 }} data-testid="preview-logo" />}
          <span style={{ fontWeight: 600, fontSize: 15 }}>{content.name || 'Your page'}</span>
          {content.supportUrl && <span style={{ marginLeft: 'auto', color: p.link, textDecoration: 'underline' }}>Get help</span>}
        </div>
        {hero && <img src={hero} alt="" style={{ display: 'block', width: '100%', maxHeight: 90, objectFit: 'cover' }} data-testid="preview-hero" />}
        <div style={{ padding: 12 }}>
          {content.headline && <div style={{ fontWeight: 600, marginBottom: 4 }}>{content.headline}</div>}
          {content.description && <div style={{ color: p.fg2, marginBottom: 8, whiteSpace: 'pre-wrap', maxHeight: 60, overflow: 'hidden' }}>{content.description}</div>}
          <div style={{ background: p.panel, border: `1px solid ${p.border}`, boxShadow: `inset 6px 0 0 ${statusColour(p, status)}`, padding: '8px 10px 8px 16px', borderRadius: 6, fontWeight: 600, marginBottom: 10 }} data-testid="preview-banner">
            {bannerText(status)}
          </div>
          <div style={{ border: `1px solid ${p.border}`, borderRadius: 6 }}>
            {shown.map((c, i) => (
              <div key={c.id} style={{ padding: '8px 10px', borderTop: i ? `1px solid ${p.border}` : undefined }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  <span>{c.name}</span>
                  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, color: p.fg2 }}>
                    <span aria-hidden style={{ width: 9, height: 9, borderRadius: 9, background: statusColour(p, c.status), display: 'inline-block' }} />
                    {enumLabel(c.status)}
                  </span>
                </div>
                {c.showcase && (
                  <div aria-hidden style={{ display: 'flex', gap: 1, height: 14, marginTop: 6 }}>
                    {Array.from({ length: 30 }, (_, day) => (
                      <span key={day} style={{ flex: 1, borderRadius: 1, background: day < 4 ? p.nodata : day === 21 ? p.orange : day === 26 ? p.yellow : p.green }} />
                    ))}
                  </div>
                )}
              </div>
            ))}
          </div>
          <div style={{ marginTop: 8, color: p.fg2 }}>
            Past incidents · <span style={{ color: p.link, textDecoration: 'underline' }}>History</span>
          </div>
        </div>
      </Box>
      {warnings.map((w) => (
        <Text key={w} size="xs" c="var(--mantine-color-orange-light-color)">
          {w}
        </Text>
      ))}
    </Stack>
  );
}
