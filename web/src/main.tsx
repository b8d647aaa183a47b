import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './index.css';
import { Alert, Anchor, Badge, MantineProvider, Modal, Notification, Table, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  // Darker shades for text on light backgrounds keep contrast at WCAG AA.
  primaryShade: { light: 7, dark: 8 },
  components: {
    // Links inside text are underlined, not told apart by colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } } }),
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: 'Dismiss' } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A badge (a status, a tag) never shrinks below its text: "DOWN", never "DO…".
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, minWidth: 'max-content' } } }),
    // On a phone a wide table scrolls inside its own box (index.css); keyboard users reach
    // that box, as they must any scrolling region.
    Table: Table.extend({ defaultProps: { tabIndex: 0 } }),
  },
});

// Light and subtle variants (badges, light buttons) put shade-9 text on tinted backgrounds;
// the default tints are too dark for AA in the light scheme: use the palest shades.
const TINTED = ['indigo', 'teal', 'red', 'orange', 'gray', 'blue', 'yellow', 'green'];
const lightText = Object.fromEntries(
  TINTED.flatMap((c) => [
    [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
    [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
    [`--mantine-color-${c}-light-hover`, `var(--mantine-color-${c}-1)`],
  ]),
);
// Shade 9 of orange and yellow is still below AA on their palest tints: darker text for those.
lightText['--mantine-color-orange-light-color'] = '#b23d0a';
lightText['--mantine-color-yellow-light-color'] = '#8f5a00';

// Mantine's default dimmed text is below WCAG AA contrast on the body colour; darken it.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-placeholder': 'var(--mantine-color-gray-6)', ...lightText },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={resolver}>
      <Notifications position="top-right" />
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </MantineProvider>
  </StrictMode>,
);
