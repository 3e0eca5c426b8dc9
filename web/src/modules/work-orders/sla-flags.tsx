import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The SLA flags of an order: its contact or delivery day has passed. Red for scanning, but the words
 * carry the meaning (WCAG 1.4.1); dark red on white reaches 7:1.
 */
export function SlaFlags({ contact, delivery }: { contact: boolean; delivery: boolean }) {
  const { t } = useTranslation();
  if (!contact && !delivery) return null;
  return (
    <Group gap={4} mt={4} wrap="wrap">
      {contact && <SlaFlag>{t('sla.contactOverdue')}</SlaFlag>}
      {delivery && <SlaFlag>{t('sla.deliveryOverdue')}</SlaFlag>}
    </Group>
  );
}

export function SlaFlag({ children }: { children: string }) {
  return (
    <Badge
      color="red.9"
      c="white"
      size="sm"
      tt="none"
      radius="sm"
      style={{ minWidth: 'max-content', overflow: 'visible' }}
    >
      {children}
    </Badge>
  );
}
