import { Alert, Box, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify.ts';

/** The ten recovery codes, shown once: copy, download, and confirm they are saved. */
export function RecoveryCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const asText = `${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([asText], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'ordning-aterstallningskoder.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="sm">
      <Alert color="blue" variant="light" title={t('account.recoveryTitle')}>
        {t('account.recoveryIntro')}
      </Alert>
      <Box component="section" aria-label={t('account.recoveryTitle')}>
        <List type="ordered" ff="monospace" data-testid="recovery-codes">
          {codes.map((code) => (
            <List.Item key={code}>
              <Text span ff="monospace">
                {code}
              </Text>
            </List.Item>
          ))}
        </List>
      </Box>
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconCopy size={16} aria-hidden />}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(asText);
              notify(t('account.copied'), 'success');
            } catch {
              // No clipboard (plain HTTP, refused): the download button and the list remain.
            }
          }}
        >
          {t('account.copyCodes')}
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
          {t('account.downloadCodes')}
        </Button>
      </Group>
      <Group>
        <Button onClick={onDone}>{t('account.savedCodes')}</Button>
      </Group>
    </Stack>
  );
}
