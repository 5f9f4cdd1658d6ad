export interface DepartmentDto {
  id: string;
  name: string;
}

export interface SchoolDto {
  name: string;
  shortName: string;
  motto: string | null;
  intro: string;
  logoUrl: string | null;
  foundedYear: number | null;
  city: string;
  departments: DepartmentDto[];
  /** How many alumni the association keeps records of, and how many groups exist. */
  stats: {
    alumni: number;
    groups: number;
  };
}
