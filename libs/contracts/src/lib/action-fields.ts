/** An action field (Handlungsfeld) of the alliance, in both languages. */
export interface ActionFieldDto {
  id: string;
  slug: string;
  nameDe: string;
  nameEn: string;
  descriptionDe: string;
  descriptionEn: string;
  /** CSS colour used for cards and chips, e.g. `#8a4b08`. */
  color: string;
  /** Material Symbols icon name. */
  icon: string;
  position: number;
  archived: boolean;
}
