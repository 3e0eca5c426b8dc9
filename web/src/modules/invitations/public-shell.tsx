import { Box, Container, Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/layout/language-switch.tsx';

/** The frame of the pages reached from a mailed link, before anyone is logged in (like the login page). */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="main" mih="100vh" bg="gray.0" py="xl">
      <Container size={520}>
        <Group justify="space-between" mb="lg">
          <Text fw={700} fz="xl">
            {t('app.name')}
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
