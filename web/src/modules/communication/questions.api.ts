import { queryOptions } from '@tanstack/react-query';
import type { QuestionItem } from '../../../../contract/communication.ts';
import { getJson } from '../../app/api.ts';

/** Kept apart from the rest of the order's talk, so the inbox's notice loads only this. */
export const questionKeys = {
  all: (orgId: string) => ['talk', orgId, 'questions'] as const,
};

/** Beställningsfrågor still waiting for the client's answer, on every order the user can reach. */
export function openQuestionsQuery(orgId: string, limit = 50) {
  return queryOptions({
    queryKey: [...questionKeys.all(orgId), 'open', limit],
    queryFn: ({ signal }) =>
      getJson<{ items: QuestionItem[]; total: number }>(
        `/api/orgs/${encodeURIComponent(orgId)}/questions?state=open&limit=${limit}`,
        { signal },
      ),
    staleTime: 30_000,
  });
}
