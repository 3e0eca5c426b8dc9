import { Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../ui/links.tsx';
import { openQuestionsQuery } from './questions.api.ts';

const SHOWN = 5;

/**
 * In the client's inbox: the Beställningsfrågor that wait for its answer, each a link to its order,
 * so a coordinator sees them first thing. Loaded on its own, after the list, and only for clients.
 */
export function OpenQuestionsNotice({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const questions = useQuery(openQuestionsQuery(orgId, SHOWN));
  const total = questions.data?.total ?? 0;
  if (total === 0) return null;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="open-questions-notice"
      style={{ borderLeft: '4px solid var(--mantine-color-orange-9)' }}
    >
      <Title order={2} size="h5" id="open-questions-notice" mb={4}>
        {t('inbox.openQuestions', { count: total })}
      </Title>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {questions.data?.items.map((q) => (
          <li key={q.id} style={{ marginTop: 4 }}>
            <AnchorLink to="/orgs/$orgId/work-orders/$id" params={{ orgId, id: q.workOrderId }} size="sm">
              {t('inbox.openQuestion', { number: q.workOrderNumber })}
            </AnchorLink>
            <Text span size="sm">
              {' '}
              {q.text.length > 120 ? `${q.text.slice(0, 119)}…` : q.text}
            </Text>
          </li>
        ))}
      </ul>
      {total > SHOWN && (
        <AnchorLink to="/orgs/$orgId/overview" params={{ orgId }} size="sm" mt={6} display="inline-block">
          {t('inbox.openQuestionsAll')}
        </AnchorLink>
      )}
    </Paper>
  );
}
