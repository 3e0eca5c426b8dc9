import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../../contract/agreements.ts';
import { priorities } from '../../../../contract/work-orders.values.ts';
import { Detail, DetailSection } from '../../ui/detail-section.tsx';
import { useLabels } from '../../ui/labels.ts';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { describeRule, referenceExample } from './agreement-form.ts';

/** The terms as both parties read them: types, SLA per priority, close-out, phrases, invoicing. */
export function AgreementView({ agreement: a }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const list = (items: string[]) => (
    <Stack component="ul" gap={2} p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </Stack>
  );

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="sla-title">
        <Title order={2} size="h4" id="sla-title" mb="xs">
          {t('agreements.slaTitle')}
        </Title>
        <Text size="sm" mb="sm">
          {t('agreements.slaIntro')}
        </Text>
        <ScrollTable minWidth={420} label={t('agreements.slaTitle')}>
          <Table fz="sm" striped aria-labelledby="sla-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('order.fields.priority')}</Table.Th>
                <Table.Th scope="col">{t('order.fields.contactBy')}</Table.Th>
                <Table.Th scope="col">{t('order.fields.deliverBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {priorities.map((p) => (
                <Table.Tr key={p}>
                  <Table.Th scope="row">{labels.priority(p)}</Table.Th>
                  <Table.Td>{describeRule(a.slaRules[p].contactBy, t)}</Table.Td>
                  <Table.Td>{describeRule(a.slaRules[p].deliverBy, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <DetailSection title={t('agreements.coverageTitle')}>
          <Detail label={t('agreements.orderTypes')}>
            {a.orderTypes.map((type) => labels.type(type)).join(', ')}
          </Detail>
          <Detail label={t('agreements.visibleDays')}>
            {t('agreements.days', { count: a.completedVisibleDays })}
          </Detail>
        </DetailSection>
        <DetailSection title={t('agreements.invoiceTitle')}>
          <Detail label={t('agreements.template')}>
            {`${a.invoiceReferenceTemplate} (${t('agreements.templateExample', {
              example: referenceExample(a.invoiceReferenceTemplate),
            })})`}
          </Detail>
          <Detail label={t('order.fields.invoiceMarking')}>{a.invoiceMarking}</Detail>
          <Detail label={t('order.fields.projectNumber')}>{a.projectNumber}</Detail>
          <Detail label={t('order.fields.invoiceAddress')}>{a.invoiceAddress}</Detail>
        </DetailSection>
        <DetailSection title={t('agreements.closeOutTitle')}>
          <Detail label={t('agreements.requireFaultType')}>{yesNo(a.requireFaultType)}</Detail>
          <Detail label={t('agreements.requireRootCause')}>{yesNo(a.requireRootCause)}</Detail>
          <Detail label={t('agreements.faultTypes')}>{list(a.faultTypes)}</Detail>
          <Detail label={t('agreements.rootCauses')}>{list(a.rootCauses)}</Detail>
        </DetailSection>
        <DetailSection title={t('agreements.phrasesTitle')}>
          <Detail label={t('agreements.phrases')}>{list(a.phrases)}</Detail>
        </DetailSection>
      </SimpleGrid>
    </Stack>
  );
}
