import '../../app/i18n/page-texts.ts';
import { Alert, Button, Center, Divider, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { profileQuery } from './account.api.ts';
import { problemText } from './account-ui.tsx';
import { ContactSection } from './contact-section.tsx';
import { PasswordSection } from './password-section.tsx';
import { SessionsSection } from './sessions-section.tsx';
import { TwoFactorSection } from './two-factor-section.tsx';

/** Kontaktuppgifter (Familjebostäder's menu): details, password, two-step verification, logins, my data. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.title')} – Ordning`);
  const profile = useQuery(profileQuery);

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <Title order={1}>{t('account.title')}</Title>
        <Text size="sm">{t('account.intro')}</Text>
      </div>
      {profile.isPending ? (
        <Center py="xl" role="status">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : profile.isError ? (
        <Alert color="red" role="alert">
          {problemText(profile.error, t)}
        </Alert>
      ) : (
        <>
          <ContactSection key={`${profile.data.name}-${profile.data.locale}`} profile={profile.data} />
          <Divider />
          <PasswordSection profile={profile.data} />
          <Divider />
          <TwoFactorSection profile={profile.data} />
          <Divider />
          <SessionsSection />
          <Divider />
          <Stack gap="xs" component="section" aria-labelledby="data-heading">
            <Title order={2} size="h3" id="data-heading">
              {t('account.myData')}
            </Title>
            <Text size="sm">{t('account.myDataIntro')}</Text>
            <div>
              <Button
                component="a"
                href="/api/me/data"
                download="ordning-mina-uppgifter.json"
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                {t('account.download')}
              </Button>
            </div>
          </Stack>
        </>
      )}
    </Stack>
  );
}
