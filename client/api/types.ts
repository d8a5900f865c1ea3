export type { AssociationDetails, AssociationSummary, ComuneDetails, SearchHit } from '../../domain/api-types';
