import { Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Puts text on the clipboard; the older way where the Clipboard API is missing (plain HTTP on a LAN). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the older way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

/**
 * A value with a button that copies it, e.g. the invoice reference AO2375 for the invoice. In a list
 * (`inList`) the button's name also carries the value, so each row's button says what it copies.
 */
export function CopyValue({
  value,
  label,
  inList = false,
}: {
  value: string;
  label: string;
  inList?: boolean;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <Group gap="xs" wrap="nowrap" component="span">
      <Text span inherit fw={700} ff="monospace">
        {value}
      </Text>
      <Button
        variant="default"
        size="compact-sm"
        leftSection={
          state === 'copied' ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />
        }
        onClick={async () => setState((await copyText(value)) ? 'copied' : 'failed')}
      >
        {state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.failed') : t('copy.copy')}
        {inList && <VisuallyHidden> {value}</VisuallyHidden>}
      </Button>
      <VisuallyHidden role="status">
        {state === 'copied' ? t('copy.copiedValue', { value, label }) : ''}
      </VisuallyHidden>
    </Group>
  );
}
