import { Alert, Anchor, Button, Center, Grid, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { devMailQuery, rawMailUrl, type StoredMail } from './dev-mail.api.ts';

/** The development mailbox: what the server would have sent, newest first. */
export function DevMailPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('devMail.title')} – Ordning`);
  const mail = useQuery({ ...devMailQuery, refetchInterval: 10_000 });
  const [selectedId, setSelectedId] = useState<string | null>(null);

  if (mail.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (mail.isError) {
    if (isApiError(mail.error, 404)) {
      return (
        <Stack gap="md" maw={720}>
          <Title order={1}>{t('devMail.smtpTitle')}</Title>
          <Text>{t('devMail.smtpText')}</Text>
        </Stack>
      );
    }
    throw mail.error;
  }

  const items = [...mail.data.items].sort((a, b) => b.date.localeCompare(a.date));
  const selected = items.find((m) => m.id === selectedId) ?? null;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('devMail.title')}</Title>
        <Text c="dimmed">{t('devMail.intro')}</Text>
      </div>
      {items.length === 0 ? (
        <Text>{t('devMail.empty')}</Text>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Table highlightOnHover>
              <Table.Caption>{t('devMail.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
                    {t('devMail.date')}
                  </Table.Th>
                  <Table.Th scope="col">{t('devMail.to')}</Table.Th>
                  <Table.Th scope="col">{t('devMail.subject')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((m) => (
                  <Table.Tr key={m.id} bg={m.id === selectedId ? 'blue.0' : undefined}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.date)}</Table.Td>
                    <Table.Td>{m.to.join(', ')}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setSelectedId(m.id)}
                        aria-current={m.id === selectedId ? 'true' : undefined}
                        ta="left"
                      >
                        {m.subject}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            {selected ? <MailView mail={selected} /> : <Alert variant="light">{t('devMail.select')}</Alert>}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

function MailView({ mail }: { mail: StoredMail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="article" aria-labelledby="mail-subject">
      <Stack gap="sm">
        <Title order={2} size="h3" id="mail-subject">
          {mail.subject}
        </Title>
        <Text size="sm">
          {t('devMail.from')}: {mail.from}
          <br />
          {t('devMail.to')}: {mail.to.join(', ')}
          <br />
          {t('devMail.date')}: {formatDateTime(mail.date)}
        </Text>
        <div>
          <Button
            component="a"
            href={rawMailUrl(mail.id)}
            download={`${mail.id}.eml`}
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
          >
            {t('devMail.download')}
          </Button>
        </div>
        <Title order={3} size="h4">
          {t('devMail.html')}
        </Title>
        {/* An empty sandbox: the mail's HTML may not run scripts, submit forms or reach this app. */}
        <iframe
          title={t('devMail.htmlFrame')}
          sandbox=""
          srcDoc={mail.html}
          style={{ width: '100%', height: 420, border: '1px solid var(--mantine-color-default-border)' }}
        />
        <Title order={3} size="h4">
          {t('devMail.text')}
        </Title>
        <Text
          component="pre"
          size="sm"
          style={{ whiteSpace: 'pre-wrap', fontFamily: 'var(--mantine-font-family-monospace)' }}
        >
          {mail.text}
        </Text>
      </Stack>
    </Paper>
  );
}
