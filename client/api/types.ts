import type { AssociationKind, AssociationRef } from '../../domain/associations';
import type { Contiguity } from '../../domain/contiguity';

/** JSON shapes of the API, as the client reads them. */
export interface ComuneDetails {
  code: string;
  name: string;
  cadastralCode: string | null;
  province: { code: string; name: string; acronym: string };
  region: { code: string; name: string };
  population: number | null;
  populationYear: number | null;
  areaKm2: number;
  densityPerKm2: number | null;
  small: boolean;
  innerAreaClass: string | null;
  travelMinutesToHub: number | null;
  hub: { code: string; name: string } | null;
  labelPoint: [number, number];
  bbox: [number, number, number, number];
  neighbours: string[];
  associations: AssociationRef[];
}

export interface SearchHit {
  code: string;
  name: string;
  provinceAcronym: string;
  regionName: string;
  population: number | null;
}

export interface AssociationDetails {
  id: number;
  kind: AssociationKind;
  name: string;
  period: string | null;
  members: { code: string; name: string; role: string | null }[];
  totals: { comuni: number; population: number; areaKm2: number; densityPerKm2: number | null; smallComuni: number };
  contiguity: Contiguity;
  outline: GeoJSON.Geometry | null;
}

export interface AssociationSummary {
  id: number;
  kind: AssociationKind;
  name: string;
  comuni: number;
}
