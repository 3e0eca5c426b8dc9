import '../../app/i18n/page-texts.ts';
import { Alert, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrgKind } from '../../../../contract/organizations.values.ts';
import { isApiError } from '../../app/api.ts';
import { formatDateTime, formatNumber } from '../../ui/format.ts';
import { AnchorLink } from '../../ui/links.tsx';
import { openQuestionsQuery } from './questions.api.ts';

const SHOWN = 50;

/**
 * Beställningsfrågor that wait for an answer: on Översikt the client's coordinators see what they
 * owe an answer to, the contractor what it still waits for; each opens its order.
 */
export function OpenQuestions({ orgId, orgKind }: { orgId: string; orgKind: OrgKind }) {
  const { t } = useTranslation();
  const questions = useQuery(openQuestionsQuery(orgId, SHOWN));
  const client = orgKind === 'client';
  return (
    <section aria-labelledby="open-questions">
      <Title order={2} size="h3" id="open-questions" mb="xs">
        {client ? t('openQuestions.titleClient') : t('openQuestions.titleContractor')}
      </Title>
      {questions.isPending ? (
        <Center py="md" role="status">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : questions.isError ? (
        <Alert color="red" role="alert">
          {isApiError(questions.error) && questions.error.title
            ? questions.error.title
            : t('common.unexpectedError')}
        </Alert>
      ) : questions.data.items.length === 0 ? (
        <Text>{client ? t('openQuestions.noneClient') : t('openQuestions.noneContractor')}</Text>
      ) : (
        <Stack gap="xs">
          {/* Every row has a link, so the keyboard reaches and scrolls a table wider than a phone. */}
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" fz="sm" striped aria-labelledby="open-questions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('openQuestions.order')}</Table.Th>
                  <Table.Th scope="col">{t('openQuestions.question')}</Table.Th>
                  <Table.Th scope="col">{t('openQuestions.askedBy')}</Table.Th>
                  <Table.Th scope="col">{t('openQuestions.askedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {questions.data.items.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>
                      <AnchorLink to="/orgs/$orgId/work-orders/$id" params={{ orgId, id: q.workOrderId }}>
                        {q.workOrderNumber}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', minWidth: 200 }}>
                      {q.text}
                    </Table.Td>
                    <Table.Td>{[q.askedBy?.name, q.askedByOrg.name].filter(Boolean).join(', ')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(q.askedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {questions.data.total > questions.data.items.length && (
            <Text size="sm">
              {t('openQuestions.more', {
                shown: formatNumber(questions.data.items.length),
                total: formatNumber(questions.data.total),
              })}
            </Text>
          )}
        </Stack>
      )}
    </section>
  );
}
