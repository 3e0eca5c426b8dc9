import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RegisterObject } from '../../../../contract/properties.ts';
import { isApiError } from '../../app/api.ts';
import { notify } from '../../ui/notify.ts';
import { deletePart, type PartKind, registerKeys } from './register.api.ts';

/** What a change to an object's rooms, units or tenants does to what the page shows. */
export function useObjectUpdates(orgId: string, objectId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const saved = (object: RegisterObject) => {
    queryClient.setQueryData(registerKeys.object(orgId, objectId), object);
    // The lists show the tenant's name; they read it again when next shown.
    void queryClient.invalidateQueries({ queryKey: [...registerKeys.all(orgId), 'objects'] });
  };
  const stale = () => void queryClient.invalidateQueries({ queryKey: registerKeys.object(orgId, objectId) });
  const remove = useMutation({
    mutationFn: (args: { kind: PartKind; partId: string; name: string }) =>
      deletePart({ orgId, kind: args.kind, partId: args.partId }),
    onSuccess: (object, args) => {
      saved(object);
      notify(t('register.removed', { name: args.name }), 'success');
    },
    onError: (error) => {
      stale();
      notify(isApiError(error) ? error.title : t('common.unexpectedError'), 'error');
    },
  });
  return { saved, stale, remove };
}
