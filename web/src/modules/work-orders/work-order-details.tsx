import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import type { sv } from '../../app/i18n/sv.ts';
import { Detail, DetailSection } from '../../ui/detail-section.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';

/** The order's fields, grouped as JM and Familjebostäder group them. */
export function WorkOrderDetails({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = (key: keyof typeof sv.order.fields) => t(`order.fields.${key}`);
  const yesNo = (value: boolean | null) => (value === null ? null : value ? t('common.yes') : t('common.no'));
  const completed = order.completedAt !== null || order.actionDescription !== null;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <DetailSection title={t('order.sections.order')}>
        <Detail label={f('number')}>{order.number}</Detail>
        <Detail label={f('externalRef')}>{order.externalRef}</Detail>
        <Detail label={f('type')}>{labels.type(order.type)}</Detail>
        <Detail label={f('billable')}>{yesNo(order.billable)}</Detail>
        <Detail label={f('description')}>{order.description}</Detail>
        <Detail label={f('phrase')}>{order.phrase}</Detail>
        <Detail label={f('priority')}>{labels.priority(order.priority)}</Detail>
        <Detail label={f('client')}>
          {order.client.name}
          {order.orderedBy ? ` (${order.orderedBy.name})` : ''}
        </Detail>
        <Detail label={f('contractor')}>{order.contractor?.name}</Detail>
        <Detail label={f('contractorContact')}>{order.contractorContact?.name}</Detail>
      </DetailSection>

      <DetailSection title={t('order.sections.place')}>
        <Detail label={f('ownerName')}>{order.ownerName}</Detail>
        <Detail label={f('propertyName')}>{order.propertyName}</Detail>
        <Detail label={f('street')}>{order.street}</Detail>
        <Detail label={f('postalCode')}>{order.postalCode}</Detail>
        <Detail label={f('city')}>{order.city}</Detail>
        <Detail label={f('objectNumber')}>{order.objectNumber}</Detail>
        <Detail label={f('room')}>{order.room}</Detail>
        <Detail label={f('unit')}>{order.unit}</Detail>
      </DetailSection>

      <DetailSection title={t('order.sections.access')}>
        <Detail label={f('accessToApartment')}>{order.accessToApartment}</Detail>
        <Detail label={f('keyInfo')}>{order.keyInfo}</Detail>
        <Detail label={f('entryWithoutTenant')}>{yesNo(order.entryWithoutTenant)}</Detail>
        <Detail label={f('preferredTime')}>{order.preferredTime}</Detail>
      </DetailSection>

      <DetailSection title={t('order.sections.reporter')}>
        <Detail label={f('reporterName')}>{order.reporter.name}</Detail>
        {order.reporter.phones.length === 0 && <Detail label={t('order.phones.home')}>{null}</Detail>}
        {order.reporter.phones.map((phone) => (
          <Detail key={`${phone.kind}-${phone.number}`} label={t(`order.phones.${phone.kind}`)}>
            {phone.preferred && <span aria-hidden>*</span>}
            <Anchor href={`tel:${phone.number.replace(/[^+0-9]/g, '')}`} inherit>
              {phone.number}
            </Anchor>
            {phone.preferred && (
              <Text span inherit fw={600}>
                {' '}
                {t('order.phones.preferred')}
              </Text>
            )}
          </Detail>
        ))}
        <Detail label={f('email')}>
          {order.reporter.email && (
            <Anchor href={`mailto:${order.reporter.email}`} inherit>
              {order.reporter.email}
            </Anchor>
          )}
        </Detail>
      </DetailSection>

      <DetailSection title={t('order.sections.dates')}>
        <Detail label={f('orderedAt')}>{order.orderedAt && formatDateTime(order.orderedAt)}</Detail>
        <Detail label={f('contactBy')}>{order.contactBy && formatDate(order.contactBy)}</Detail>
        <Detail label={f('deliverBy')}>{order.deliverBy && formatDate(order.deliverBy)}</Detail>
        <Detail label={f('bookedAt')}>{order.bookedAt && formatDateTime(order.bookedAt)}</Detail>
        <Detail label={f('plannedAt')}>{order.plannedAt && formatDate(order.plannedAt)}</Detail>
        <Detail label={f('completedAt')}>{order.completedAt && formatDateTime(order.completedAt)}</Detail>
      </DetailSection>

      {completed && (
        <DetailSection title={t('order.sections.done')}>
          <Detail label={f('actionDescription')}>{order.actionDescription}</Detail>
          <Detail label={f('faultType')}>{order.faultType}</Detail>
          <Detail label={f('rootCause')}>{order.rootCause}</Detail>
          <Detail label={f('model')}>{order.model}</Detail>
          <Detail label={f('serialNumber')}>{order.serialNumber}</Detail>
        </DetailSection>
      )}
    </SimpleGrid>
  );
}
