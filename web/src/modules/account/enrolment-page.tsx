import '../../app/i18n/page-texts.ts';
import { Button, Group, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contract/session.ts';
import { meQuery } from '../session/session.api.ts';
import { profileQuery } from './account.api.ts';
import { AtGate, PublicCard } from './account-ui.tsx';
import { LogoutLink } from './logout-link.tsx';
import { SmsEnrolment } from './sms-enrolment.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';

const route = getRouteApi('/tvastegsverifiering');

/** Shown when a company of the user requires two-step verification and the user has none yet. */
export function EnrolmentPage() {
  return <AtGate gate="second_factor_enrolment">{(me) => <EnrolmentPageStep me={me} />}</AtGate>;
}

function EnrolmentPageStep({ me }: { me: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.enrolTitle')} – Ordning`);
  const profile = useQuery(profileQuery);
  const search = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [method, setMethod] = useState<'totp' | 'sms'>('totp');
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    await navigate({ href: search.redirect ?? '/', replace: true });
  };

  return (
    <PublicCard title={t('account.enrolTitle')} intro={t('account.enrolIntro')}>
      <Stack gap="md">
        {profile.data?.smsAvailable && (
          <Group gap="xs">
            {(['totp', 'sms'] as const).map((m) => (
              <Button
                key={m}
                variant={method === m ? 'filled' : 'default'}
                aria-pressed={method === m}
                onClick={() => setMethod(m)}
              >
                {m === 'totp' ? t('account.enableTotp') : t('account.enableSms')}
              </Button>
            ))}
          </Group>
        )}
        {method === 'sms' ? <SmsEnrolment phone={me.phone} onDone={done} /> : <TotpEnrolment onDone={done} />}
        <LogoutLink />
      </Stack>
    </PublicCard>
  );
}
