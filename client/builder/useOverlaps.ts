import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Overlap } from '../../domain/overlaps';
import { overlapsQuery } from '../data/queries';
import { useDebounced } from '../data/use-debounced';

const NONE: Overlap[] = [];

/** Associations the members already belong to, confirmed by the server (debounced, through the query cache). */
export function useOverlaps(members: readonly string[]): Overlap[] {
  const asked = useDebounced(members, 300);
  const query = useQuery({ ...overlapsQuery(asked), enabled: asked.length > 0, placeholderData: keepPreviousData });
  // No members, or the server could not say: none shown.
  return members.length === 0 || query.isError ? NONE : (query.data ?? NONE);
}
