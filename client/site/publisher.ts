import { useConfig } from '../data/queries';

/** The body that publishes this installation (PUBLISHER_NAME), as the server says. */
export function usePublisherName(): string {
  return useConfig()?.publisherName ?? 'ALI Atlas';
}
