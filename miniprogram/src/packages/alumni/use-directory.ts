import type { AlumnusCardDto, DirectoryQuery, Page } from '@alumni/shared';
import { listMyClass, searchDirectory } from '../../api/directory';
import { usePagedList } from '../../pages/events/use-paged-list';

export type DirectoryMode = 'all' | 'my-class';
export type DirectoryFilters = Omit<DirectoryQuery, 'cursor' | 'limit'>;

const PAGE_SIZE = 20;

/** Blank filters are left out: the server refuses an empty one rather than matching everyone. */
export function cleanFilters(filters: DirectoryFilters): DirectoryFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== null && String(value).trim() !== ''),
  ) as DirectoryFilters;
}

function fetchPage(mode: DirectoryMode, filters: DirectoryFilters, cursor?: string): Promise<Page<AlumnusCardDto>> {
  return mode === 'my-class'
    ? listMyClass({ cursor, limit: PAGE_SIZE })
    : searchDirectory({ ...cleanFilters(filters), cursor, limit: PAGE_SIZE });
}

/**
 * One directory list (search or my class): the first page on every change of mode or filters (only
 * the newest answer shown, so quick searches never mix), more on demand, one page at a time.
 */
export function useDirectory(mode: DirectoryMode, filters: DirectoryFilters) {
  return usePagedList<AlumnusCardDto>((cursor) => fetchPage(mode, filters, cursor), `${mode} ${JSON.stringify(cleanFilters(filters))}`);
}
