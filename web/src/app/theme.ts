import { Button, type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Mantine's defaults, adjusted for WCAG 2.1 AA: shade 6 of blue (links, filled buttons) reaches only
 * 3.6:1 against white, shade 8 reaches 5:1; "dimmed" grey text and the red of error
 * messages are darkened for the same reason.
 */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  respectReducedMotion: true,
  // Long Swedish words in page titles must fit a 360 px phone.
  components: {
    // Mantine renders a dialog's header as <header>, which reads as a second page banner.
    ModalHeader: { defaultProps: { component: 'div' } },
    // A select's list is made when it opens, not kept hidden in the page: kept, each list was
    // placed beside its field as the page first drew, forcing a style and layout pass per select
    // (a quarter of the inbox's script time on a slow phone; docs/performance.md).
    Combobox: { defaultProps: { keepMounted: false } },
    // A filled button in shade 9 (Utförd in teal, Tacka nej in red) lightens to shade 8 on hover,
    // which drops its white text below 4.5:1; it darkens instead.
    Button: Button.extend({
      vars: (_theme, props) => {
        const filled = (props.variant ?? 'filled') === 'filled';
        const shade9 = typeof props.color === 'string' && /^[a-z]+\.9$/.test(props.color);
        if (!filled || !shade9) return { root: {} };
        const color = `var(--mantine-color-${(props.color as string).replace('.', '-')})`;
        return { root: { '--button-hover': `color-mix(in srgb, ${color} 82%, black)` } };
      },
    }),
  },
  headings: { sizes: { h1: { fontSize: 'clamp(1.625rem, 1.2rem + 1.8vw, 2.125rem)' } } },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
