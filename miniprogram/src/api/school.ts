import type { SchoolDto } from '@alumni/shared';
import { request } from './request';

export function getSchool(): Promise<SchoolDto> {
  return request<SchoolDto>({ path: '/api/v1/school' });
}
