import { Anchor, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import type { sv } from '../../app/i18n/sv.ts';
import { CopyValue } from '../../ui/copy-value.tsx';
import { Detail, DetailSection } from '../../ui/detail-section.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useLabels } from '../../ui/labels.ts';
import { BundleSection } from './bundle-section.tsx';
import { SlaFlag } from './sla-flags.tsx';
import { telHref } from './tel.ts';

const URL_PATTERN = /^https?:\/\/\S+$/i;

type Props = { orgId: string; order: WorkOrder; canAcceptBundle: boolean };

/**
 * The order's fields, grouped as JM and Familjebostäder group them: the order, the object, what it
 * concerns (Avser), access, the tenant, the orderer, dates, invoicing, the bundle, the work done.
 */
export function WorkOrderDetails({ orgId, order, canAcceptBundle }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = (key: keyof typeof sv.order.fields) => t(`order.fields.${key}`);
  const yesNo = (value: boolean | null) => (value === null ? null : value ? t('common.yes') : t('common.no'));
  const completed = order.completedAt !== null || order.actionDescription !== null;
  const phone = (number: string) => (
    <Anchor href={telHref(number)} inherit>
      {number}
    </Anchor>
  );

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
        <Detail label={f('contractor')}>{order.contractor?.name}</Detail>
        <Detail label={f('contractorContact')}>{order.contractorContact?.name}</Detail>
        {order.registeredByContractor && (
          <Detail label={f('registeredBy')}>{t('order.registeredByContractor')}</Detail>
        )}
      </DetailSection>

      <DetailSection title={t('order.sections.place')}>
        <Detail label={f('ownerName')}>{order.ownerName}</Detail>
        <Detail label={f('propertyName')}>{order.propertyName}</Detail>
        <Detail label={f('street')}>{order.street}</Detail>
        <Detail label={f('postalCode')}>{order.postalCode}</Detail>
        <Detail label={f('city')}>{order.city}</Detail>
        <Detail label={f('objectNumber')}>{order.objectNumber}</Detail>
        <Detail label={f('objectType')}>{order.objectType}</Detail>
        <Detail label={f('floor')}>{order.floor}</Detail>
      </DetailSection>

      <DetailSection title={t('order.sections.concerns')}>
        <Detail label={f('room')}>{order.room}</Detail>
        <Detail label={f('unit')}>
          {order.unit && (order.unitIsAppliance ? `${order.unit} (${t('order.appliance')})` : order.unit)}
        </Detail>
        <Detail label={f('unitType')}>{order.unitType}</Detail>
        <Detail label={f('model')}>{order.model}</Detail>
        <Detail label={f('serialNumber')}>{order.serialNumber}</Detail>
        <Detail label={f('unitInstalledOn')}>
          {order.unitInstalledOn && formatDate(order.unitInstalledOn)}
        </Detail>
        <Detail label={f('unitLastMaintenanceOn')}>
          {order.unitLastMaintenanceOn && formatDate(order.unitLastMaintenanceOn)}
        </Detail>
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
        {order.reporter.phones.map((p) => (
          <Detail key={`${p.kind}-${p.number}`} label={t(`order.phones.${p.kind}`)}>
            {p.preferred && <span aria-hidden>*</span>}
            {phone(p.number)}
            {p.preferred && (
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
        <Detail label={f('moveInOn')}>
          {order.reporter.moveInOn && formatDate(order.reporter.moveInOn)}
        </Detail>
      </DetailSection>

      <DetailSection title={t('order.sections.client')}>
        <Detail label={f('client')}>{order.client.name}</Detail>
        <Detail label={f('orderedBy')}>{order.orderedBy?.name}</Detail>
        <Detail label={f('clientContact')}>{order.clientContact?.name}</Detail>
        {order.clientContact?.email && (
          <Detail label={f('email')}>
            <Anchor href={`mailto:${order.clientContact.email}`} inherit>
              {order.clientContact.email}
            </Anchor>
          </Detail>
        )}
        {order.clientContact?.phone && <Detail label={f('phone')}>{phone(order.clientContact.phone)}</Detail>}
      </DetailSection>

      <DetailSection title={t('order.sections.dates')}>
        <Detail label={f('orderedAt')}>{order.orderedAt && formatDateTime(order.orderedAt)}</Detail>
        <Detail label={f('contactBy')}>
          {order.contactBy && (
            <>
              {formatDate(order.contactBy)}
              {order.contactOverdue && <Overdue>{t('sla.contactOverdue')}</Overdue>}
            </>
          )}
        </Detail>
        <Detail label={f('deliverBy')}>
          {order.deliverBy && (
            <>
              {formatDate(order.deliverBy)}
              {order.deliveryOverdue && <Overdue>{t('sla.deliveryOverdue')}</Overdue>}
            </>
          )}
        </Detail>
        <Detail label={f('bookedAt')}>{order.bookedAt && formatDateTime(order.bookedAt)}</Detail>
        <Detail label={f('plannedAt')}>{order.plannedAt && formatDate(order.plannedAt)}</Detail>
        <Detail label={f('completedAt')}>{order.completedAt && formatDateTime(order.completedAt)}</Detail>
        {order.visibleToContractorUntil && (
          <Detail label={f('visibleToContractorUntil')}>{formatDate(order.visibleToContractorUntil)}</Detail>
        )}
      </DetailSection>

      {order.invoice && (
        <DetailSection title={t('order.sections.invoice')}>
          <Detail label={f('invoiceReference')}>
            <CopyValue value={order.invoice.reference} label={f('invoiceReference')} />
          </Detail>
          <Detail label={f('invoiceMarking')}>{order.invoice.marking}</Detail>
          <Detail label={f('projectNumber')}>{order.invoice.projectNumber}</Detail>
          <Detail label={f('invoiceAddress')}>
            {order.invoice.address && URL_PATTERN.test(order.invoice.address) ? (
              <Anchor href={order.invoice.address} target="_blank" rel="noopener noreferrer" inherit>
                {order.invoice.address}
              </Anchor>
            ) : (
              order.invoice.address
            )}
          </Detail>
        </DetailSection>
      )}

      {order.bundle && (
        <BundleSection orgId={orgId} order={order} bundle={order.bundle} canAccept={canAcceptBundle} />
      )}

      {completed && (
        <DetailSection title={t('order.sections.done')}>
          <Detail label={f('actionDescription')}>{order.actionDescription}</Detail>
          <Detail label={f('faultType')}>{order.faultType}</Detail>
          <Detail label={f('rootCause')}>{order.rootCause}</Detail>
        </DetailSection>
      )}
    </SimpleGrid>
  );
}

function Overdue({ children }: { children: string }) {
  return (
    <>
      {' '}
      <SlaFlag>{children}</SlaFlag>
    </>
  );
}
