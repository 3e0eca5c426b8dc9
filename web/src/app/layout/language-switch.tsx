import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { setLocale } from '../i18n/i18n.ts';

/** Offers the other language, named in that language ("English" / "Svenska"). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const target = t('app.otherLanguageCode') === 'en' ? 'en' : 'sv';
  return (
    <Button
      variant="subtle"
      color="gray"
      c="dark.9"
      size="compact-sm"
      lang={target}
      onClick={async () => {
        await setLocale(target);
        // Server texts (problem titles) come in the language asked for; fetch them anew.
        await queryClient.invalidateQueries();
      }}
    >
      {t('app.otherLanguage')}
    </Button>
  );
}
