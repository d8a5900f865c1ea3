/** Kinds of inter-municipal association the atlas knows about. */
export const ASSOCIATION_KINDS = [
  'unione',
  'comunita_montana',
  'snai',
  'sll',
  'convenzione',
  'ali',
  'other',
] as const;

export type AssociationKind = (typeof ASSOCIATION_KINDS)[number];

export function isAssociationKind(value: string): value is AssociationKind {
  return (ASSOCIATION_KINDS as readonly string[]).includes(value);
}

export interface AssociationRef {
  id: number;
  kind: AssociationKind;
  name: string;
}
