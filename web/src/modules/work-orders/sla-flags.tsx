import { useTranslation } from 'react-i18next';
import { badgeClasses, Tag } from '../../ui/status-badge.tsx';

/**
 * The SLA flags of an order: its contact or delivery day has passed. Red for scanning, but the words
 * carry the meaning (WCAG 1.4.1); dark red on white reaches 7:1.
 */
export function SlaFlags({ contact, delivery }: { contact: boolean; delivery: boolean }) {
  const { t } = useTranslation();
  if (!contact && !delivery) return null;
  return (
    <div className={badgeClasses.flags}>
      {contact && <SlaFlag>{t('sla.contactOverdue')}</SlaFlag>}
      {delivery && <SlaFlag>{t('sla.deliveryOverdue')}</SlaFlag>}
    </div>
  );
}

export function SlaFlag({ children }: { children: string }) {
  return (
    <Tag bg="red-9" fg="white" size="sm">
      {children}
    </Tag>
  );
}
