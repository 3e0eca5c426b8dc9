import { Group } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../ui/links.tsx';

/** Up one level in the register: the property from an object, the list from a property. */
export function BackToProperty({
  orgId,
  propertyId,
  children,
}: {
  orgId: string;
  propertyId?: string | undefined;
  children: ReactNode;
}) {
  const content = (
    <Group gap={4} component="span" mih={32}>
      <IconArrowLeft size={16} aria-hidden />
      {children}
    </Group>
  );
  return propertyId ? (
    <AnchorLink to="/orgs/$orgId/register/properties/$propertyId" params={{ orgId, propertyId }} size="sm">
      {content}
    </AnchorLink>
  ) : (
    <AnchorLink to="/orgs/$orgId/register" params={{ orgId }} size="sm">
      {content}
    </AnchorLink>
  );
}
