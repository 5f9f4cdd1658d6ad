import type { AlumnusCardDto, DirectoryQuery, Page } from '@alumni/shared';
import { request } from './request';

export function searchDirectory(query: DirectoryQuery): Promise<Page<AlumnusCardDto>> {
  return request<Page<AlumnusCardDto>>({ path: '/api/v1/directory', query: { ...query } });
}

export function listMyClass(query: { cursor?: string; limit?: number } = {}): Promise<Page<AlumnusCardDto>> {
  return request<Page<AlumnusCardDto>>({ path: '/api/v1/directory/my-class', query });
}
