import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCopy, IconLink, IconMailForward } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { copyText } from '../../ui/copy-value.tsx';
import { notify } from '../../ui/notify.ts';
import { createTenantLink, type TenantLink } from './communication.api.ts';

/**
 * Länk till anmälaren: a private link where the reporter follows the order and proposes visit times,
 * without an account. The link is shown once; making a new one stops the old one working.
 */
export function TenantLinkSection({ orgId, order }: { orgId: string; order: WorkOrder }) {
  const { t } = useTranslation();
  const [link, setLink] = useState<TenantLink | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const make = useMutation({
    mutationFn: (send: boolean) => createTenantLink({ orgId, id: order.id, send }),
    onSuccess: (made) => {
      setLink(made);
      notify(
        made.sentTo ? t('talk.tenantLink.sent', { to: made.sentTo }) : t('talk.tenantLink.made'),
        'success',
      );
    },
    onError: (error) => {
      const apiError = isApiError(error) ? error : null;
      setProblem(
        apiError?.fieldErrors.length
          ? apiError.fieldErrors.map((e) => e.message).join(' ')
          : apiError?.title || t('common.unexpectedError'),
      );
    },
  });
  const email = order.reporter.email;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tenant-link-title">
      <Title order={2} size="h4" id="tenant-link-title" mb="xs">
        {t('talk.tenantLink.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('talk.tenantLink.intro')}</Text>
        {link && (
          <Stack gap={4}>
            <TextInput
              label={t('talk.tenantLink.link')}
              description={t('talk.tenantLink.once')}
              value={link.url}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
            />
            <Group>
              <Button
                variant="default"
                size="compact-sm"
                leftSection={<IconCopy size={14} aria-hidden />}
                onClick={async () =>
                  notify((await copyText(link.url)) ? t('talk.tenantLink.copied') : t('copy.failed'))
                }
              >
                {t('talk.tenantLink.copy')}
              </Button>
            </Group>
          </Stack>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconLink size={16} aria-hidden />}
            loading={make.isPending && make.variables === false}
            disabled={make.isPending}
            onClick={() => {
              setProblem(null);
              make.mutate(false);
            }}
            mih={44}
          >
            {link ? t('talk.tenantLink.remake') : t('talk.tenantLink.make')}
          </Button>
          {email && (
            <Button
              variant="default"
              leftSection={<IconMailForward size={16} aria-hidden />}
              loading={make.isPending && make.variables === true}
              disabled={make.isPending}
              onClick={() => {
                setProblem(null);
                make.mutate(true);
              }}
              mih={44}
            >
              {t('talk.tenantLink.send', { email })}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
