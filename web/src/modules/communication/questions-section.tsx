import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkOrder } from '../../../../contract/work-orders.ts';
import { isApiError } from '../../app/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { notify } from '../../ui/notify.ts';
import { workOrderKeys } from '../work-orders/work-orders.api.ts';
import { answerQuestion, talkKeys } from './communication.api.ts';
import { type OrderQuestion, questionsOf } from './talk.ts';

/**
 * Beställningsfrågor on the order (Familjebostäder step 8): each question, who asked it and when, and
 * its Beställningssvar; the client's coordinators answer the open ones here.
 */
export function QuestionsSection({
  orgId,
  order,
  canAnswer,
}: {
  orgId: string;
  order: WorkOrder;
  /** The client's people who may answer (administrators and coordinators). */
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const questions = questionsOf(order.events);
  if (questions.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="questions-title">
      <Title order={2} size="h4" id="questions-title" mb="sm">
        {t('talk.questions.title')}
      </Title>
      <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {questions.map((question) => (
          <QuestionItem
            key={question.id}
            orgId={orgId}
            order={order}
            question={question}
            canAnswer={canAnswer}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function QuestionItem({
  orgId,
  order,
  question,
  canAnswer,
}: {
  orgId: string;
  order: WorkOrder;
  question: OrderQuestion;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    initialValues: { text: '' },
    validate: { text: (value) => (value.trim() ? null : t('talk.questions.answerRequired')) },
  });
  const answer = useMutation({
    mutationFn: (text: string) => answerQuestion({ orgId, id: order.id, questionId: question.id, text }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orgId, order.id) });
      void queryClient.invalidateQueries({ queryKey: talkKeys.questions(orgId) });
      notify(t('talk.questions.answered', { org: question.askedByOrg ?? '' }), 'success');
    },
    onError: (error) => {
      if (isApiError(error, 409)) {
        notify(error.title, 'warning');
        void queryClient.invalidateQueries({ queryKey: workOrderKeys.detail(orgId, order.id) });
        return;
      }
      if (isApiError(error, 400) && error.fieldErrors.length) {
        form.setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
        return;
      }
      setProblem(isApiError(error) && error.title ? error.title : t('common.unexpectedError'));
    },
  });
  const asker = [question.askedBy, question.askedByOrg].filter(Boolean).join(', ');
  const labelId = `question-${question.id}`;

  return (
    <li
      aria-labelledby={labelId}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)', paddingTop: 12 }}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} size="sm" id={labelId}>
            {t('talk.events.question')}
          </Text>
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{question.text}</Text>
          <Text size="sm" c="dimmed">
            {asker} · {formatDateTime(question.askedAt)}
          </Text>
        </div>
        <Badge
          color={question.answer ? 'teal.9' : 'orange.4'}
          c={question.answer ? 'white' : 'dark.9'}
          tt="none"
          radius="sm"
          style={{ flexShrink: 0 }}
        >
          {question.answer ? t('talk.questions.stateAnswered') : t('talk.questions.stateOpen')}
        </Badge>
      </Group>
      {question.answer ? (
        <div style={{ marginTop: 8, paddingLeft: 12, borderLeft: '3px solid var(--mantine-color-teal-9)' }}>
          <Text fw={700} size="sm">
            {t('talk.questions.answer')}
          </Text>
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{question.answer.text}</Text>
          <Text size="sm" c="dimmed">
            {[question.answer.by, formatDateTime(question.answer.at)].filter(Boolean).join(' · ')}
          </Text>
        </div>
      ) : canAnswer ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setProblem(null);
            answer.mutate(values.text.trim());
          })}
        >
          <Stack gap="xs" mt="sm">
            <Textarea
              label={t('talk.questions.answer')}
              required
              autosize
              minRows={2}
              maxLength={4000}
              {...form.getInputProps('text')}
            />
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={answer.isPending} mih={44}>
                {t('talk.questions.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </li>
  );
}
