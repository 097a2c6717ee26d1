import '@mantine/core/styles.css';
import './app/app.css';
import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import './i18n/index.js';
import { App } from './app/App.js';
import { SessionProvider } from './app/session.js';

// Calm colours with enough contrast for WCAG AA (axe checks every page).
// Alert titles in the text colour: the light orange and yellow alerts' own title colour fails WCAG AA contrast.
const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  defaultRadius: 'md',
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  components: { Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } } },
});
/** Secondary text one shade darker than Mantine's default, for the 4.5:1 contrast of WCAG AA. */
/** Hovered buttons and teal text on light backgrounds get a darker teal than Mantine's (measured by axe). */
const DARK_TEAL = '#06664a';
const cssVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-teal-filled-hover': DARK_TEAL,
    '--mantine-primary-color-filled-hover': DARK_TEAL,
    '--mantine-color-teal-light-color': DARK_TEAL,
    '--mantine-primary-color-light-color': DARK_TEAL,
    // A field's error message: Mantine's red 6 on white is 3.5:1; red 9 is 5.4:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
