import { i18n } from '../app/i18n/i18n.ts';

type Tone = 'success' | 'warning' | 'error' | 'info';

// Dark shades: the coloured bar and icon stay visible, and nothing relies on colour alone.
const colors: Record<Tone, string> = {
  success: 'teal.9',
  warning: 'orange.9',
  error: 'red.9',
  info: 'blue.8',
};

/**
 * A short message in the corner (announced to screen readers), with a labelled close button. The
 * notifications code loads after the first screen (app.tsx), so the message is handed over when it
 * is there — at once, after the first message.
 */
export function notify(message: string, tone: Tone = 'info', options: { id?: string } = {}) {
  void import('@mantine/notifications')
    .then(({ notifications }) =>
      notifications.show({
        id: options.id,
        message,
        color: colors[tone],
        autoClose: tone === 'error' || tone === 'warning' ? 8000 : 4000,
        closeButtonProps: { 'aria-label': i18n.t('common.close') },
      }),
    )
    // Offline before the code came: the message is lost, as the page says what matters itself.
    .catch(() => undefined);
}
