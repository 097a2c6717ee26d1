import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { UpdateProcessorInput } from '../../../contracts/processors.js';
import { processorRoutes } from '../../../contracts/processors.routes.js';
import type { RouteOutput } from '../../../contracts/http.js';
import { call, keyOf } from '../../app/api.js';
import { usePracticeParams } from '../../app/session.js';

export type Detail = RouteOutput<typeof processorRoutes.get>;

export const useProcessorParams = (processorId: string) => ({ ...usePracticeParams(), processorId });

/** The processor's answer put in the cache, and the list (only the list's answer) refreshed. */
export function useSetDetail(processorId: string) {
  const qc = useQueryClient();
  const params = useProcessorParams(processorId);
  return (d: Detail) => {
    qc.setQueryData(keyOf(processorRoutes.get, { params }), d);
    void qc.invalidateQueries({
      queryKey: keyOf(processorRoutes.list, { params: { practiceId: params.practiceId } }),
      exact: true,
    });
  };
}

/** A section's save: a PATCH naming only its own fields (the server merges), then a "saved" line until the next change. */
export function useSaveProcessor(processorId: string) {
  const params = useProcessorParams(processorId);
  const setDetail = useSetDetail(processorId);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: UpdateProcessorInput) => call(processorRoutes.update, { params, body }),
    onMutate: () => setSaved(false),
    onSuccess: (d) => {
      setDetail(d);
      setSaved(true);
    },
  });
  return { save, saved };
}
