/**
 * Who a vote or a survey is for (docs/governance.md, Audiences). Every audience is made of
 * verified alumni: only verification makes one account one person. The kinds are resolved on
 * the server by the module that owns the data; a kind added later (a local branch, 分会) adds
 * its name here and a resolver there, and nothing else changes.
 */
export const AUDIENCE_KINDS = ['verified', 'graduation_years', 'group', 'council'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const AUDIENCE_KIND_LABELS: Record<AudienceKind, string> = {
  verified: '全体认证校友',
  graduation_years: '指定毕业年份',
  group: '指定群组成员',
  council: '校友理事会成员',
};

/** An audience as stored and sent: the kind, and the fields that kind needs. */
export interface AudienceSpec {
  kind: AudienceKind;
  /** graduation_years: the verified graduation year, both ends included. */
  yearFrom?: number | null;
  yearTo?: number | null;
  /** group: its active members. */
  groupId?: string | null;
}

/** An audience as shown: the spec, its words, and (to staff) how many it holds now. */
export interface AudienceDto extends AudienceSpec {
  label: string;
}

/** GET /staff/audiences/size: how many verified alumni an audience holds now. */
export interface AudienceSizeDto {
  label: string;
  size: number;
}
