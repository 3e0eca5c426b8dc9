import { Badge, CloseButton, Group } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { propertyQuery } from '../register/register.api.ts';

/**
 * The inbox narrowed to one property of the register ("Arbetsordrar för fastigheten"): shows which,
 * by its designation when the caller may read the register, and takes the filter away in one click.
 */
export function PropertyFilterChip({
  orgId,
  propertyId,
  readsRegister,
  onRemove,
}: {
  orgId: string;
  propertyId: string;
  readsRegister: boolean;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const property = useQuery({ ...propertyQuery(orgId, propertyId), enabled: readsRegister, retry: false });
  const name = property.data?.designation;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="lg" variant="light" color="blue.9" tt="none">
        {name ? t('inbox.propertyFilter', { name }) : t('inbox.propertyFilterUnnamed')}
      </Badge>
      <CloseButton size="sm" aria-label={t('inbox.removePropertyFilter')} onClick={onRemove} />
    </Group>
  );
}
