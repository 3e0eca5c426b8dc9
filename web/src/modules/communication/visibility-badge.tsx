import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Visibility } from '../../../../contract/communication.ts';

/** Light backgrounds with near-black text (over 4.5:1); the word carries the meaning, not the colour. */
const colors: Record<Visibility, string> = { internal: 'orange.2', shared: 'gray.2', tenant: 'grape.2' };

/** Who sees an entry or a file: Intern (the contractor only), Delad, or also the reporter (Anmälare). */
export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colors[visibility]}
      c="dark.9"
      tt="none"
      radius="sm"
      title={t(`talk.visibilities.${visibility}`)}
      style={{ flexShrink: 0, maxWidth: 'none', minWidth: 'max-content', overflow: 'visible' }}
      styles={{ label: { overflow: 'visible', textOverflow: 'clip' } }}
    >
      {t(`talk.visibilityBadges.${visibility}`)}
    </Badge>
  );
}
