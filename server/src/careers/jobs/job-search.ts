import { JOB_TYPE_LABELS } from '@alumni/shared';
import { searchText, textGrams } from '../../common/search-grams.js';
import type { JobPostEntity } from './job-post.entity.js';

/**
 * The filters as grams too (`city:杭州`), so a keyword within a filter is one GIN lookup of the
 * few posts that have both, not every post with the keyword read and then filtered
 * (docs/careers.md, Jobs: indexes and plans).
 */
export const filterGrams = (filters: { industry?: string; city?: string; type?: string }) =>
  (['industry', 'city', 'type'] as const).flatMap((key) => (filters[key] ? [`${key}:${filters[key]}`] : []));

/** The board's search text: what a keyword is looked for in (the description is not). */
export const searchable = (dto: Pick<JobPostEntity, 'title' | 'company' | 'industry' | 'city' | 'type'>) => {
  const text = searchText([dto.title, dto.company, dto.industry, dto.city, JOB_TYPE_LABELS[dto.type]]);
  return { searchText: text, searchGrams: [...textGrams(text), ...filterGrams(dto)] };
};
