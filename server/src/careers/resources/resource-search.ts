import { CAREER_TOPIC_LABELS, RESOURCE_KIND_LABELS } from '@alumni/shared';
import { searchText, textGrams } from '../../common/search-grams.js';
import type { CareerResourceEntity } from './career-resource.entity.js';

type Filters = { kind?: string; industry?: string | null; topic?: string };

/** The filters as grams too (`topic:interview`), so a keyword within a filter is one GIN lookup (as on the job board). */
export const resourceFilterGrams = (filters: Filters) =>
  (['kind', 'industry', 'topic'] as const).flatMap((key) => (filters[key] ? [`${key}:${filters[key]}`] : []));

/** What a keyword is looked for in: title, summary, kind, industry and topic (the body is not). */
export function searchableResource(dto: Pick<CareerResourceEntity, 'title' | 'summary' | 'kind' | 'industry' | 'topic'>) {
  const text = searchText([dto.title, dto.summary, RESOURCE_KIND_LABELS[dto.kind], dto.industry, CAREER_TOPIC_LABELS[dto.topic]]);
  return { searchText: text, searchGrams: [...textGrams(text), ...resourceFilterGrams(dto)] };
}
